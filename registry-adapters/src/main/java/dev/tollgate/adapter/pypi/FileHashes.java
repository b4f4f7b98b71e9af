package dev.tollgate.adapter.pypi;

import dev.tollgate.adapter.text.UpstreamText;
import dev.tollgate.adapter.url.PercentCoding;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Digests as the simple API writes them (hash name to hex digest), kept in one canonical form,
 * lower case, so that the gateway's comparison with the digest it computes cannot fail on spelling.
 */
final class FileHashes {

  /** The digest the gateway verifies downloads against, and the one PEP 503 recommends. */
  static final String SHA256 = "sha256";

  /** Digests pip verifies from an HTML fragment, best first. */
  private static final List<String> PREFERENCE =
      List.of(SHA256, "sha512", "sha384", "sha224", "sha1", "md5");

  private FileHashes() {}

  /** An unmodifiable copy that keeps the upstream's order, so rendered pages are stable. */
  static Map<String, String> ordered(Map<String, String> hashes) {
    if (hashes.size() > 1) {
      return Collections.unmodifiableMap(new LinkedHashMap<>(hashes));
    }
    return hashes.isEmpty() ? Map.of() : Map.copyOf(hashes);
  }

  /**
   * Adds one digest in canonical form to {@code hashes}.
   *
   * @throws MalformedIndexException if the name is empty or the digest is not hexadecimal
   */
  static void put(Map<String, String> hashes, String name, String hexDigest)
      throws MalformedIndexException {
    if (name.isEmpty()) {
      throw new MalformedIndexException("empty hash name");
    }
    Optional<String> digest = lowerCaseHex(hexDigest);
    if (digest.isEmpty()) {
      throw new MalformedIndexException(
          "hash "
              + UpstreamText.quote(name)
              + " is not a hexadecimal digest: "
              + UpstreamText.quote(hexDigest));
    }
    hashes.put(name.toLowerCase(Locale.ROOT), digest.get());
  }

  /**
   * The digest to name where only one fits (an HTML link fragment or attribute): sha256 if known,
   * else the strongest other one pip can check; empty if there is none of those.
   */
  static Optional<Map.Entry<String, String>> preferred(Map<String, String> hashes) {
    for (String name : PREFERENCE) {
      String digest = hashes.get(name);
      if (digest != null) {
        return Optional.of(Map.entry(name, digest));
      }
    }
    return Optional.empty();
  }

  /** {@code text} in lower case if it is a non-empty hex string; one pass, no copy if already. */
  private static Optional<String> lowerCaseHex(String text) {
    boolean upperCase = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 'A' && c <= 'F') {
        upperCase = true;
      } else if (PercentCoding.hexValue(c) < 0) {
        return Optional.empty();
      }
    }
    if (text.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(upperCase ? text.toLowerCase(Locale.ROOT) : text);
  }
}
