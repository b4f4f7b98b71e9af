package dev.tollgate.adapter.npm;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What policy needs to know about one published version, read from a packument without keeping the
 * document: whether installing it runs scripts, whether it is deprecated, when it was published and
 * which bytes its tarball must have.
 *
 * @param version the version, as the key of the packument's {@code versions} object
 * @param hasInstallScript whether installing runs code: {@code scripts.preinstall}, {@code
 *     scripts.install} or {@code scripts.postinstall} is set (full packuments), or {@code
 *     hasInstallScript} is {@code true} (abbreviated ones)
 * @param deprecated the deprecation message ({@code ""} when {@code deprecated} is just {@code
 *     true}); empty when not deprecated, which includes npm's way of undeprecating, {@code ""}
 * @param integrity {@code dist.integrity}, an SRI string
 * @param shasum {@code dist.shasum}, SHA-1 hex
 * @param tarball {@code dist.tarball} as the upstream wrote it
 * @param publishedAt the version's entry in {@code time}; abbreviated packuments usually have none
 */
public record VersionInfo(
    String version,
    boolean hasInstallScript,
    Optional<String> deprecated,
    Optional<String> integrity,
    Optional<String> shasum,
    Optional<String> tarball,
    Optional<Instant> publishedAt) {

  public VersionInfo {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(deprecated, "deprecated");
    Objects.requireNonNull(integrity, "integrity");
    Objects.requireNonNull(shasum, "shasum");
    Objects.requireNonNull(tarball, "tarball");
    Objects.requireNonNull(publishedAt, "publishedAt");
  }

  public boolean isDeprecated() {
    return deprecated.isPresent();
  }

  /** This version with its publish time, which a packument may give after the version. */
  VersionInfo withPublishedAt(Optional<Instant> time) {
    return new VersionInfo(version, hasInstallScript, deprecated, integrity, shasum, tarball, time);
  }

  /**
   * The digest the tarball must match (see {@link TarballDigest#expected}); empty means the
   * download cannot be verified and should be refused.
   */
  public Optional<TarballDigest> expectedDigest() {
    return TarballDigest.expected(integrity, shasum);
  }
}
