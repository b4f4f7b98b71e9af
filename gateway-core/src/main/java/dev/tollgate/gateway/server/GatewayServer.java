package dev.tollgate.gateway.server;

import dev.tollgate.gateway.agent.AgentDirectory;
import dev.tollgate.gateway.config.GatewayConfig;
import dev.tollgate.gateway.metrics.GatewayMetrics;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The listening HTTP/1.1 server: binds, builds each connection's pipeline, and shuts down gracefully. */
public final class GatewayServer implements AutoCloseable {

  private final GatewayConfig.Server config;
  private final EventLoopGroup boss;
  private final EventLoopGroup workers;
  private final Channel channel;

  private GatewayServer(GatewayConfig.Server config, EventLoopGroup boss, EventLoopGroup workers, Channel channel) {
    this.config = config;
    this.boss = boss;
    this.workers = workers;
    this.channel = channel;
  }

  /** Binds and starts serving {@code routes} to {@code agents}, counting in {@code metrics}; returns once listening. */
  public static GatewayServer start(GatewayConfig.Server config, List<Route> routes, AgentDirectory agents,
      GatewayMetrics metrics) throws InterruptedException {
    EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    EventLoopGroup workers = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
    try {
      Channel channel = new ServerBootstrap()
          .group(boss, workers)
          .channel(NioServerSocketChannel.class)
          .option(ChannelOption.SO_BACKLOG, 1024)
          .childOption(ChannelOption.TCP_NODELAY, true)
          .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(256 * 1024, 1024 * 1024))
          .childHandler(new ConnectionInitializer(config, routes, agents, metrics))
          .bind(new InetSocketAddress(config.host(), config.port()))
          .sync()
          .channel();
      return new GatewayServer(config, boss, workers, channel);
    } catch (InterruptedException | RuntimeException e) {
      boss.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
      workers.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
      throw e;
    }
  }

  /** The bound port (useful when the configured port is 0). */
  public int port() {
    return ((InetSocketAddress) channel.localAddress()).getPort();
  }

  /** Stops accepting, lets running responses finish within the grace period, then stops. */
  @Override
  public void close() {
    channel.close().awaitUninterruptibly();
    long grace = config.shutdownGrace().toMillis();
    boss.shutdownGracefully(0, grace, TimeUnit.MILLISECONDS);
    workers.shutdownGracefully(Math.min(grace, 500), grace, TimeUnit.MILLISECONDS).awaitUninterruptibly();
  }
}
