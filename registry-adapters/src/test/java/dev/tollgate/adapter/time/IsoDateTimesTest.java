package dev.tollgate.adapter.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IsoDateTimesTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          2024-01-31T12:34:56.789Z       | 2024-01-31T12:34:56.789Z
          2024-01-31T12:34:56Z           | 2024-01-31T12:34:56Z
          2024-01-31T12:34:56.7Z         | 2024-01-31T12:34:56.700Z
          2024-03-01T10:20:30.123456Z    | 2024-03-01T10:20:30.123456Z
          2024-01-31T12:34:56.123456789Z | 2024-01-31T12:34:56.123456789Z
          2011-03-19T07:19:56.392Z       | 2011-03-19T07:19:56.392Z
          2024-02-29T00:00:00.000Z       | 2024-02-29T00:00:00Z
          2024-01-01T00:00:00+01:00      | 2023-12-31T23:00:00Z
          2024-01-01T00:00:00.5-05:30    | 2024-01-01T05:30:00.500Z
          2024-01-01T00:00:00.000z       | 2024-01-01T00:00:00Z
          2024-01-31T12:34:56.Z          | 2024-01-31T12:34:56Z
          """)
  void readsTimesAsJavaTimeDoes(String text, String instant) {
    assertEquals(Optional.of(Instant.parse(instant)), IsoDateTimes.parse(text));
    assertEquals(Optional.of(OffsetDateTime.parse(text).toInstant()), IsoDateTimes.parse(text));
  }

  @ParameterizedTest(name = "''{0}''")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          ''
          soon
          1704067200000
          2024-01-31
          2024-01-31T12:34:56
          2024-01-01 00:00:00.000Z
          2024-01-31T12:34:56.1234567890Z
          2024-03-01T10:20:30xZ
          2023-02-29T00:00:00.000Z
          2024-13-01T00:00:00.000Z
          2024-01-01T24:00:01.000Z
          2024-03-01T24:00:00Z
          2024-0a-01T00:00:00.000Z
          2024-03-01T10:20:3OZ
          2a24-03-01T10:20:30Z
          -001-03-01T10:20:30Z
          """)
  void refusesWhatIsNotADateTimeWithOffset(String text) {
    assertEquals(Optional.<Instant>empty(), IsoDateTimes.parse(text));
  }
}
