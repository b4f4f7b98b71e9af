package dev.tollgate.gateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReasonPhrasesTest {

  private static boolean printableAscii(String text) {
    return text.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      plain ASCII         | "Blocked by policy: 'flask' is not allowed"   | "Blocked by policy: 'flask' is not allowed"
      Cyrillic look-alike | "'r\u0435quests' looks like 'requests'"        | "'r\\u0435quests' looks like 'requests'"
      em dash             | "a typosquat \u2014 ask your security team"    | "a typosquat - ask your security team"
      en dash             | "versions 1\u20132"                            | "versions 1-2"
      control character   | "bell\u0007"                                   | "bell\\u0007"
      DEL                 | "del\u007f"                                    | "del\\u007f"
      accented letter     | "caf\u00e9"                                    | "caf\\u00e9"
      empty               | ""                                             | ""
      """)
  void makesAnySentencePrintableAscii(String label, String sentence, String expected) {
    String phrase = ReasonPhrases.sanitize(sentence);

    assertEquals(expected, phrase);
    assertTrue(printableAscii(phrase), phrase);
  }

  @Test
  void lineBreaksAndTabsBecomeSpacesSoTheyCannotEndTheStatusLine() {
    assertEquals("one  two three", ReasonPhrases.sanitize("one\r\ntwo\tthree"));
  }

  @Test
  void aSupplementaryCharacterBecomesTwoEscapes() {
    assertEquals("pkg \\ud83d\\udce6", ReasonPhrases.sanitize("pkg \uD83D\uDCE6"));
  }

  @ParameterizedTest(name = "{0} x {1}")
  @CsvSource({"a, 5000", "\u0435, 2000"})
  void aLongSentenceIsCutTo1024Characters(String unit, int times) {
    String phrase = ReasonPhrases.sanitize(unit.repeat(times));

    assertTrue(phrase.length() <= 1024, "length " + phrase.length());
    assertTrue(printableAscii(phrase));
  }
}
