package dev.tollgate.gateway.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the human quantities configuration files use: durations ({@code 500ms}, {@code 5m}) and sizes ({@code 10GiB}). */
public final class Quantities {

  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(b|kb|kib|mb|mib|gb|gib|tb|tib)?");

  private Quantities() {}

  /** {@code 500ms}, {@code 30s}, {@code 5m}, {@code 24h}, {@code 7d}. */
  public static Duration duration(String text) {
    Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a duration (examples: 500ms, 30s, 5m, 24h, 7d)");
    }
    try {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      };
    } catch (ArithmeticException | NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is too long a duration");
    }
  }

  /** A byte count: {@code 1048576}, {@code 512MiB}, {@code 10GB} (KB/MB/GB are powers of 1000, KiB/MiB/GiB of 1024). */
  public static long bytes(String text) {
    Matcher m = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a size (examples: 65536, 512MiB, 10GiB)");
    }
    long n;
    try {
      n = Long.parseLong(m.group(1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is too large a size");
    }
    String unit = m.group(2) == null ? "b" : m.group(2);
    long factor = switch (unit) {
      case "kb" -> 1000L;
      case "kib" -> 1L << 10;
      case "mb" -> 1000L * 1000;
      case "mib" -> 1L << 20;
      case "gb" -> 1000L * 1000 * 1000;
      case "gib" -> 1L << 30;
      case "tb" -> 1000L * 1000 * 1000 * 1000;
      case "tib" -> 1L << 40;
      default -> 1L;
    };
    try {
      return Math.multiplyExact(n, factor);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("'" + text + "' is too large a size");
    }
  }
}
