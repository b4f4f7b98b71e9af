package dev.tollgate.policy.typosquat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.policy.coordinates.Ecosystem;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The lists in conf/popular, as the gateway ships them. */
class ShippedPopularListsTest {

  private static ProtectedNames shipped;
  private static TyposquatDetector detector;

  @BeforeAll
  static void loadShippedLists() throws IOException {
    shipped = load(Ecosystem.PYPI, "pypi.txt").plus(load(Ecosystem.NPM, "npm.txt"));
    detector = TyposquatDetector.build(shipped);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "pypi, requests",
    "pypi, numpy",
    "pypi, python-dateutil",
    "pypi, urllib3",
    "pypi, jellyfish",
    "npm,  lodash",
    "npm,  react",
    "npm,  express",
    "npm,  @types/node",
    "npm,  cross-env",
  })
  void protectsWellKnownNamesAmongAboutFiveThousand(String ecosystem, String name) {
    Ecosystem e = Ecosystem.fromId(ecosystem);

    assertTrue(shipped.isProtected(e, name), name);
    assertTrue(shipped.rank(e, name).orElseThrow() <= 5_000);
    assertTrue(shipped.names(e).size() >= 4_900 && shipped.names(e).size() <= 5_000);
  }

  /** Names published in real typosquatting attacks, and the package each one imitated. */
  @ParameterizedTest(name = "{0} {1} imitates {2}")
  @CsvSource({
    "pypi, jeIlyfish,        jellyfish",
    "pypi, python3-dateutil, python-dateutil",
    "pypi, urlib3,           urllib3",
    "pypi, colourama,        colorama",
    "pypi, diango,           django",
    "pypi, setup-tools,      setuptools",
    "npm,  crossenv,         cross-env",
    "npm,  babelcli,         babel-cli",
    "npm,  mongose,          mongoose",
    "npm,  jquery.js,        jquery",
    "npm,  nodemailer-js,    nodemailer",
    "npm,  noderequest,      request",
    "npm,  nodesass,         node-sass",
    "npm,  loadsh,           lodash",
    "npm,  electorn,         electron",
  })
  void flagsFamousTyposquats(String ecosystem, String squat, String target) {
    assertEquals(
        Optional.of(target),
        detector.check(Ecosystem.fromId(ecosystem), squat).map(TyposquatMatch::target));
  }

  private static ProtectedNames load(Ecosystem ecosystem, String file) throws IOException {
    try (Reader reader = Files.newBufferedReader(Path.of("../conf/popular", file))) {
      return ProtectedNamesParser.parsePopularList(ecosystem, reader);
    }
  }
}
