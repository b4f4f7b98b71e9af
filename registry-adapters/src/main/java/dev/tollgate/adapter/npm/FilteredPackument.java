package dev.tollgate.adapter.npm;

import java.util.Objects;

/**
 * A packument as the gateway serves it: the filtered JSON and what the filter did.
 *
 * @param json the filtered packument, UTF-8; its content type is the upstream's
 * @param summary the versions kept and removed, and the dist-tags written
 */
public record FilteredPackument(byte[] json, PackumentSummary summary) {
  public FilteredPackument {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(summary, "summary");
  }
}
