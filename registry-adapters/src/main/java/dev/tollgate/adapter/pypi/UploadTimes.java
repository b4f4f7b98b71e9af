package dev.tollgate.adapter.pypi;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * PEP 700 {@code upload-time} values: ISO 8601 in UTC, {@code yyyy-mm-ddThh:mm:ss.ffffffZ} with
 * optional fraction. Release-age policy reads them, so a value that is not a time is an error, not
 * an unknown. Pages carry one per file, so the PEP's own form is read by hand (a tenth of the cost
 * of {@link DateTimeFormatter}); any other ISO 8601 form goes through {@link OffsetDateTime}.
 */
final class UploadTimes {

  private static final int SHORTEST = "yyyy-mm-ddThh:mm:ssZ".length();
  private static final int MAX_FRACTION_DIGITS = 9;

  private UploadTimes() {}

  /** The instant {@code text} names; empty if it is not an ISO 8601 date and time with offset. */
  static Optional<Instant> parse(String text) {
    Optional<Instant> utc = parsePep700Form(text);
    if (utc.isPresent()) {
      return utc;
    }
    try {
      return Optional.of(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** The PEP 700 form, with as many fraction digits as needed. */
  static String format(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant);
  }

  private static Optional<Instant> parsePep700Form(String text) {
    int length = text.length();
    if (length < SHORTEST
        || text.charAt(length - 1) != 'Z'
        || text.charAt(4) != '-'
        || text.charAt(7) != '-'
        || text.charAt(10) != 'T'
        || text.charAt(13) != ':'
        || text.charAt(16) != ':') {
      return Optional.empty();
    }
    int fractionDigits = 0;
    int nanos = 0;
    if (length > SHORTEST) {
      fractionDigits = length - SHORTEST - 1;
      if (text.charAt(SHORTEST - 1) != '.'
          || fractionDigits < 1
          || fractionDigits > MAX_FRACTION_DIGITS) {
        return Optional.empty();
      }
      nanos = digits(text, SHORTEST, length - 1);
      if (nanos < 0) {
        return Optional.empty();
      }
    }
    for (int i = fractionDigits; i < MAX_FRACTION_DIGITS; i++) {
      nanos *= 10;
    }
    try {
      return Optional.of(
          LocalDateTime.of(
                  digits(text, 0, 4),
                  digits(text, 5, 7),
                  digits(text, 8, 10),
                  digits(text, 11, 13),
                  digits(text, 14, 16),
                  digits(text, 17, 19),
                  nanos)
              .toInstant(ZoneOffset.UTC));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /** The decimal value of {@code text[from, to)}, or -1 if it holds a non-digit. */
  private static int digits(String text, int from, int to) {
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
