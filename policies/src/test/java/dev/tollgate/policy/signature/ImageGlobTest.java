package dev.tollgate.policy.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageGlobTest {

  @ParameterizedTest
  @CsvSource({
      "ghcr.io/acme/**,        ghcr.io,      acme/app,             true",
      "ghcr.io/acme/**,        ghcr.io,      acme/team/app,        true",
      "ghcr.io/acme/**,        ghcr.io,      acmeco/app,           false",
      "ghcr.io/acme/*,         ghcr.io,      acme/app,             true",
      "ghcr.io/acme/*,         ghcr.io,      acme/team/app,        false",
      "docker.io/library/*,    docker.io,    library/ubuntu,       true",
      "docker.io/library/*,    quay.io,      library/ubuntu,       false",
      "localhost:5000/app,     localhost:5000, app,                true",
      "localhost:5000/app,     localhost:5000, app2,               false",
      "**/app,                 any.registry, team/app,             true",
  })
  void coversRegistryAndRepository(String glob, String registry, String repository, boolean covered) {
    assertEquals(covered, ImageGlob.parse(glob).matches(registry, repository));
  }

  @ParameterizedTest
  @CsvSource({"'', is empty", "ubuntu, must name registry/repository", "'ghcr.io/a b', may hold only"})
  void refusesWhatNoImageReferenceLooksLike(String glob, String message) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ImageGlob.parse(glob));
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }
}
