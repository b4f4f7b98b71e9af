package dev.tollgate.adapter.pypi;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * Writes PEP 700 {@code upload-time} values: ISO 8601 in UTC, {@code yyyy-mm-ddThh:mm:ss.ffffffZ}
 * with as many fraction digits as needed. Reading them is the job of {@link
 * dev.tollgate.adapter.time.IsoDateTimes}, shared with npm.
 */
final class UploadTimes {

  private UploadTimes() {}

  /** The PEP 700 form, with as many fraction digits as needed. */
  static String format(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant);
  }
}
