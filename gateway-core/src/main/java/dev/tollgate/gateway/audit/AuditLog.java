package dev.tollgate.gateway.audit;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.tollgate.policy.decision.Reason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Appends one JSON line per decision to the audit log. Writes happen on one dedicated thread, so
 * request threads (and Netty's event loops) never touch the disk; each line is flushed as written.
 */
public final class AuditLog implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(AuditLog.class.getName());
  private static final JsonFactory JSON = new JsonFactory();

  private final OutputStream out;
  private final ExecutorService writer;

  private AuditLog(OutputStream out) {
    this.out = out;
    this.writer = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "tollgate-audit");
      t.setDaemon(true);
      return t;
    });
  }

  /** Opens (creating if needed) the log file for appending. */
  public static AuditLog open(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    return new AuditLog(Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
        StandardOpenOption.WRITE));
  }

  /** Queues {@code event} for writing; never blocks the caller on disk I/O. */
  public void record(AuditEvent event) {
    byte[] line = encode(event);
    try {
      writer.execute(() -> write(line));
    } catch (java.util.concurrent.RejectedExecutionException e) {
      LOG.warning("audit log closed; dropped event " + event.id());
    }
  }

  private void write(byte[] line) {
    try {
      out.write(line);
      out.flush();
    } catch (IOException e) {
      LOG.log(Level.SEVERE, "cannot write the audit log", e);
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

  /** Writes what is queued, then closes the file. */
  @Override
  public void close() {
    writer.shutdown();
    try {
      writer.awaitTermination(5, TimeUnit.SECONDS);
      out.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      LOG.log(Level.WARNING, "closing the audit log", e);
    }
  }
}
