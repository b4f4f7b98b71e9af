package dev.tollgate.gateway.cli;

import java.time.Instant;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** One line per log record on stderr: time, level, logger, message (and a stack trace when there is one). */
public final class CliLogging {

  private CliLogging() {}

  public static void install() {
    Logger root = Logger.getLogger("");
    for (var h : root.getHandlers()) {
      root.removeHandler(h);
    }
    ConsoleHandler handler = new ConsoleHandler();
    handler.setFormatter(new Formatter() {
      @Override
      public String format(LogRecord r) {
        String name = r.getLoggerName() == null ? "" : r.getLoggerName().substring(r.getLoggerName().lastIndexOf('.') + 1);
        StringBuilder line = new StringBuilder()
            .append(Instant.ofEpochMilli(r.getMillis())).append(' ')
            .append(r.getLevel().getName()).append(' ')
            .append(name).append(": ")
            .append(formatMessage(r)).append('\n');
        if (r.getThrown() != null) {
          line.append(r.getThrown()).append('\n');
          for (StackTraceElement e : r.getThrown().getStackTrace()) {
            line.append("\tat ").append(e).append('\n');
          }
        }
        return line.toString();
      }
    });
    handler.setLevel(Level.ALL);
    root.addHandler(handler);
    root.setLevel(Level.INFO);
  }
}
