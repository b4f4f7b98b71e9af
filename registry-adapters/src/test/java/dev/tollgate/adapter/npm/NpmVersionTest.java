package dev.tollgate.adapter.npm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NpmVersionTest {

  @ParameterizedTest(name = "{0} is SemVer")
  @ValueSource(
      strings = {
        "0.0.0",
        "1.2.3",
        "10.20.30",
        "1.0.0-alpha",
        "1.0.0-alpha.1",
        "1.0.0-0.3.7",
        "1.0.0-x.7.z.92",
        "1.0.0-alpha+001",
        "1.0.0+20130313144700",
        "1.0.0-beta+exp.sha.5114f85",
        "1.0.0-alpha-a.b-c",
        "9007199254740991.0.0"
      })
  void acceptsSemVer(String text) {
    assertTrue(NpmVersion.isValid(text));
  }

  @ParameterizedTest(name = "''{0}'' is not SemVer")
  @ValueSource(
      strings = {
        "",
        "1",
        "1.2",
        "1.2.3.4",
        "v1.2.3",
        "=1.2.3",
        "01.2.3",
        "1.02.3",
        "1.2.03",
        "1.2.3-",
        "1.2.3-01",
        "1.2.3-a..b",
        "1.2.3+",
        "1.2.3+a+b",
        "1.2.3-a_b",
        " 1.2.3",
        "1.2.3 ",
        "9007199254740992.0.0",
        "a.b.c",
        "1.2.-3"
      })
  void refusesEverythingElse(String text) {
    assertFalse(NpmVersion.isValid(text));
  }

  @Test
  void refusesOverlongVersions() {
    assertFalse(NpmVersion.isValid("1.0.0-" + "a".repeat(251)));
    assertTrue(NpmVersion.isValid("1.0.0-" + "a".repeat(250)));
  }

  @Test
  void ordersBySemVerPrecedence() {
    List<String> ordered =
        List.of(
            "0.9.0",
            "1.0.0-alpha",
            "1.0.0-alpha.1",
            "1.0.0-alpha.beta",
            "1.0.0-beta",
            "1.0.0-beta.2",
            "1.0.0-beta.11",
            "1.0.0-rc.1",
            "1.0.0",
            "1.0.0+build.1",
            "1.0.1",
            "1.2.0",
            "1.10.0",
            "2.0.0");
    List<NpmVersion> shuffled = new ArrayList<>();
    ordered.forEach(text -> shuffled.add(NpmVersion.parse(text).orElseThrow()));
    Collections.shuffle(shuffled, new Random(7));

    Collections.sort(shuffled);

    assertEquals(ordered, shuffled.stream().map(NpmVersion::text).toList());
  }
}
