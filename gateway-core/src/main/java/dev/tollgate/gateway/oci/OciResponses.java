package dev.tollgate.gateway.oci;

import dev.tollgate.adapter.oci.OciErrorCode;
import dev.tollgate.adapter.oci.OciErrors;
import dev.tollgate.gateway.server.Exchange;
import dev.tollgate.gateway.server.ReasonPhrases;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * Answers on the OCI mount: errors in the distribution spec's {@code errors} body, which skopeo,
 * podman and docker print ({@code denied: <message>}), with the same sentence as reason phrase;
 * and the API version header every answer under {@code /v2/} carries.
 */
final class OciResponses {

  static final String API_VERSION_HEADER = "Docker-Distribution-API-Version";
  static final String API_VERSION = "registry/2.0";

  private OciResponses() {}

  /** Answers {@code code} at its own status; false if the exchange was already answered. */
  static boolean error(Exchange exchange, OciErrorCode code, String message) {
    return error(exchange, code.httpStatus(), code, message);
  }

  /** Answers {@code code} at {@code status} (a 502 or 504 for upstream failures). */
  static boolean error(Exchange exchange, int status, OciErrorCode code, String message) {
    return exchange.respond(new HttpResponseStatus(status, ReasonPhrases.sanitize(message)), OciErrors.CONTENT_TYPE,
        OciErrors.body(code, message), headers());
  }

  /** The headers every answer on the mount carries. */
  static HttpHeaders headers() {
    return new DefaultHttpHeaders().set(API_VERSION_HEADER, API_VERSION);
  }
}
