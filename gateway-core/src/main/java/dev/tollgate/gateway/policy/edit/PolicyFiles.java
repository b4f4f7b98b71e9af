package dev.tollgate.gateway.policy.edit;

import dev.tollgate.gateway.config.ConfigException;
import dev.tollgate.gateway.config.GatewayConfig;
import dev.tollgate.gateway.policy.PolicyFileLoader;
import dev.tollgate.gateway.policy.PolicyLoader;
import dev.tollgate.gateway.policy.PolicyReloader;
import dev.tollgate.gateway.policy.ReloadStatus;
import dev.tollgate.policy.coordinates.Ecosystem;
import dev.tollgate.policy.rules.ListEntry;
import dev.tollgate.policy.rules.PackagePolicy;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;

/**
 * The admin API's way into the policy files: lists an allow- or deny-list, and adds or removes one
 * entry. Writers are serialised; each edit names the file version it was based on (its ETag), so an
 * edit made on a stale read is refused instead of undoing someone else's; the edited text is
 * validated before it is written; the file is replaced atomically (a temporary file in the same
 * directory, synced, then renamed); and the policy is reloaded before the edit returns.
 */
public final class PolicyFiles {

  private static final Logger LOG = Logger.getLogger(PolicyFiles.class.getName());
  private static final List<String> LISTS = List.of("allow", "deny");

  private final GatewayConfig.Policy policy;
  private final PolicyReloader reloader;
  private final ReentrantLock writing = new ReentrantLock();

  public PolicyFiles(GatewayConfig.Policy policy, PolicyReloader reloader) {
    this.policy = policy;
    this.reloader = reloader;
  }

  /** The entries of {@code list} ({@code allow} or {@code deny}) of {@code ecosystem} in policy set {@code set}. */
  public PolicyListing list(String set, Ecosystem ecosystem, String list) throws PolicyEditException {
    Path file = file(set, ecosystem, list);
    return listing(file, read(file), ecosystem, list, Optional.empty());
  }

  /** Appends {@code entry} to the list, if {@code ifMatch} is the file's current ETag. */
  public PolicyListing add(String set, Ecosystem ecosystem, String list, NewEntry entry, Optional<String> ifMatch)
      throws PolicyEditException {
    Path file = file(set, ecosystem, list);
    writing.lock();
    try {
      String text = current(file, ifMatch);
      if (PolicyText.contains(text, ecosystem, list, entry.name())) {
        throw new PolicyEditException(PolicyEditException.Kind.DUPLICATE, "the " + list + " list already has an entry for '"
            + entry.name() + "'; remove it first to replace it");
      }
      return write(file, PolicyText.add(text, list, entry), ecosystem, list, "added '" + entry.name() + "' to");
    } finally {
      writing.unlock();
    }
  }

  /** Removes the entry named {@code name} from the list, if {@code ifMatch} is the file's current ETag. */
  public PolicyListing remove(String set, Ecosystem ecosystem, String list, String name, Optional<String> ifMatch)
      throws PolicyEditException {
    Path file = file(set, ecosystem, list);
    writing.lock();
    try {
      return write(file, PolicyText.remove(current(file, ifMatch), ecosystem, list, name), ecosystem, list,
          "removed '" + name + "' from");
    } finally {
      writing.unlock();
    }
  }

  private String current(Path file, Optional<String> ifMatch) throws PolicyEditException {
    String text = read(file);
    if (ifMatch.isEmpty()) {
      throw new PolicyEditException(PolicyEditException.Kind.VERSION_MISSING,
          "send If-Match with the ETag of the list you read, so that no one else's edit is overwritten");
    }
    String etag = etag(text);
    if (!ifMatch.get().trim().equals(etag)) {
      throw new PolicyEditException(PolicyEditException.Kind.STALE, file.getFileName()
          + " changed since it was read (If-Match " + ifMatch.get().trim() + ", now " + etag + "); read it again");
    }
    return text;
  }

  private PolicyListing write(Path file, String edited, Ecosystem ecosystem, String list, String change)
      throws PolicyEditException {
    Path temp = file.resolveSibling("." + file.getFileName() + ".edit");
    try {
      Files.createDirectories(file.getParent());
      try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer bytes = ByteBuffer.wrap(edited.getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
          out.write(bytes);
        }
        out.force(true);
      }
      validate(ecosystem, temp, file);
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
    } finally {
      deleteQuietly(temp);
    }
    LOG.info("admin API " + change + " the " + list + " list of " + file);
    ReloadStatus reloaded = reloader.reload();
    return listing(file, edited, ecosystem, list, reloaded.lastError());
  }

  private void validate(Ecosystem ecosystem, Path edited, Path file) throws PolicyEditException {
    try {
      PolicyFileLoader.load(ecosystem, edited, policy.mode(), policy.enforcement());
    } catch (ConfigException e) {
      throw new PolicyEditException(PolicyEditException.Kind.INVALID, "the edit would make "
          + e.getMessage().replace(edited.toString(), file.toString()) + "; nothing was changed");
    }
  }

  private PolicyListing listing(Path file, String text, Ecosystem ecosystem, String list, Optional<String> reloadError)
      throws PolicyEditException {
    PackagePolicy loaded;
    try {
      loaded = PolicyFileLoader.load(ecosystem, file, policy.mode(), policy.enforcement());
    } catch (ConfigException e) {
      throw new PolicyEditException(PolicyEditException.Kind.UNEDITABLE, e.getMessage());
    }
    List<PolicyListing.Entry> entries = ("allow".equals(list) ? loaded.allow() : loaded.deny()).stream()
        .map(PolicyFiles::entry).toList();
    return new PolicyListing(etag(text), entries, reloadError);
  }

  private static PolicyListing.Entry entry(ListEntry e) {
    String source = e.source();
    int line = Integer.parseInt(source.substring(source.lastIndexOf(':') + 1));
    return new PolicyListing.Entry(e.name().toString(), e.versionText(), e.note(),
        e.expires().map(Object::toString), line);
  }

  private Path file(String set, Ecosystem ecosystem, String list) throws PolicyEditException {
    Map<String, Path> sets = PolicyLoader.directories(policy);
    if (!sets.containsKey(set)) {
      throw new PolicyEditException(PolicyEditException.Kind.INVALID,
          "no policy set '" + set + "' (known: " + String.join(", ", new TreeSet<>(sets.keySet())) + ")");
    }
    if (!PolicyLoader.ECOSYSTEMS.contains(ecosystem)) {
      throw new PolicyEditException(PolicyEditException.Kind.INVALID,
          "the admin API edits the pypi and npm lists, not " + ecosystem.id());
    }
    if (!LISTS.contains(list)) {
      throw new PolicyEditException(PolicyEditException.Kind.INVALID, "no list '" + list + "' (allow or deny)");
    }
    return sets.get(set).resolve(ecosystem.id() + ".yaml");
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** The file's version tag: a quoted prefix of its text's SHA-256. */
  static String etag(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void deleteQuietly(Path temp) {
    try {
      Files.deleteIfExists(temp);
    } catch (IOException ignored) {
      // a leftover hidden temporary file is overwritten by the next edit
    }
  }
}
