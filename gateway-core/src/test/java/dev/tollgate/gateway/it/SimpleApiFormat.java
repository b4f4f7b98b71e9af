package dev.tollgate.gateway.it;

/**
 * The two renderings of the PyPI Simple API. Upstreams speak one of them, clients ask for one by
 * {@code Accept}, and the gateway has to translate between them; the tests run every case for both.
 */
enum SimpleApiFormat {
  /** PEP 503 HTML pages, what static mirrors serve. */
  HTML("text/html"),
  /** PEP 691 JSON pages, what pip and uv ask for first. */
  JSON("application/vnd.pypi.simple.v1+json");

  private final String mediaType;

  SimpleApiFormat(String mediaType) {
    this.mediaType = mediaType;
  }

  /** The media type a client puts in {@code Accept} and a server in {@code Content-Type}. */
  String mediaType() {
    return mediaType;
  }
}
