package dev.tollgate.gateway.cache;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Artifacts on disk, addressed by their verified digest ({@code sha256/ab/abcdef...}) and bounded in
 * total size (least recently used go first). Bytes enter only through {@link Staging#commit}, which is
 * called after the digest matched, so nothing unverified is ever served from here. All methods do
 * blocking file I/O: call them off the event loop.
 */
public final class ArtifactStore {

  private static final Logger LOG = Logger.getLogger(ArtifactStore.class.getName());
  private static final Pattern HEX = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}|[0-9a-f]{96}|[0-9a-f]{128}");

  private final Path root;
  private final Path staging;
  private final long maxBytes;
  private final Clock clock;
  private final AtomicLong size = new AtomicLong();

  private ArtifactStore(Path root, long maxBytes, Clock clock) {
    this.root = root;
    this.staging = root.resolve("tmp");
    this.maxBytes = maxBytes;
    this.clock = clock;
  }

  /** Opens the store, removing leftovers of interrupted downloads and measuring what is kept. */
  public static ArtifactStore open(Path root, long maxBytes, Clock clock) throws IOException {
    ArtifactStore store = new ArtifactStore(root, maxBytes, clock);
    Files.createDirectories(store.staging);
    try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(store.staging)) {
      for (Path p : leftovers) {
        Files.deleteIfExists(p);
      }
    }
    store.size.set(store.entries().stream().mapToLong(Entry::size).sum());
    return store;
  }

  /** The stored file for {@code algorithm:hex}, marked as just used, if present. */
  public Optional<Path> find(String algorithm, String hex) {
    Path path = pathOf(algorithm, hex);
    if (!Files.isRegularFile(path)) {
      return Optional.empty();
    }
    try {
      Files.setLastModifiedTime(path, FileTime.from(clock.instant()));
    } catch (IOException e) {
      LOG.log(Level.FINE, "cannot touch " + path, e);
    }
    return Optional.of(path);
  }

  /** Starts writing a new artifact; it becomes visible only when committed under its verified digest. */
  public Staging stage() throws IOException {
    Path temp = staging.resolve(UUID.randomUUID() + ".part");
    return new Staging(temp, FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
  }

  /** Total bytes stored. */
  public long size() {
    return size.get();
  }

  private Path pathOf(String algorithm, String hex) {
    if (!algorithm.matches("sha(1|256|384|512)") || !HEX.matcher(hex).matches()) {
      throw new IllegalArgumentException("not a digest: " + algorithm + ":" + hex);
    }
    return root.resolve(algorithm).resolve(hex.substring(0, 2)).resolve(hex);
  }

  private void evictBeyondBound() {
    if (size.get() <= maxBytes) {
      return;
    }
    List<Entry> entries = entries();
    entries.sort(Comparator.comparing(Entry::lastUsed));
    for (Entry e : entries) {
      if (size.get() <= maxBytes) {
        break;
      }
      try {
        if (Files.deleteIfExists(e.path())) {
          size.addAndGet(-e.size());
        }
      } catch (IOException ex) {
        LOG.log(Level.WARNING, "cannot evict " + e.path(), ex);
      }
    }
  }

  private List<Entry> entries() {
    List<Entry> entries = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      files.filter(p -> !p.startsWith(staging)).forEach(p -> {
        try {
          BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
          if (a.isRegularFile()) {
            entries.add(new Entry(p, a.size(), a.lastModifiedTime()));
          }
        } catch (IOException e) {
          LOG.log(Level.FINE, "skipping " + p, e);
        }
      });
    } catch (IOException e) {
      LOG.log(Level.WARNING, "cannot list " + root, e);
    }
    return entries;
  }

  private record Entry(Path path, long size, FileTime lastUsed) {}

  /** An artifact being written while it streams; {@link #discard} unless the digest matched. */
  public final class Staging implements AutoCloseable {
    private final Path temp;
    private final FileChannel channel;
    private long written;
    private boolean done;

    private Staging(Path temp, FileChannel channel) {
      this.temp = temp;
      this.channel = channel;
    }

    public void write(ByteBuffer data) throws IOException {
      while (data.hasRemaining()) {
        written += channel.write(data);
      }
    }

    /** Makes the bytes visible under their verified digest. */
    public void commit(String algorithm, String hex) throws IOException {
      done = true;
      channel.close();
      Path target = pathOf(algorithm, hex);
      Files.createDirectories(target.getParent());
      if (Files.exists(target)) {
        Files.deleteIfExists(temp);
        return;
      }
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      Files.setLastModifiedTime(target, FileTime.from(clock.instant()));
      size.addAndGet(written);
      evictBeyondBound();
    }

    /** Deletes what was written. */
    public void discard() {
      done = true;
      try {
        channel.close();
        Files.deleteIfExists(temp);
      } catch (IOException e) {
        LOG.log(Level.WARNING, "cannot delete " + temp, e);
      }
    }

    @Override
    public void close() {
      if (!done) {
        discard();
      }
    }
  }
}
