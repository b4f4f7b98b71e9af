package dev.tollgate.adapter.npm;

import java.util.Objects;

/**
 * What a request under the gateway's npm mount asks for, decided once from the raw path so that
 * routing, policy and the audit log work on a checked, typed value and never on a string. Every
 * package name in it is valid ({@link NpmNames#isValid}) and in the {@code @scope/name} form,
 * whichever spelling the client sent.
 */
public sealed interface NpmRequest {

  /** {@code /<name>}: the package's packument, full or abbreviated by the client's Accept. */
  record Packument(String name) implements NpmRequest {
    public Packument {
      Objects.requireNonNull(name, "name");
    }
  }

  /**
   * {@code /<name>/<version-or-tag>}: one version's manifest (pnpm asks {@code /<name>/latest}).
   * {@code versionOrTag} is 1 to 256 characters of letters, digits, {@code . _ + -}.
   */
  record VersionDocument(String name, String versionOrTag) implements NpmRequest {
    public VersionDocument {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(versionOrTag, "versionOrTag");
    }
  }

  /**
   * {@code /<name>/-/<filename>}: a tarball, whose file name belongs to the package ({@code
   * <name>-<version>.tgz}, the part after the scope for scoped names); {@code version} is the
   * SemVer version read from it.
   */
  record Tarball(String name, String filename, String version) implements NpmRequest {
    public Tarball {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(filename, "filename");
      Objects.requireNonNull(version, "version");
    }
  }

  /** {@code /-/ping}: npm's health check ({@code npm ping}, and before {@code npm login}). */
  record Ping() implements NpmRequest {}

  /**
   * A well-formed path the gateway does not serve: search, audit, login, whoami, user and the other
   * {@code /-/} endpoints, and the registry root. Answer with a JSON error saying so.
   */
  record Unsupported(String reason) implements NpmRequest {
    public Unsupported {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** A malformed or hostile path (answer 400 with {@code reason}); it never goes upstream. */
  record Rejected(String reason) implements NpmRequest {
    public Rejected {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
