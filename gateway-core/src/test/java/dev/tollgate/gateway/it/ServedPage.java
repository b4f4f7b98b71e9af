package dev.tollgate.gateway.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A project page as a client reads it, in either rendering: the files it offers, each with the
 * absolute URL a client would download from and the sha256 it would check. Tests compare the
 * HTML and JSON renderings through this one view, so both are held to the same expectations.
 */
record ServedPage(List<ServedPage.FileLink> files) {

  /** One file a page links, as a client resolves it against the page's URL. */
  record FileLink(String fileName, URI url, Optional<String> sha256) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern ANCHOR = Pattern.compile("<a\\s([^>]*)>(.*?)</a>", Pattern.DOTALL);
  private static final Pattern ATTRIBUTE = Pattern.compile("([\\w-]+)\\s*=\\s*\"([^\"]*)\"");

  /** Reads a page in {@code format} fetched from {@code pageUrl}. */
  static ServedPage read(SimpleApiFormat format, URI pageUrl, String body) throws IOException {
    return switch (format) {
      case HTML -> fromHtml(pageUrl, body);
      case JSON -> fromJson(pageUrl, body);
    };
  }

  /** Reads a PEP 503 HTML page fetched from {@code pageUrl}. */
  private static ServedPage fromHtml(URI pageUrl, String html) {
    List<FileLink> files = new ArrayList<>();
    Matcher anchor = ANCHOR.matcher(html);
    while (anchor.find()) {
      Map<String, String> attributes = new TreeMap<>();
      Matcher attribute = ATTRIBUTE.matcher(anchor.group(1));
      while (attribute.find()) {
        attributes.put(attribute.group(1), unescapeHtml(attribute.group(2)));
      }
      String href = attributes.getOrDefault("href", "");
      int hash = href.indexOf('#');
      Optional<String> sha256 = hash >= 0 && href.startsWith("sha256=", hash + 1)
          ? Optional.of(href.substring(hash + 1 + "sha256=".length()))
          : Optional.empty();
      URI url = pageUrl.resolve(hash >= 0 ? href.substring(0, hash) : href);
      files.add(new FileLink(unescapeHtml(anchor.group(2).strip()), url, sha256));
    }
    return new ServedPage(files);
  }

  /** Reads a PEP 691 JSON page fetched from {@code pageUrl}. */
  private static ServedPage fromJson(URI pageUrl, String json) throws IOException {
    List<FileLink> files = new ArrayList<>();
    for (JsonNode file : JSON.readTree(json).path("files")) {
      JsonNode sha256 = file.path("hashes").path("sha256");
      files.add(new FileLink(file.path("filename").asText(), pageUrl.resolve(file.path("url").asText()),
          sha256.isTextual() ? Optional.of(sha256.asText()) : Optional.empty()));
    }
    return new ServedPage(files);
  }

  /** The file names offered, in page order. */
  List<String> fileNames() {
    return files.stream().map(FileLink::fileName).toList();
  }

  private static String unescapeHtml(String text) {
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
        .replace("&amp;", "&");
  }
}
