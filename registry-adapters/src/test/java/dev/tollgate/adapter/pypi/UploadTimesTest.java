package dev.tollgate.adapter.pypi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UploadTimesTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({"2024-03-01T10:20:30Z", "2024-03-01T10:20:30.123456Z", "2024-03-01T10:20:30.100Z"})
  void writesThePep700Form(String text) {
    assertEquals(text, UploadTimes.format(Instant.parse(text)));
  }
}
