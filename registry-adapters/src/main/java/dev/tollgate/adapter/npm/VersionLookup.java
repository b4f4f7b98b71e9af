package dev.tollgate.adapter.npm;

import java.util.Objects;

/**
 * The answer to {@code /<name>/<version-or-tag>} against a filtered packument: the manifest, or why
 * there is none. A removed version is told apart from a missing one so the client can be told that
 * policy, not the registry, stands in the way.
 */
public sealed interface VersionLookup {

  /** The version is kept; {@code json} is its manifest with the tarball URL rewritten. */
  record Found(VersionInfo version, byte[] json) implements VersionLookup {
    public Found {
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(json, "json");
    }
  }

  /** The version (asked for directly or through a tag upstream) exists but was filtered out. */
  record Removed(VersionInfo version) implements VersionLookup {
    public Removed {
      Objects.requireNonNull(version, "version");
    }
  }

  /** Neither a version nor a tag of the package has this name (answer 404). */
  record Missing(String versionOrTag) implements VersionLookup {
    public Missing {
      Objects.requireNonNull(versionOrTag, "versionOrTag");
    }
  }
}
