package dev.tollgate.adapter.npm;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads the times in a packument's {@code time} object. The registry writes them in one form,
 * {@code 2024-01-31T12:00:00.000Z}, read here by hand because {@code java.time}'s parser allocates
 * about 2 KB per call and big packuments carry tens of thousands of times; any other ISO 8601
 * date-time with an offset is read by {@link OffsetDateTime#parse}, to the same instant.
 */
final class PublishTimes {

  private static final int[] POWERS_OF_TEN = {
    1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000
  };

  private PublishTimes() {}

  /** The instant {@code text} denotes, or empty if it is not an ISO 8601 date-time with offset. */
  static Optional<Instant> parse(String text) {
    Instant instant = registryForm(text);
    if (instant != null) {
      return Optional.of(instant);
    }
    try {
      return Optional.of(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}, or null for anything else. */
  private static Instant registryForm(String text) {
    int length = text.length();
    if (length < 20
        || text.charAt(length - 1) != 'Z'
        || text.charAt(4) != '-'
        || text.charAt(7) != '-'
        || text.charAt(10) != 'T'
        || text.charAt(13) != ':'
        || text.charAt(16) != ':') {
      return null;
    }
    int fractionDigits = length - 21;
    if (length > 20 && (text.charAt(19) != '.' || fractionDigits < 1 || fractionDigits > 9)) {
      return null;
    }
    int nanos = length > 20 ? number(text, 20, length - 1) : 0;
    int[] fields = {
      number(text, 0, 4),
      number(text, 5, 7),
      number(text, 8, 10),
      number(text, 11, 13),
      number(text, 14, 16),
      number(text, 17, 19),
      nanos
    };
    for (int field : fields) {
      if (field < 0) {
        return null;
      }
    }
    try {
      return LocalDateTime.of(
              fields[0],
              fields[1],
              fields[2],
              fields[3],
              fields[4],
              fields[5],
              fractionDigits > 0 ? nanos * POWERS_OF_TEN[9 - fractionDigits] : 0)
          .toInstant(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** The decimal number in {@code text[from, to)}, or -1 if it holds anything but digits. */
  private static int number(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (!AsciiText.isDigit(c)) {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
