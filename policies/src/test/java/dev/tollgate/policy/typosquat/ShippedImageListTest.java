package dev.tollgate.policy.typosquat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.policy.coordinates.Ecosystem;
import dev.tollgate.policy.coordinates.ImageNames;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** conf/popular/oci.txt, as the gateway ships it. */
class ShippedImageListTest {

  private static ProtectedNames shipped;
  private static TyposquatDetector detector;

  @BeforeAll
  static void loadShippedList() throws IOException {
    try (Reader reader = Files.newBufferedReader(Path.of("../conf/popular/oci.txt"))) {
      shipped = ProtectedNamesParser.parsePopularList(Ecosystem.OCI, reader);
    }
    detector = TyposquatDetector.build(shipped);
  }

  @Test
  void holdsAFewHundredFullImageNames() {
    assertTrue(shipped.names(Ecosystem.OCI).size() >= 250, "size " + shipped.names(Ecosystem.OCI).size());
    for (String name : shipped.names(Ecosystem.OCI)) {
      assertEquals(Optional.empty(), ImageNames.patternProblem(name), name);
    }
    assertEquals(1, shipped.rank(Ecosystem.OCI, "docker.io/library/alpine").orElseThrow());
  }

  @ParameterizedTest(name = "{0} imitates {1}")
  @CsvSource({
    "docker.io/library/ubunto,        docker.io/library/ubuntu",
    "docker.io/library/alpnie,        docker.io/library/alpine",
    "docker.io/library/ngnix,         docker.io/library/nginx",
    "docker.io/library/postgress,     docker.io/library/postgres",
    "docker.io/library/my-sql,        docker.io/library/mysql",
    "docker.io/libary/python,         docker.io/library/python",
    "docker.io/bitnami/postgresq1,    docker.io/bitnami/postgresql",
    "docker.io/grafana/grafanna,      docker.io/grafana/grafana",
  })
  void flagsNearMissesOfPopularImages(String squat, String target) {
    assertEquals(Optional.of(target), detector.check(Ecosystem.OCI, squat).map(TyposquatMatch::target));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
    "docker.io/library/ubuntu",
    "docker.io/bitnami/redis-cluster",
    "docker.io/acme/ubuntu-builder",
    "ghcr.io/library/ubuntu",
    "docker.io/library/node",
    "docker.io/postgis/postgis",
  })
  void leavesOtherImagesAlone(String image) {
    assertEquals(Optional.empty(), detector.check(Ecosystem.OCI, image));
  }
}
