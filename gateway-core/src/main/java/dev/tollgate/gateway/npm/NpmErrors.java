package dev.tollgate.gateway.npm;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.tollgate.gateway.server.Exchange;
import dev.tollgate.gateway.server.ReasonPhrases;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Errors as npm, pnpm and yarn show them: a JSON body whose {@code error} field they print, and the
 * same sentence as the reason phrase, which npm prints beside the status.
 */
final class NpmErrors {

  static final String JSON = "application/json";
  private static final JsonFactory FACTORY = new JsonFactory();

  private NpmErrors() {}

  static byte[] body(String message) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(message.length() + 16);
    try (JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      json.writeStartObject();
      json.writeStringField("error", message);
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.write('\n');
    return out.toByteArray();
  }

  /** Answers {@code status} with {@code message}; false if the exchange was already answered. */
  static boolean respond(Exchange exchange, int status, String message) {
    return exchange.respond(new HttpResponseStatus(status, ReasonPhrases.sanitize(message)), JSON, body(message), null);
  }
}
