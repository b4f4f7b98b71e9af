package dev.tollgate.policy.coordinates;

import java.util.Objects;
import java.util.Optional;

/**
 * What a request is about: a package (by its ecosystem-normalised name) and, when the request
 * names one, a version. A name-level question ("may this project be used at all?") has no version.
 */
public record PackageCoordinates(Ecosystem ecosystem, String name, Optional<String> version) {

  public PackageCoordinates {
    Objects.requireNonNull(ecosystem, "ecosystem");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("package name is empty");
    }
  }

  public static PackageCoordinates of(Ecosystem ecosystem, String name) {
    return new PackageCoordinates(ecosystem, name, Optional.empty());
  }

  public static PackageCoordinates of(Ecosystem ecosystem, String name, String version) {
    return new PackageCoordinates(ecosystem, name, Optional.of(version));
  }

  /** {@code name} or {@code name@version}, for messages and logs. */
  @Override
  public String toString() {
    return version.map(v -> name + "@" + v).orElse(name);
  }
}
