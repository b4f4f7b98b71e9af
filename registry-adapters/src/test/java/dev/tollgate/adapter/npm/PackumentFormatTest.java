package dev.tollgate.adapter.npm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PackumentFormatTest {

  @ParameterizedTest(name = "Accept: {0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          application/json | FULL
          application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8, */* | ABBREVIATED
          application/vnd.npm.install-v1+json | ABBREVIATED
          APPLICATION/VND.NPM.INSTALL-V1+JSON;Q=0.5 | ABBREVIATED
          application/json, application/vnd.npm.install-v1+json;q=0 | FULL
          application/vnd.npm.install-v1+json;q=zero | FULL
          */* | FULL
          "" | FULL
          """)
  void followsTheClientsAccept(String accept, PackumentFormat expected) {
    assertEquals(expected, PackumentFormat.forAccept(accept));
  }

  @Test
  void fullWhenThereIsNoAcceptAsWithYarn4() {
    assertEquals(PackumentFormat.FULL, PackumentFormat.forAccept(null));
  }
}
