package dev.tollgate.adapter.npm;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What filtering did to a packument, for the audit log, the tarball route and the refusal message:
 * the versions kept (with their digests and publish times, in upstream order), the versions
 * removed, and the dist-tags as the client sees them.
 *
 * @param kept the kept versions by version string
 * @param removed the removed versions, in upstream order
 * @param distTags the dist-tags after re-pointing (see {@link PackumentFilter})
 */
public record PackumentSummary(
    Map<String, VersionInfo> kept, List<String> removed, Map<String, String> distTags) {

  public PackumentSummary {
    kept = Collections.unmodifiableMap(new LinkedHashMap<>(kept));
    removed = List.copyOf(removed);
    distTags = Collections.unmodifiableMap(new LinkedHashMap<>(distTags));
  }

  /** Whether any version survived; if none did, the gateway refuses the whole package. */
  public boolean anyKept() {
    return !kept.isEmpty();
  }
}
