package dev.tollgate.adapter.pypi;

import dev.tollgate.adapter.text.UpstreamText;
import dev.tollgate.adapter.url.PercentCoding;
import java.net.MalformedURLException;
import java.net.URL;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Links as upstream pages write them: relative or absolute, sloppily escaped, with digests in the
 * fragment. Both serialisations resolve them here, so a file read from HTML and the same file read
 * from JSON end up with the same absolute URL, file name and digests.
 */
final class IndexUrls {

  /** Hash names a PEP 503 fragment may carry (those hashlib guarantees). */
  private static final Set<String> FRAGMENT_HASHES =
      Set.of(
          "md5",
          "sha1",
          "sha224",
          "sha256",
          "sha384",
          "sha512",
          "sha3_224",
          "sha3_256",
          "sha3_384",
          "sha3_512",
          "blake2b",
          "blake2s");

  private IndexUrls() {}

  /** A link split at its first {@code #}: the reference and the fragment (empty if none). */
  record Link(String reference, String fragment) {
    static Link of(String href) {
      String cleaned = stripTabsAndNewlines(href).trim();
      int hash = cleaned.indexOf('#');
      return hash < 0
          ? new Link(cleaned, "")
          : new Link(cleaned.substring(0, hash), cleaned.substring(hash + 1));
    }
  }

  /** An absolute link target: its URL (no fragment) and decoded last path segment. */
  record Target(String url, String lastSegment, boolean http) {}

  /**
   * Parses the URL a page was fetched from (or its {@code <base href>}), against which its links
   * resolve.
   */
  static URL base(String url) throws MalformedIndexException {
    try {
      return new URL(url);
    } catch (MalformedURLException e) {
      throw new MalformedIndexException("page URL " + UpstreamText.quote(url) + " is invalid", e);
    }
  }

  /**
   * Resolves {@code reference} (without fragment) against {@code base}, escaping characters a URL
   * may not hold raw. {@link Target#http()} tells whether it is an http(s) URL with a host, the
   * only kind a file may be fetched from; {@link Target#lastSegment()} is empty for a directory.
   *
   * @throws MalformedIndexException if the reference is not a URL or its escaping is broken
   */
  static Target resolve(URL base, String reference) throws MalformedIndexException {
    try {
      URL url = new URL(base, PercentCoding.encodeUnsafe(reference));
      String protocol = url.getProtocol().toLowerCase(Locale.ROOT);
      boolean http =
          (protocol.equals("http") || protocol.equals("https")) && !url.getHost().isEmpty();
      String path = url.getPath();
      String lastSegment = PercentCoding.decode(path.substring(path.lastIndexOf('/') + 1));
      return new Target(url.toExternalForm(), lastSegment, http);
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new MalformedIndexException(
          "link " + UpstreamText.quote(reference) + " is not a valid URL: " + e.getMessage(), e);
    }
  }

  /**
   * The digests in a PEP 503 fragment ({@code sha256=<hex>}, possibly joined with other {@code
   * key=value} pairs by {@code &}); keys that are not hash names are ignored.
   */
  static Map<String, String> fragmentHashes(String fragment) throws MalformedIndexException {
    Map<String, String> hashes = new LinkedHashMap<>();
    for (String pair : fragment.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0) {
        String name = pair.substring(0, equals).toLowerCase(Locale.ROOT);
        if (FRAGMENT_HASHES.contains(name)) {
          FileHashes.put(hashes, name, pair.substring(equals + 1));
        }
      }
    }
    return hashes;
  }

  /** URL parsing drops ASCII tabs and newlines anywhere in a link (WHATWG URL standard). */
  private static String stripTabsAndNewlines(String href) {
    if (href.indexOf('\t') < 0 && href.indexOf('\n') < 0 && href.indexOf('\r') < 0) {
      return href;
    }
    return href.replace("\t", "").replace("\n", "").replace("\r", "");
  }
}
