package dev.tollgate.adapter.pypi;

/**
 * The two serialisations of the simple API (PEP 503 HTML, PEP 691 JSON) and their media types. The
 * gateway reads either from its upstream and writes whichever its own client negotiated.
 */
public enum SimpleFormat {
  HTML,
  JSON;

  /** PEP 691 JSON, API major version 1. */
  public static final String JSON_V1 = "application/vnd.pypi.simple.v1+json";

  /** PEP 691's name for the HTML serialisation, API major version 1. */
  public static final String HTML_V1 = "application/vnd.pypi.simple.v1+html";

  /** The legacy PEP 503 type, an alias of {@link #HTML_V1}. */
  public static final String TEXT_HTML = "text/html";

  /** PEP 691 meta version: "whatever is newest"; answered with the concrete v1 type. */
  public static final String JSON_LATEST = "application/vnd.pypi.simple.latest+json";

  /** PEP 691 meta version for HTML; answered with {@link #HTML_V1}. */
  public static final String HTML_LATEST = "application/vnd.pypi.simple.latest+html";
}
