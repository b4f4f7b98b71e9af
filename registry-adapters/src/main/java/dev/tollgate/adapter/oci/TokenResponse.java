package dev.tollgate.adapter.oci;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;

/**
 * A token service's answer to a token request: the bearer token and how long it may be reused.
 * Docker's token protocol names the token {@code token}, OAuth2 clients {@code access_token}; a
 * missing {@code expires_in} means 60 seconds.
 */
public record TokenResponse(String token, Duration expiresIn) {

  /** Largest token response read; real ones are a few kilobytes. */
  public static final int MAX_SIZE = 1024 * 1024;

  /** Longest token accepted: it travels in an {@code Authorization} header. */
  public static final int MAX_TOKEN_LENGTH = 16 * 1024;

  /** The lifetime of a token whose response does not say. */
  public static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(60);

  public TokenResponse {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(expiresIn, "expiresIn");
  }

  /**
   * Parses a token response body.
   *
   * @throws IllegalArgumentException when it is too large, not a JSON object, has no usable token,
   *     or a token or lifetime of the wrong shape
   */
  public static TokenResponse parse(byte[] body) {
    if (body.length > MAX_SIZE) {
      throw new IllegalArgumentException("token response larger than " + MAX_SIZE + " bytes");
    }
    JsonNode root;
    try {
      root = JsonDocuments.read(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("token response is not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new IllegalArgumentException("token response cannot be read: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("token response is not a JSON object");
    }
    JsonNode token = root.hasNonNull("token") ? root.get("token") : root.get("access_token");
    if (token == null || !token.isTextual() || token.textValue().isEmpty()) {
      throw new IllegalArgumentException("token response has no 'token' or 'access_token' string");
    }
    return new TokenResponse(checkedToken(token.textValue()), lifetime(root.get("expires_in")));
  }

  private static String checkedToken(String token) {
    if (token.length() > MAX_TOKEN_LENGTH) {
      throw new IllegalArgumentException("token longer than " + MAX_TOKEN_LENGTH + " characters");
    }
    if (!VisibleAscii.all(token)) {
      throw new IllegalArgumentException("token holds a character that cannot go into a header");
    }
    return token;
  }

  private static Duration lifetime(JsonNode expiresIn) {
    if (expiresIn == null || expiresIn.isNull()) {
      return DEFAULT_LIFETIME;
    }
    if (!expiresIn.isIntegralNumber() || !expiresIn.canConvertToLong() || expiresIn.longValue() <= 0) {
      throw new IllegalArgumentException("token response: expires_in must be a positive whole number of seconds");
    }
    return Duration.ofSeconds(expiresIn.longValue());
  }
}
