package dev.tollgate.adapter.npm;

import dev.tollgate.adapter.npm.VersionLookup.Found;
import dev.tollgate.adapter.npm.VersionLookup.Missing;
import dev.tollgate.adapter.npm.VersionLookup.Removed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The gateway's entry point to npm metadata: pure functions from upstream packument bytes (full or
 * abbreviated; the gateway does the fetching) to what the client is served. "Filter twice": the
 * packument loses the versions policy refuses, and {@link #versionInfo} gives the tarball route
 * what it needs to refuse a direct download of one.
 *
 * <p>Packuments reach tens of megabytes, so none is ever held as a tree. Each call reads the bytes
 * with Jackson's streaming parser in two passes: the first collects the dist-tags and each
 * version's {@link VersionInfo} (a few hundred bytes per version) and decides; the second copies
 * the document token by token into the output, applying the decisions. Two passes, rather than one
 * that buffers, because a full packument lists {@code dist-tags} before the versions they name and
 * {@code time} (which policy needs for release age) after them; the first pass is cheap, as it
 * skips what it does not read without decoding it.
 *
 * <p>What the client sees:
 *
 * <ul>
 *   <li>Removed versions vanish from {@code versions} and {@code time}. A version whose key is not
 *       SemVer is removed without asking the predicate: its tarball could not be served.
 *   <li>{@code dist-tags} name kept versions only, re-pointed or dropped as {@link
 *       DistTagRepointing} explains; {@code latest} stays while any version is kept.
 *   <li>Each kept {@code dist.tarball} is replaced by the rewriter's URL; {@code dist.integrity},
 *       {@code shasum} and {@code signatures}, {@code modified} and every field this class does not
 *       know are copied unchanged, in upstream order.
 * </ul>
 */
public final class PackumentFilter {

  private PackumentFilter() {}

  /**
   * Filters the packument of {@code name}.
   *
   * @param keep decides which versions stay; it sees each version once, with its publish time when
   *     the packument has {@code time}
   * @throws MalformedPackumentException if the bytes are not a packument of {@code name}
   */
  public static FilteredPackument filter(
      byte[] packument, String name, Predicate<VersionInfo> keep, TarballUrlRewriter rewriter)
      throws MalformedPackumentException {
    Objects.requireNonNull(rewriter, "rewriter");
    PackumentSummary summary = decide(PackumentScan.scan(packument, name, version -> true), keep);
    byte[] json =
        PackumentWriter.filtered(
            packument, name, Set.copyOf(summary.removed()), summary.distTags(), rewriter);
    return new FilteredPackument(json, summary);
  }

  /**
   * Answers {@code /<name>/<version-or-tag>} from the package's full packument: a version name is
   * looked up directly, a tag through the dist-tags as {@link #filter} would serve them.
   *
   * @throws MalformedPackumentException if the bytes are not a packument of {@code name}
   */
  public static VersionLookup versionDocument(
      byte[] packument,
      String name,
      String versionOrTag,
      Predicate<VersionInfo> keep,
      TarballUrlRewriter rewriter)
      throws MalformedPackumentException {
    Objects.requireNonNull(rewriter, "rewriter");
    PackumentScan.Result facts = PackumentScan.scan(packument, name, version -> true);
    PackumentSummary summary = decide(facts, keep);
    Optional<VersionInfo> upstream = find(facts, resolve(facts, summary, versionOrTag));
    if (upstream.isEmpty()) {
      return new Missing(versionOrTag);
    }
    VersionInfo version = upstream.get();
    if (!summary.kept().containsKey(version.version())) {
      return new Removed(version);
    }
    return new Found(
        version, PackumentWriter.versionDocument(packument, name, version.version(), rewriter));
  }

  /**
   * The facts of one version, for the tarball route: which digest the bytes must have, where
   * upstream serves them, and what policy needs to decide again. One streaming pass; nothing of the
   * document is kept.
   *
   * @return empty if the packument has no such version
   * @throws MalformedPackumentException if the bytes are not a packument of {@code name}
   */
  public static Optional<VersionInfo> versionInfo(byte[] packument, String name, String version)
      throws MalformedPackumentException {
    return PackumentScan.scan(packument, name, version::equals).versions().stream().findFirst();
  }

  private static PackumentSummary decide(PackumentScan.Result facts, Predicate<VersionInfo> keep) {
    Map<String, VersionInfo> kept = new LinkedHashMap<>();
    List<NpmVersion> keptVersions = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    for (VersionInfo version : facts.versions()) {
      Optional<NpmVersion> semVer = NpmVersion.parse(version.version());
      if (semVer.isPresent() && keep.test(version)) {
        kept.put(version.version(), version);
        keptVersions.add(semVer.get());
      } else {
        removed.add(version.version());
      }
    }
    return new PackumentSummary(
        kept, removed, DistTagRepointing.repoint(facts.distTags(), keptVersions));
  }

  /**
   * The version {@code versionOrTag} names: itself if it is a version, else the tag's target as
   * served, else (for a dropped tag) as upstream had it, so a refused target reads as removed.
   */
  private static String resolve(
      PackumentScan.Result facts, PackumentSummary summary, String versionOrTag) {
    if (find(facts, versionOrTag).isPresent()) {
      return versionOrTag;
    }
    return summary
        .distTags()
        .getOrDefault(versionOrTag, facts.distTags().getOrDefault(versionOrTag, versionOrTag));
  }

  private static Optional<VersionInfo> find(PackumentScan.Result facts, String version) {
    return facts.versions().stream().filter(v -> v.version().equals(version)).findFirst();
  }
}
