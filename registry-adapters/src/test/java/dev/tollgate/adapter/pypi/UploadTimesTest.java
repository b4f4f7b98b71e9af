package dev.tollgate.adapter.pypi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UploadTimesTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "2024-03-01T10:20:30Z                 | 2024-03-01T10:20:30Z",
        "2024-03-01T10:20:30.123456Z          | 2024-03-01T10:20:30.123456Z",
        "2024-03-01T10:20:30.1Z               | 2024-03-01T10:20:30.100Z",
        "2024-03-01T10:20:30.123456789Z       | 2024-03-01T10:20:30.123456789Z",
        "2024-03-01T12:20:30+02:00            | 2024-03-01T10:20:30Z",
        "2024-03-01T10:20:30.5-01:30          | 2024-03-01T11:50:30.500Z",
        "2024-02-29T00:00:00Z                 | 2024-02-29T00:00:00Z",
        "2023-02-29T00:00:00Z                 | -",
        "2024-13-01T00:00:00Z                 | -",
        "2024-03-01T24:00:00Z                 | -",
        "2024-03-01T10:20:30.Z                | 2024-03-01T10:20:30Z",
        "2024-03-01T10:20:30xZ                | -",
        "2024-03-01T10:20:30.1234567890Z      | -",
        "2024-03-01T10:20:3OZ                 | -",
        "2024-03-01T10:20:30                  | -",
        "2024-03-01                           | -",
        "yesterday                            | -",
      })
  void readsIso8601Times(String text, String expected) {
    assertEquals(Optional.ofNullable(expected).map(Instant::parse), UploadTimes.parse(text));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"2024-03-01T10:20:30Z", "2024-03-01T10:20:30.123456Z", "2024-03-01T10:20:30.100Z"})
  void writesThePep700Form(String text) {
    assertEquals(text, UploadTimes.format(Instant.parse(text)));
  }
}
