package dev.tollgate.adapter.pypi;

import java.net.URL;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jsoup.nodes.Attributes;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.LeafNode;
import org.jsoup.nodes.Node;
import org.jsoup.parser.Parser;
import org.jsoup.parser.StreamParser;

/**
 * Reads a PEP 503 project page. jsoup tokenizes it as HTML5 does (entities, comments, unquoted
 * attributes), streaming element by element and discarding each one once read, so a page of tens of
 * thousands of links never becomes a whole document tree.
 *
 * <p>Every {@code <a href>} is a file, except links to directories and to non-http(s) URLs, which
 * pages may carry for navigation. Links resolve against the first {@code <base href>} if the page
 * has one, else against the page URL, as pip resolves them.
 */
final class SimpleHtmlParser {

  private static final String PROJECT_VERSION_META = "pypi:repository-version";

  private SimpleHtmlParser() {}

  static SimpleProjectPage parse(String html, String pageUrl, String normalizedProject)
      throws MalformedIndexException {
    URL base = IndexUrls.base(pageUrl);
    boolean baseFromPage = false;
    String apiVersion = PageChecks.DEFAULT_API_VERSION;
    List<Attributes> anchors = new ArrayList<>();
    try (StreamParser stream = new StreamParser(Parser.htmlParser()).parse(html, pageUrl)) {
      Iterator<Element> elements = stream.iterator();
      while (elements.hasNext()) {
        Element element = elements.next();
        switch (element.normalName()) {
          case "a" -> anchors.add(element.attributes());
          case "base" -> {
            if (!baseFromPage && element.hasAttr("href")) {
              base = IndexUrls.base(IndexUrls.resolve(base, element.attr("href")).url());
              baseFromPage = true;
            }
          }
          case "meta" -> {
            if (PROJECT_VERSION_META.equals(element.attr("name"))) {
              apiVersion = PageChecks.apiVersion(element.attr("content"));
            }
          }
          default -> {}
        }
        discard(element);
      }
    }
    List<DistributionFile> files = new ArrayList<>(anchors.size());
    for (Attributes anchor : anchors) {
      file(anchor, base).ifPresent(files::add);
    }
    return new SimpleProjectPage(normalizedProject, apiVersion, Optional.empty(), files);
  }

  /**
   * Drops a completed element and the text and comments before it, keeping the tree small. The text
   * must go too: jsoup merges adjacent text nodes, and text left between removed elements would be
   * merged again and again into one ever longer string, making the parse quadratic.
   */
  private static void discard(Element element) {
    Node previous = element.previousSibling();
    element.remove();
    while (previous instanceof LeafNode) {
      Node before = previous.previousSibling();
      previous.remove();
      previous = before;
    }
  }

  private static Optional<DistributionFile> file(Attributes anchor, URL base)
      throws MalformedIndexException {
    if (!anchor.hasKey("href")) {
      return Optional.empty();
    }
    IndexUrls.Link link = IndexUrls.Link.of(anchor.get("href"));
    IndexUrls.Target target = IndexUrls.resolve(base, link.reference());
    if (!target.http() || target.lastSegment().isEmpty()) {
      return Optional.empty();
    }
    DistributionFile.Builder file =
        DistributionFile.builder()
            .filename(PageChecks.filename(target.lastSegment()))
            .url(target.url())
            .hashes(IndexUrls.fragmentHashes(link.fragment()));
    if (anchor.hasKey("data-requires-python")) {
      file.requiresPython(anchor.get("data-requires-python"));
    }
    if (anchor.hasKey("data-yanked")) {
      file.yank(YankStatus.yanked(anchor.get("data-yanked")));
    }
    if (anchor.hasKey("data-core-metadata")) {
      file.coreMetadata(coreMetadata(anchor.get("data-core-metadata")));
    } else if (anchor.hasKey("data-dist-info-metadata")) {
      file.coreMetadata(coreMetadata(anchor.get("data-dist-info-metadata")));
    }
    String gpgSig = anchor.get("data-gpg-sig").toLowerCase(Locale.ROOT);
    if (gpgSig.equals("true") || gpgSig.equals("false")) {
      file.gpgSig(gpgSig.equals("true"));
    }
    return Optional.of(file.build());
  }

  /**
   * PEP 658/714 attribute value: {@code <hashname>=<hex>}, or {@code true} when no digest is given.
   * Any other value still announces the file (pip reads it so); only {@code false} denies it.
   */
  private static CoreMetadata coreMetadata(String value) throws MalformedIndexException {
    String trimmed = value.trim();
    if (trimmed.equalsIgnoreCase("false")) {
      return CoreMetadata.NONE;
    }
    int equals = trimmed.indexOf('=');
    if (equals <= 0) {
      return CoreMetadata.available(Map.of());
    }
    Map<String, String> hashes = new LinkedHashMap<>();
    FileHashes.put(hashes, trimmed.substring(0, equals), trimmed.substring(equals + 1));
    return CoreMetadata.available(hashes);
  }
}
