package dev.tollgate.adapter.npm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PublishTimesTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "2024-01-31T12:34:56.789Z",
        "2024-01-31T12:34:56Z",
        "2024-01-31T12:34:56.7Z",
        "2024-01-31T12:34:56.123456789Z",
        "2011-03-19T07:19:56.392Z",
        "2024-02-29T00:00:00.000Z",
        "2024-01-01T00:00:00+01:00",
        "2024-01-01T00:00:00.5-05:30",
        "2024-01-01T00:00:00.000z",
        "2024-01-31T12:34:56.Z"
      })
  void readsTimesAsJavaTimeDoes(String text) {
    assertEquals(Optional.of(OffsetDateTime.parse(text).toInstant()), PublishTimes.parse(text));
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(
      strings = {
        "",
        "soon",
        "2024-01-31",
        "2024-01-31T12:34:56",
        "2024-01-31T12:34:56.1234567890Z",
        "2023-02-29T00:00:00.000Z",
        "2024-13-01T00:00:00.000Z",
        "2024-01-01T24:00:01.000Z",
        "2024-01-01 00:00:00.000Z",
        "2024-0a-01T00:00:00.000Z",
        "1704067200000"
      })
  void refusesWhatIsNotADateTimeWithOffset(String text) {
    assertEquals(Optional.<Instant>empty(), PublishTimes.parse(text));
  }
}
