package dev.tollgate.gateway.policy.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tollgate.policy.coordinates.Ecosystem;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class PolicyTextTest {

  private static final String FILE = """
      # PyPI allow-list. Review changes like code.

      allow:
        # HTTP
        - name: requests
          version: ">=2.31"   # pinned after the 2.30 incident
          note: "platform team"
        - name: urllib3
        # packaging
        - name: pip

      deny: []  # nothing yet
      """;

  private static final NewEntry FLASK = new NewEntry("flask", Optional.of(">=3"), Optional.of("web team, \"ticket\" 12"),
      Optional.of("2027-03-01"));

  static Stream<Arguments> additions() {
    return Stream.of(
        Arguments.of("appended after the last entry, comments kept", FILE, "allow", FILE.replace("""
              - name: pip
            """, """
              - name: pip
              - name: flask
                version: ">=3"
                note: "web team, \\"ticket\\" 12"
                expires: 2027-03-01
            """)),
        Arguments.of("an empty flow list becomes a block list, its comment kept", FILE, "deny", FILE.replace("""
            deny: []  # nothing yet
            """, """
            deny: # nothing yet
              - name: flask
                version: ">=3"
                note: "web team, \\"ticket\\" 12"
                expires: 2027-03-01
            """)),
        Arguments.of("a missing list is added at the end", "allow:\n  - name: pip\n", "deny",
            "allow:\n  - name: pip\ndeny:\n  - name: flask\n    version: \">=3\"\n"
                + "    note: \"web team, \\\"ticket\\\" 12\"\n    expires: 2027-03-01\n"),
        Arguments.of("a list written at the key's indentation keeps it", "allow:\n- name: pip\n  version: '>1'\n# end\n",
            "allow", "allow:\n- name: pip\n  version: '>1'\n- name: flask\n  version: \">=3\"\n"
                + "  note: \"web team, \\\"ticket\\\" 12\"\n  expires: 2027-03-01\n# end\n"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("additions")
  void addsAnEntryAndKeepsTheRest(String what, String before, String list, String after) throws Exception {
    assertEquals(after, PolicyText.add(before, list, FLASK));
  }

  static Stream<Arguments> removals() {
    return Stream.of(
        Arguments.of("an entry with fields and an inline comment", "requests", FILE.replace("""
              - name: requests
                version: ">=2.31"   # pinned after the 2.30 incident
                note: "platform team"
            """, "")),
        Arguments.of("the last entry; the comment above the next key stays", "pip", FILE.replace("""
              - name: pip
            """, "")),
        Arguments.of("a name written differently but equal after normalisation", "URLLIB3", FILE.replace("""
              - name: urllib3
            """, "")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("removals")
  void removesOnlyThatEntry(String what, String name, String after) throws Exception {
    assertEquals(after, PolicyText.remove(FILE, Ecosystem.PYPI, "allow", name));
  }

  @Test
  void refusesWhatItCannotEditFaithfully() {
    assertEquals(PolicyEditException.Kind.NOT_FOUND, assertThrows(PolicyEditException.class,
        () -> PolicyText.remove(FILE, Ecosystem.PYPI, "allow", "flask")).kind());
    assertEquals(PolicyEditException.Kind.UNEDITABLE, assertThrows(PolicyEditException.class,
        () -> PolicyText.add("allow: [{name: pip}]\n", "allow", FLASK)).kind());
    assertEquals(PolicyEditException.Kind.UNEDITABLE, assertThrows(PolicyEditException.class,
        () -> PolicyText.add("allow: [\n", "allow", FLASK)).kind());
  }

  static Stream<Arguments> scalars() {
    return Stream.of(
        Arguments.of("requests", "requests"),
        Arguments.of("@types/*", "\"@types/*\""),
        Arguments.of("1.0", "\"1.0\""),
        Arguments.of("yes", "\"yes\""),
        Arguments.of("a: b", "\"a: b\""),
        Arguments.of("2027-03-01", "2027-03-01"));
  }

  @ParameterizedTest
  @MethodSource("scalars")
  void writesScalarsThatReadBackAsWritten(String value, String written) {
    assertEquals(written, PolicyText.scalar(value));
  }
}
