package dev.tollgate.adapter.oci;

import dev.tollgate.adapter.url.PercentCoding;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The decoded query parameters of an OCI request. A parameter given twice is refused: the gateway
 * and the upstream could otherwise read different values.
 */
final class QueryParameters {

  private final Map<String, String> values;

  private QueryParameters(Map<String, String> values) {
    this.values = values;
  }

  /**
   * Parses a raw query string ({@code null} or empty for none).
   *
   * @throws IllegalArgumentException for bad percent-encoding, a character that is not visible
   *     ASCII, or a repeated parameter
   */
  static QueryParameters parse(String rawQuery) {
    Map<String, String> values = new HashMap<>();
    if (rawQuery != null) {
      for (String pair : rawQuery.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int equals = pair.indexOf('=');
        String key = decode(equals < 0 ? pair : pair.substring(0, equals));
        String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
        if (values.put(key, value) != null) {
          throw new IllegalArgumentException("query parameter '" + key + "' given more than once");
        }
      }
    }
    return new QueryParameters(values);
  }

  /** OCI query keys and values are visible ASCII; {@code +} stays {@code +}. */
  private static String decode(String raw) {
    return VisibleAscii.requireAll(PercentCoding.decode(raw));
  }

  /** The value of {@code key}, if the query has it. */
  Optional<String> get(String key) {
    return Optional.ofNullable(values.get(key));
  }
}
