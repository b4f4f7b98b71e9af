package dev.tollgate.adapter.npm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DistTagRepointingTest {

  @ParameterizedTest(name = "[{0}] kept [{1}] -> [{2}]")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          latest=1.0.0                   | 1.0.0                    | latest=1.0.0
          latest=1.2.0                   | 1.0.0 1.1.0 1.3.0        | latest=1.1.0
          latest=2.0.0                   | 1.5.0 2.0.0-rc.1         | latest=1.5.0
          latest=1.0.0                   | 2.0.0 3.0.0 3.1.0-beta.1 | latest=3.0.0
          latest=1.0.0                   | 0.9.0-rc.1 2.0.0-beta.1  | latest=2.0.0-beta.1
          latest=1.0.0 next=2.0.0-beta.1 | ""                       | ""
          next=2.0.0-beta.3              | 1.9.0 2.0.0-beta.2       | next=2.0.0-beta.2
          next=2.1.0-beta.1              | 2.0.0 2.1.0              | next=2.0.0
          canary=3.0.0-canary.1          | 2.0.0                    | ""
          v2=2.1.0                       | 2.0.0 2.1.0-rc.1         | v2=2.0.0
          v2=2.1.0                       | 1.0.0                    | ""
          old=0.1.0                      | 1.0.0                    | ""
          latest=9.9.9                   | 1.0.0                    | latest=1.0.0
          beta=banana latest=banana      | 1.0.0 2.0.0-rc.1         | latest=1.0.0
          b=1.0.0 latest=1.1.0 a=1.0.0   | 1.0.0                    | b=1.0.0 latest=1.0.0 a=1.0.0
          """)
  void tagsNameKeptVersionsOnly(String upstream, String kept, String expected) {
    List<NpmVersion> keptVersions =
        words(kept).stream().map(v -> NpmVersion.parse(v).orElseThrow()).toList();

    assertEquals(tags(expected), DistTagRepointing.repoint(tags(upstream), keptVersions));
  }

  private static Map<String, String> tags(String text) {
    Map<String, String> tags = new LinkedHashMap<>();
    for (String tag : words(text)) {
      String[] parts = tag.split("=", 2);
      tags.put(parts[0], parts[1]);
    }
    return tags;
  }

  private static List<String> words(String text) {
    return text.isBlank() ? List.of() : List.of(text.trim().split("\\s+"));
  }
}
