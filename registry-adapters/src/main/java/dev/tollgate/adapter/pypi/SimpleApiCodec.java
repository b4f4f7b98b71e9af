package dev.tollgate.adapter.pypi;

import dev.tollgate.adapter.text.UpstreamText;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.Optional;

/**
 * The gateway's entry point to the simple API's two serialisations: read an upstream page of either
 * kind into a {@link SimpleProjectPage}, and write pages and the project list in the format a
 * client negotiated (see {@link ContentNegotiation}). Pure functions over bytes; the gateway does
 * the fetching.
 */
public final class SimpleApiCodec {

  /**
   * The {@code Accept} header to send upstream: JSON preferred, HTML as fallback, the legacy type
   * last (the header PEP 691 recommends for clients).
   */
  public static final String UPSTREAM_ACCEPT =
      SimpleFormat.JSON_V1
          + ", "
          + SimpleFormat.HTML_V1
          + ";q=0.2, "
          + SimpleFormat.TEXT_HTML
          + ";q=0.01";

  private SimpleApiCodec() {}

  /**
   * Reads an upstream project page.
   *
   * @param body the response body
   * @param contentType the response's {@code Content-Type}; it decides the format, as PEP 691
   *     requires, and its {@code charset} the HTML encoding (UTF-8 when absent)
   * @param pageUrl the absolute URL the page was fetched from, for relative links
   * @param normalizedProject the project asked for
   * @throws MalformedIndexException if the type is not a simple-API type, or the page cannot be
   *     read
   */
  public static SimpleProjectPage parseProjectPage(
      byte[] body, String contentType, String pageUrl, String normalizedProject)
      throws MalformedIndexException {
    MediaType type =
        MediaType.parse(contentType == null ? "" : contentType)
            .orElseThrow(
                () ->
                    new MalformedIndexException(
                        "upstream sent no usable Content-Type: "
                            + UpstreamText.quote(String.valueOf(contentType))));
    return switch (type.essence()) {
      case SimpleFormat.JSON_V1 -> SimpleJsonParser.parse(body, pageUrl, normalizedProject);
      case SimpleFormat.HTML_V1, SimpleFormat.TEXT_HTML ->
          SimpleHtmlParser.parse(decode(body, type), pageUrl, normalizedProject);
      default ->
          throw new MalformedIndexException(
              "upstream answered with "
                  + type.essence()
                  + ", not a simple API type ("
                  + String.join(", ", ContentNegotiation.AVAILABLE)
                  + ")");
    };
  }

  /** Writes a project page; {@code linker} gives each file's URL (see {@link FileLinker}). */
  public static byte[] writeProjectPage(
      SimpleProjectPage page, SimpleFormat format, FileLinker linker) {
    return switch (format) {
      case HTML -> SimpleHtmlWriter.projectPage(page, linker);
      case JSON -> SimpleJsonWriter.projectPage(page, linker);
    };
  }

  /** Writes the root page listing {@code projectNames}, each linked to its normalised page. */
  public static byte[] writeProjectList(List<String> projectNames, SimpleFormat format) {
    return switch (format) {
      case HTML -> SimpleHtmlWriter.projectList(projectNames);
      case JSON -> SimpleJsonWriter.projectList(projectNames);
    };
  }

  /** Decodes HTML strictly: a page that is not valid in its declared charset is not guessed at. */
  private static String decode(byte[] body, MediaType type) throws MalformedIndexException {
    Optional<String> declared = Optional.ofNullable(type.parameters().get("charset"));
    Charset charset;
    try {
      charset = declared.map(Charset::forName).orElse(StandardCharsets.UTF_8);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new MalformedIndexException(
          "unsupported charset " + UpstreamText.quote(declared.orElse("")), e);
    }
    try {
      return charset
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException e) {
      throw new MalformedIndexException("page is not valid " + charset.name(), e);
    }
  }
}
