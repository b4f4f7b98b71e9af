package dev.tollgate.gateway.server;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The 401 each client understands, with a sentence saying how to send the token:
 * <ul>
 *   <li>OCI clients ({@code /v2/}): {@code WWW-Authenticate: Basic realm="tollgate"}, which makes
 *       skopeo and podman send the credentials they hold for the gateway's host, and an OCI error
 *       {@code UNAUTHORIZED}, whose message they print. The hint names auth.json because that is
 *       the only way credentials reach a mirror: containers/image keeps {@code --creds} for the
 *       registry itself;
 *   <li>npm ({@code /npm/}): the route's JSON error and no challenge. npm prints a 401 without a
 *       challenge as "401 REASON - GET URL - ERROR", our own sentence twice; with any challenge it
 *       prints only its own advice to run {@code npm login}, which a read-only gateway cannot help;
 *   <li>everything else (pip): {@code WWW-Authenticate: Basic realm="tollgate"}, and the sentence as
 *       the reason phrase, which pip prints.
 * </ul>
 */
final class Unauthorized {

  static final String CHALLENGE = "Basic realm=\"tollgate\"";

  private Unauthorized() {}

  static void send(ChannelHandlerContext ctx, HttpRequest request, Optional<Route> route, String why) {
    String uri = request.uri();
    boolean oci = uri.startsWith("/v2/") || uri.equals("/v2");
    boolean npm = uri.startsWith("/npm/");
    String sentence = why + "; " + hint(oci, npm);
    Route.ErrorBody body = oci ? ociError(sentence)
        : route.map(r -> r.errorBody(sentence)).orElseGet(() -> Route.plainError(sentence));
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
        new HttpResponseStatus(401, ReasonPhrases.sanitize("Unauthorized: " + sentence)),
        Unpooled.wrappedBuffer(body.bytes()));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, body.contentType());
    response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.bytes().length);
    if (!npm) {
      response.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, CHALLENGE);
    }
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    HttpUtil.setKeepAlive(response, keepAlive);
    var written = ctx.writeAndFlush(response);
    if (!keepAlive) {
      written.addListener(ChannelFutureListener.CLOSE);
    }
  }

  private static String hint(boolean oci, boolean npm) {
    if (oci) {
      return "log in to the gateway's own HOST:PORT with the agent's token (podman login, or auth.json);"
          + " a registry mirror is never sent --creds";
    }
    if (npm) {
      return "set the agent's token in .npmrc: //HOST/npm/:_authToken=TOKEN";
    }
    return "put the agent's token in the index URL: http://AGENT:TOKEN@HOST/pypi/simple/";
  }

  private static Route.ErrorBody ociError(String message) {
    String json = "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\""
        + new String(JsonStringEncoder.getInstance().quoteAsString(message)) + "\",\"detail\":null}]}\n";
    return new Route.ErrorBody("application/json", json.getBytes(StandardCharsets.UTF_8));
  }
}
