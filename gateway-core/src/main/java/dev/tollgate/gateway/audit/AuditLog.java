package dev.tollgate.gateway.audit;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.tollgate.policy.decision.Reason;
import dev.tollgate.gateway.config.GatewayConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Appends one JSON line per decision to the audit log. Writes happen on one dedicated thread, so
 * request threads (and Netty's event loops) never touch the disk. Each line goes to the operating
 * system in one write as it is recorded (nothing is buffered in the JVM, so a line that was written
 * survives a crash of the gateway) and is synced to the disk as {@link GatewayConfig.Fsync} says.
 * The file is rotated when the next line would take it past the size bound or when it is older
 * than the age bound: {@code audit.log} becomes {@code audit.log.1}, the older ones move up by
 * one, and only {@code keep} of them stay. Lines can also go to standard output, for log shippers.
 */
public final class AuditLog implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(AuditLog.class.getName());
  private static final JsonFactory JSON = new JsonFactory();

  private final Path file;
  private final GatewayConfig.Audit settings;
  private final Clock clock;
  private final OutputStream stdout;
  private final ScheduledExecutorService writer;
  /** The open file and its state; touched only on the writer thread (and in {@link #close} after it ended). */
  private FileChannel channel;
  private long size;
  private Instant startedAt;
  private boolean unsynced;

  private AuditLog(Path file, GatewayConfig.Audit settings, Clock clock, OutputStream stdout) {
    this.file = file;
    this.settings = settings;
    this.clock = clock;
    this.stdout = stdout;
    this.writer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "tollgate-audit");
      t.setDaemon(true);
      return t;
    });
  }

  /** Opens (creating if needed) the log file for appending; lines are copied to the process's stdout if asked. */
  public static AuditLog open(Path file, GatewayConfig.Audit settings, Clock clock) throws IOException {
    return open(file, settings, clock, System.out);
  }

  /** As {@link #open(Path, GatewayConfig.Audit, Clock)}, copying lines to {@code stdout} when the settings ask. */
  static AuditLog open(Path file, GatewayConfig.Audit settings, Clock clock, OutputStream stdout) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    AuditLog log = new AuditLog(file, settings, clock, stdout);
    log.openFile();
    if (settings.fsync() == GatewayConfig.Fsync.INTERVAL) {
      long every = Math.max(1, settings.fsyncInterval().toMillis());
      log.writer.scheduleWithFixedDelay(log::syncIfNeeded, every, every, TimeUnit.MILLISECONDS);
    }
    return log;
  }

  private void openFile() throws IOException {
    channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    size = channel.size();
    Instant created = Files.readAttributes(file, BasicFileAttributes.class).creationTime().toInstant();
    Instant now = clock.instant();
    startedAt = size == 0 || created.isAfter(now) ? now : created;
  }

  /** Queues {@code event} for writing; never blocks the caller on disk I/O. */
  public void record(AuditEvent event) {
    byte[] line = encode(event);
    try {
      writer.execute(() -> write(line));
    } catch (RejectedExecutionException e) {
      LOG.warning("audit log closed; dropped event " + event.id());
    }
  }

  private void write(byte[] line) {
    try {
      if (size > 0 && (size + line.length > settings.maxBytes()
          || !clock.instant().isBefore(startedAt.plus(settings.maxAge())))) {
        rotate();
      }
      ByteBuffer bytes = ByteBuffer.wrap(line);
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
      size += line.length;
      if (settings.fsync() == GatewayConfig.Fsync.EVERY_LINE) {
        channel.force(false);
      } else {
        unsynced = true;
      }
    } catch (IOException e) {
      LOG.log(Level.SEVERE, "cannot write the audit log " + file, e);
    }
    if (settings.stdout()) {
      try {
        stdout.write(line);
        stdout.flush();
      } catch (IOException e) {
        LOG.log(Level.WARNING, "cannot copy an audit line to standard output", e);
      }
    }
  }

  /** Closes the full file, moves it and its predecessors up by one, and starts a new one. */
  private void rotate() throws IOException {
    channel.force(false);
    channel.close();
    Files.deleteIfExists(rotated(settings.keep()));
    for (int i = settings.keep() - 1; i >= 1; i--) {
      if (Files.exists(rotated(i))) {
        Files.move(rotated(i), rotated(i + 1), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Files.move(file, rotated(1), StandardCopyOption.REPLACE_EXISTING);
    openFile();
  }

  private Path rotated(int generation) {
    return file.resolveSibling(file.getFileName() + "." + generation);
  }

  private void syncIfNeeded() {
    if (unsynced) {
      try {
        channel.force(false);
        unsynced = false;
      } catch (IOException e) {
        LOG.log(Level.WARNING, "cannot sync the audit log " + file, e);
      }
    }
  }

  /** The event as one JSON line, newline included. */
  static byte[] encode(AuditEvent e) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream(512);
    try (JsonGenerator g = JSON.createGenerator(buffer, JsonEncoding.UTF8)) {
      g.writeStartObject();
      g.writeStringField("time", e.time().toString());
      g.writeStringField("id", e.id());
      g.writeStringField("client", e.client());
      g.writeStringField("agent", e.agent());
      g.writeStringField("method", e.method());
      g.writeStringField("path", e.path());
      g.writeStringField("ecosystem", e.ecosystem());
      g.writeStringField("package", e.packageName());
      g.writeStringField("version", e.version());
      g.writeStringField("verdict", e.verdict());
      g.writeArrayFieldStart("reasons");
      for (Reason r : e.reasons()) {
        g.writeStartObject();
        g.writeStringField("rule", r.rule().id());
        g.writeStringField("message", r.message());
        g.writeObjectFieldStart("details");
        for (Map.Entry<String, String> d : r.details().entrySet()) {
          g.writeStringField(d.getKey(), d.getValue());
        }
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeNumberField("status", e.status());
      if (e.upstreamStatus() == null) {
        g.writeNullField("upstreamStatus");
      } else {
        g.writeNumberField("upstreamStatus", e.upstreamStatus());
      }
      g.writeNumberField("bytes", e.bytes());
      g.writeNumberField("latencyMs", e.latencyMs());
      if (!e.details().isEmpty()) {
        g.writeObjectFieldStart("details");
        for (Map.Entry<String, Object> d : e.details().entrySet()) {
          g.writeFieldName(d.getKey());
          writeValue(g, d.getValue());
        }
        g.writeEndObject();
      }
      g.writeEndObject();
    } catch (IOException impossible) {
      throw new IllegalStateException(impossible);
    }
    buffer.write('\n');
    return buffer.toByteArray();
  }

  private static void writeValue(JsonGenerator g, Object value) throws IOException {
    if (value instanceof Iterable<?> items) {
      g.writeStartArray();
      for (Object item : items) {
        writeValue(g, item);
      }
      g.writeEndArray();
    } else if (value instanceof Number n) {
      g.writeNumber(n.longValue());
    } else if (value instanceof Boolean b) {
      g.writeBoolean(b);
    } else {
      g.writeString(String.valueOf(value));
    }
  }

  /** Writes what is queued, syncs it to the disk, then closes the file. */
  @Override
  public void close() {
    writer.shutdown();
    try {
      if (!writer.awaitTermination(5, TimeUnit.SECONDS)) {
        LOG.warning("the audit log's writer did not finish in 5 s; closing anyway");
      }
      channel.force(false);
      channel.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      LOG.log(Level.WARNING, "closing the audit log", e);
    }
  }
}
