package dev.tollgate.policy.engine;

import java.time.Duration;

/** Durations as a reason says them: "3 days", "5 hours", "12 minutes", "40 seconds". */
final class Durations {

  private Durations() {}

  static String describe(Duration duration) {
    long seconds = duration.getSeconds();
    if (seconds >= 86_400) {
      return plural(seconds / 86_400, "day");
    }
    if (seconds >= 3_600) {
      return plural(seconds / 3_600, "hour");
    }
    if (seconds >= 60) {
      return plural(seconds / 60, "minute");
    }
    return plural(seconds, "second");
  }

  private static String plural(long n, String unit) {
    return n + " " + unit + (n == 1 ? "" : "s");
  }
}
