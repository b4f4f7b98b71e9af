package dev.tollgate.policy.typosquat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.policy.coordinates.Ecosystem;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProtectedNamesTest {

  @Test
  void holdsNamesNormalisedPerEcosystem() {
    ProtectedNames names =
        ProtectedNames.empty()
            .with(Ecosystem.PYPI, List.of("Python_DateUtil"))
            .with(Ecosystem.NPM, List.of("@Types/Node"));

    assertEquals(Set.of("python-dateutil"), names.names(Ecosystem.PYPI));
    assertEquals(Set.of("@types/node"), names.names(Ecosystem.NPM));
    assertTrue(names.isProtected(Ecosystem.PYPI, "python.dateutil"));
    assertFalse(names.isProtected(Ecosystem.NPM, "python-dateutil"));
    assertEquals(Set.of(), names.names(Ecosystem.OCI));
  }

  @Test
  void keepsTheBetterRankOfANameAddedTwice() {
    ProtectedNames names =
        ProtectedNames.builder()
            .add(Ecosystem.PYPI, "requests", 7)
            .add(Ecosystem.PYPI, "Requests", 3)
            .add(Ecosystem.PYPI, "requests")
            .build();

    assertEquals(OptionalInt.of(3), names.rank(Ecosystem.PYPI, "requests"));
  }

  @Test
  void namesAddedWithoutRankHaveNone() {
    ProtectedNames names = ProtectedNames.empty().with(Ecosystem.NPM, List.of("lodash"));

    assertEquals(OptionalInt.empty(), names.rank(Ecosystem.NPM, "lodash"));
    assertEquals(OptionalInt.empty(), names.rank(Ecosystem.NPM, "react"));
  }

  @Test
  void plusJoinsTwoSetsAndKeepsTheBetterRank() {
    ProtectedNames pypi = ProtectedNames.builder().add(Ecosystem.PYPI, "numpy", 2).build();
    ProtectedNames npm =
        ProtectedNames.builder()
            .add(Ecosystem.NPM, "react", 9)
            .add(Ecosystem.PYPI, "numpy", 1)
            .build();

    ProtectedNames both = pypi.plus(npm);

    assertEquals(OptionalInt.of(1), both.rank(Ecosystem.PYPI, "numpy"));
    assertEquals(OptionalInt.of(9), both.rank(Ecosystem.NPM, "react"));
  }

  @Test
  void rejectsARankBelowOneAndABlankName() {
    ProtectedNames.Builder builder = ProtectedNames.builder();

    assertThrows(IllegalArgumentException.class, () -> builder.add(Ecosystem.NPM, "react", 0));
    assertThrows(IllegalArgumentException.class, () -> builder.add(Ecosystem.NPM, " "));
  }
}
