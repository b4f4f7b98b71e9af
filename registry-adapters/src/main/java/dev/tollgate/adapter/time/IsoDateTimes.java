package dev.tollgate.adapter.time;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads the release times registries publish (npm's packument {@code time}, PyPI's PEP 700 {@code
 * upload-time}), on which release-age policy rests. Both write {@code
 * yyyy-MM-ddTHH:mm:ss[.f]Z}, and a document carries one per version or file, tens of thousands in
 * a big one, so that form is read by hand: {@code java.time}'s parser allocates about 2 KB a call.
 * Any other ISO 8601 date-time with an offset goes through {@link OffsetDateTime#parse}, to the
 * same instant.
 */
public final class IsoDateTimes {

  private static final int SHORTEST = "yyyy-MM-ddTHH:mm:ssZ".length();
  private static final int MAX_FRACTION_DIGITS = 9;
  private static final int[] POWERS_OF_TEN = {
    1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000
  };

  private IsoDateTimes() {}

  /** The instant {@code text} denotes, or empty if it is not an ISO 8601 date-time with offset. */
  public static Optional<Instant> parse(String text) {
    Instant instant = utcForm(text);
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
  private static Instant utcForm(String text) {
    int length = text.length();
    if (length < SHORTEST
        || text.charAt(length - 1) != 'Z'
        || text.charAt(4) != '-'
        || text.charAt(7) != '-'
        || text.charAt(10) != 'T'
        || text.charAt(13) != ':'
        || text.charAt(16) != ':') {
      return null;
    }
    int fractionDigits = length - SHORTEST - 1;
    if (length > SHORTEST
        && (text.charAt(SHORTEST - 1) != '.'
            || fractionDigits < 1
            || fractionDigits > MAX_FRACTION_DIGITS)) {
      return null;
    }
    int fraction = length > SHORTEST ? number(text, SHORTEST, length - 1) : 0;
    int[] fields = {
      number(text, 0, 4),
      number(text, 5, 7),
      number(text, 8, 10),
      number(text, 11, 13),
      number(text, 14, 16),
      number(text, 17, 19),
      fraction
    };
    for (int field : fields) {
      if (field < 0) {
        return null;
      }
    }
    int nanos =
        fractionDigits > 0 ? fraction * POWERS_OF_TEN[MAX_FRACTION_DIGITS - fractionDigits] : 0;
    try {
      return LocalDateTime.of(
              fields[0], fields[1], fields[2], fields[3], fields[4], fields[5], nanos)
          .toInstant(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** The decimal number in {@code text[from, to)}, or -1 if it holds anything but ASCII digits. */
  private static int number(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
