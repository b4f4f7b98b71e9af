package dev.tollgate.adapter.pypi;

import java.util.List;
import java.util.Objects;

/** The outcome of choosing a simple-API serialisation for a client: a format, or a 406. */
public sealed interface Negotiation {

  /**
   * Serve {@code format}, labelled {@code contentType}: the concrete type the client asked for
   * ({@code text/html} stays {@code text/html}; a {@code latest} request gets the v1 type).
   */
  record Chosen(SimpleFormat format, String contentType) implements Negotiation {
    public Chosen {
      Objects.requireNonNull(format, "format");
      Objects.requireNonNull(contentType, "contentType");
    }
  }

  /** Nothing the client accepts is served; answer 406 listing {@code available}. */
  record NotAcceptable(List<String> available) implements Negotiation {
    public NotAcceptable {
      available = List.copyOf(available);
    }
  }
}
