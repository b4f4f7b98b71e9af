package dev.tollgate.gateway.it;

import dev.tollgate.policy.coordinates.Ecosystem;
import dev.tollgate.policy.coordinates.PackageNames;
import java.util.List;
import java.util.Optional;

/**
 * One version of one fixture project and how the fixture index publishes it. Each option is a
 * way a real index can present a file that the gateway has to carry through faithfully (yanked,
 * {@code requires-python}, PEP 658 metadata, an sdist beside the wheel) or has to catch (a file on
 * disk that no longer matches the sha256 the index lists).
 *
 * @param project the project name as its metadata spells it
 * @param requiresDist the {@code Requires-Dist} lines of its metadata
 * @param requiresPython the {@code requires-python} the index lists (and the metadata carries)
 * @param yankedReason when present, the index marks the files yanked (PEP 592) for this reason
 * @param coreMetadata whether the index offers the wheel's METADATA as a PEP 658 file
 * @param sdist whether an sdist is published beside the wheel
 * @param tamperedOnDisk whether the wheel on disk differs from the one whose sha256 the index lists
 *     (same size, other code: only the sha256 check can catch it)
 */
record FixtureRelease(
    String project,
    String version,
    List<String> requiresDist,
    Optional<String> requiresPython,
    Optional<String> yankedReason,
    boolean coreMetadata,
    boolean sdist,
    boolean tamperedOnDisk) {

  FixtureRelease {
    requiresDist = List.copyOf(requiresDist);
  }

  /** A plain wheel-only release, listed with {@code requires-python >=3.8}. */
  static FixtureRelease of(String project, String version) {
    return new FixtureRelease(project, version, List.of(), Optional.of(">=3.8"), Optional.empty(), false, false,
        false);
  }

  FixtureRelease requires(String... requirements) {
    return new FixtureRelease(project, version, List.of(requirements), requiresPython, yankedReason, coreMetadata,
        sdist, tamperedOnDisk);
  }

  FixtureRelease requiringPython(String specifier) {
    return new FixtureRelease(project, version, requiresDist, Optional.of(specifier), yankedReason, coreMetadata,
        sdist, tamperedOnDisk);
  }

  FixtureRelease yanked(String reason) {
    return new FixtureRelease(project, version, requiresDist, requiresPython, Optional.of(reason), coreMetadata,
        sdist, tamperedOnDisk);
  }

  FixtureRelease withCoreMetadata() {
    return new FixtureRelease(project, version, requiresDist, requiresPython, yankedReason, true, sdist,
        tamperedOnDisk);
  }

  FixtureRelease withSdist() {
    return new FixtureRelease(project, version, requiresDist, requiresPython, yankedReason, coreMetadata, true,
        tamperedOnDisk);
  }

  FixtureRelease withTamperedFileOnDisk() {
    return new FixtureRelease(project, version, requiresDist, requiresPython, yankedReason, coreMetadata, sdist,
        true);
  }

  /** The PEP 503 normalised project name, as index URLs spell it. */
  String normalizedName() {
    return PackageNames.normalize(Ecosystem.PYPI, project);
  }

  /** The import name and the file-name prefix: the project name with {@code -} and {@code .} as {@code _}. */
  String moduleName() {
    return normalizedName().replace('-', '_');
  }

  String wheelFileName() {
    return moduleName() + "-" + version + "-py3-none-any.whl";
  }

  String sdistFileName() {
    return moduleName() + "-" + version + ".tar.gz";
  }

  /** The file name of the pure-Python wheel that the fixture index publishes for a release. */
  static String wheelFileName(String project, String version) {
    return of(project, version).wheelFileName();
  }
}
