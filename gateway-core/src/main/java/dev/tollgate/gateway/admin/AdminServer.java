package dev.tollgate.gateway.admin;

import dev.tollgate.gateway.config.GatewayConfig;
import dev.tollgate.gateway.decisions.DecisionJournal;
import dev.tollgate.gateway.policy.PolicyReloader;
import dev.tollgate.gateway.server.Route;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The admin listener: its own port (loopback by default), apart from the agents' port, so that no
 * agent can reach the admin API, whatever its token. Serves the {@link AdminApi} under
 * {@code /admin/} and whatever routes the composition root mounts beside it (metrics), all behind
 * the admin bearer token.
 */
public final class AdminServer implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(AdminServer.class.getName());
  private static final int MAX_BODY = 64 * 1024;

  private final EventLoopGroup group;
  private final ExecutorService executor;
  private final Channel channel;

  private AdminServer(EventLoopGroup group, ExecutorService executor, Channel channel) {
    this.group = group;
    this.executor = executor;
    this.channel = channel;
  }

  /** Binds {@code admin.host:admin.port} and serves the API and {@code routes}; returns once it listens. */
  public static AdminServer start(GatewayConfig config, AdminTokens tokens, PolicyReloader reloader,
      DecisionJournal journal, List<Route> routes, Clock clock) throws InterruptedException {
    if (tokens.isEmpty()) {
      LOG.warning("admin API: no token configured (admin.tokensFile or TOLLGATE_ADMIN_TOKEN); every admin request"
          + " is refused");
    }
    ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "tollgate-admin");
      t.setDaemon(true);
      return t;
    });
    AdminHandler handler = new AdminHandler(tokens, new AdminApi(config.policy(), reloader, journal, clock), routes,
        executor);
    GatewayConfig.Server limits = config.server();
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    try {
      Channel channel = new ServerBootstrap()
          .group(group)
          .channel(NioServerSocketChannel.class)
          .childHandler(new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel ch) {
              ch.pipeline().addLast(
                  new HttpServerCodec(new HttpDecoderConfig()
                      .setMaxInitialLineLength(limits.maxInitialLineLength())
                      .setMaxHeaderSize(limits.maxHeaderSize())),
                  new HttpServerKeepAliveHandler(),
                  new HttpObjectAggregator(MAX_BODY, true),
                  handler);
            }
          })
          .bind(new InetSocketAddress(config.admin().host(), config.admin().port()))
          .sync()
          .channel();
      return new AdminServer(group, executor, channel);
    } catch (InterruptedException | RuntimeException e) {
      group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
      executor.shutdownNow();
      throw e;
    }
  }

  /** The bound port (useful when {@code admin.port} is 0). */
  public int port() {
    return ((InetSocketAddress) channel.localAddress()).getPort();
  }

  @Override
  public void close() {
    channel.close().awaitUninterruptibly();
    executor.shutdown();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
  }
}
