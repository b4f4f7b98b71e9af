package dev.tollgate.adapter.pypi;

import dev.tollgate.adapter.url.PercentCoding;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes PEP 503 pages with every attribute the later PEPs added (yanked, requires-python, core
 * metadata under both of its names, GPG signature) and the PEP 629 version tag. All values are
 * escaped, so nothing an upstream sends can add markup to a page the gateway serves.
 */
final class SimpleHtmlWriter {

  /** The simple API version these pages declare. */
  private static final String API_VERSION = "1.1";

  private static final int BYTES_PER_FILE = 320;

  private SimpleHtmlWriter() {}

  static byte[] projectPage(SimpleProjectPage page, FileLinker linker) {
    List<DistributionFile> files = page.files();
    StringBuilder html = new StringBuilder(512 + files.size() * BYTES_PER_FILE);
    String title = "Links for " + page.name();
    header(html, title);
    for (DistributionFile file : files) {
      html.append("    <a href=\"");
      escape(html, linker.link(file));
      FileHashes.preferred(file.hashes())
          .ifPresent(
              hash -> html.append('#').append(hash.getKey()).append('=').append(hash.getValue()));
      html.append('"');
      file.requiresPython().ifPresent(value -> attribute(html, "data-requires-python", value));
      if (file.yank().yanked()) {
        attribute(html, "data-yanked", file.yank().reason().orElse(""));
      }
      if (file.coreMetadata().available()) {
        String value =
            FileHashes.preferred(file.coreMetadata().hashes())
                .map(hash -> hash.getKey() + "=" + hash.getValue())
                .orElse("true");
        attribute(html, "data-core-metadata", value);
        attribute(html, "data-dist-info-metadata", value);
      }
      file.gpgSig().ifPresent(value -> attribute(html, "data-gpg-sig", value.toString()));
      html.append('>');
      escape(html, file.filename());
      html.append("</a><br />\n");
    }
    footer(html);
    return html.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The root page: one link per project, to its normalised page below the root. */
  static byte[] projectList(List<String> projectNames) {
    StringBuilder html = new StringBuilder(512 + projectNames.size() * 64);
    header(html, "Simple index");
    for (String name : projectNames) {
      html.append("    <a href=\"");
      escape(html, PercentCoding.encodePathSegment(PypiNames.normalize(name)));
      html.append("/\">");
      escape(html, name);
      html.append("</a>\n");
    }
    footer(html);
    return html.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void header(StringBuilder html, String title) {
    html.append("<!DOCTYPE html>\n<html>\n  <head>\n")
        .append("    <meta name=\"pypi:repository-version\" content=\"")
        .append(API_VERSION)
        .append("\">\n    <title>");
    escape(html, title);
    html.append("</title>\n  </head>\n  <body>\n    <h1>");
    escape(html, title);
    html.append("</h1>\n");
  }

  private static void footer(StringBuilder html) {
    html.append("  </body>\n</html>\n");
  }

  private static void attribute(StringBuilder html, String name, String value) {
    html.append(' ').append(name).append("=\"");
    escape(html, value);
    html.append('"');
  }

  /** Escapes text for both element content and double-quoted attribute values. */
  private static void escape(StringBuilder html, String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> html.append("&amp;");
        case '<' -> html.append("&lt;");
        case '>' -> html.append("&gt;");
        case '"' -> html.append("&quot;");
        case '\'' -> html.append("&#39;");
        default -> html.append(c);
      }
    }
  }
}
