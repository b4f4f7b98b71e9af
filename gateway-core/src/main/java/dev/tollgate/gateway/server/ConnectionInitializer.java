package dev.tollgate.gateway.server;

import dev.tollgate.gateway.agent.AgentDirectory;
import dev.tollgate.gateway.config.GatewayConfig;
import dev.tollgate.gateway.metrics.GatewayMetrics;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Builds a client connection's pipeline in the order {@link PipelineNames} documents. */
final class ConnectionInitializer extends ChannelInitializer<Channel> {

  private final GatewayConfig.Server config;
  private final List<Route> routes;
  private final Router router;
  private final AgentDirectory agents;
  private final GatewayMetrics metrics;

  ConnectionInitializer(GatewayConfig.Server config, List<Route> routes, AgentDirectory agents,
      GatewayMetrics metrics) {
    this.config = config;
    this.agents = agents;
    this.metrics = metrics;
    this.routes = List.copyOf(routes);
    this.router = new Router(routes);
  }

  @Override
  protected void initChannel(Channel ch) {
    ChannelPipeline p = ch.pipeline();
    p.addLast(PipelineNames.CODEC, new HttpServerCodec(new HttpDecoderConfig()
        .setMaxInitialLineLength(config.maxInitialLineLength())
        .setMaxHeaderSize(config.maxHeaderSize())));
    p.addLast(PipelineNames.METRICS, new TrafficMetrics(metrics));
    p.addLast(PipelineNames.IDLE, new IdleStateHandler(0, 0, config.idleTimeout().toMillis(), TimeUnit.MILLISECONDS));
    p.addLast(PipelineNames.IDLE_CLOSER, new IdleConnectionCloser());
    p.addLast(PipelineNames.KEEP_ALIVE, new HttpServerKeepAliveHandler());
    p.addLast(PipelineNames.GUARD, new RequestGuard(routes));
    p.addLast(PipelineNames.AUTHENTICATION, new AgentAuthentication(agents, routes));
    p.addLast(PipelineNames.AGGREGATOR, new HttpObjectAggregator(config.maxRequestBody(), true));
    p.addLast(PipelineNames.ROUTER, router);
  }
}
