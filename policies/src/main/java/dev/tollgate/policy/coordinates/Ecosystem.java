package dev.tollgate.policy.coordinates;

import java.util.Locale;

/** The package ecosystems Tollgate stands in front of; every rule, name and decision belongs to one. */
public enum Ecosystem {
  PYPI,
  NPM,
  OCI;

  /** The lower-case name used in configuration, paths, CLI arguments and the audit log. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code pypi}, {@code npm} or {@code oci} (any case); throws with the valid names otherwise. */
  public static Ecosystem fromId(String id) {
    for (Ecosystem e : values()) {
      if (e.id().equalsIgnoreCase(id.trim())) {
        return e;
      }
    }
    throw new IllegalArgumentException("unknown ecosystem '" + id + "' (expected pypi, npm or oci)");
  }
}
