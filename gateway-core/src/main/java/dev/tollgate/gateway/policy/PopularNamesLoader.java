package dev.tollgate.gateway.policy;

import dev.tollgate.gateway.config.ConfigException;
import dev.tollgate.policy.coordinates.Ecosystem;
import dev.tollgate.policy.typosquat.ProtectedNames;
import dev.tollgate.policy.typosquat.ProtectedNamesParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens the shipped popular-name lists ({@code popular/pypi.txt}, {@code popular/npm.txt}, {@code popular/oci.txt}) for the typosquat detector. */
public final class PopularNamesLoader {

  private PopularNamesLoader() {}

  /** Every {@code <ecosystem>.txt} in {@code directory}; a missing file protects no popular names for that ecosystem. */
  public static ProtectedNames load(Path directory) throws ConfigException {
    ProtectedNames names = ProtectedNames.empty();
    for (Ecosystem ecosystem : Ecosystem.values()) {
      Path file = directory.resolve(ecosystem.id() + ".txt");
      if (!Files.exists(file)) {
        continue;
      }
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        names = names.plus(ProtectedNamesParser.parsePopularList(ecosystem, reader));
      } catch (IOException e) {
        throw new ConfigException(file + ": cannot be read: " + e.getMessage(), e);
      } catch (IllegalArgumentException e) {
        throw new ConfigException(file + ": " + e.getMessage(), e);
      }
    }
    return names;
  }
}
