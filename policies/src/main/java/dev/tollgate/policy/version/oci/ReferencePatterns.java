package dev.tollgate.policy.version.oci;

import dev.tollgate.policy.rules.Globs;
import dev.tollgate.policy.version.VersionConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The "version" of an image entry: a comma-separated list of tag globs ({@code 3.*}, {@code
 * latest}, {@code *-alpine}; {@code *} any run, {@code ?} one character, case-sensitive like tags)
 * and digest literals ({@code sha256:<hex>}).
 *
 * <p>On the allow-list, a tag pull must match a tag glob; a digest pull must match a digest literal
 * when the entry lists any, and is otherwise admitted by the entry's name, because that is how
 * clients fetch the platform manifests of an index they pulled by tag. On the deny-list, a tag pull
 * is covered by the tag globs and a digest pull by the digest literals only ({@link #covers}), so
 * denying some tags never blocks the digests of other ones.
 */
public final class ReferencePatterns implements VersionConstraint {

  private static final Pattern TAG_GLOB = Pattern.compile("[A-Za-z0-9_.*?-]{1,128}");

  private final String text;
  private final List<Pattern> tagGlobs;
  private final Set<String> digests;

  private ReferencePatterns(String text, List<Pattern> tagGlobs, Set<String> digests) {
    this.text = text;
    this.tagGlobs = tagGlobs;
    this.digests = digests;
  }

  /**
   * Parses a policy file's pattern list.
   *
   * @throws IllegalArgumentException naming the part that is neither a tag glob nor a digest
   */
  public static ReferencePatterns parse(String text) {
    List<Pattern> tagGlobs = new ArrayList<>();
    List<String> digests = new ArrayList<>();
    for (String raw : text.split(",", -1)) {
      String part = raw.trim();
      if (ImageReferences.isDigest(part)) {
        digests.add(part);
      } else if (TAG_GLOB.matcher(part).matches()) {
        tagGlobs.add(Globs.compile(part));
      } else {
        throw new IllegalArgumentException("'" + part + "' is neither a tag pattern (letters, digits, '_', '.',"
            + " '-', '*', '?') nor a digest (sha256:<64 hex digits>)");
      }
    }
    return new ReferencePatterns(text.trim(), List.copyOf(tagGlobs), Set.copyOf(digests));
  }

  @Override
  public boolean allows(String reference) {
    if (ImageReferences.isDigest(reference)) {
      return digests.isEmpty() || digests.contains(reference);
    }
    return matchesTag(reference);
  }

  @Override
  public boolean covers(String reference) {
    return ImageReferences.isDigest(reference) ? digests.contains(reference) : matchesTag(reference);
  }

  @Override
  public String text() {
    return text;
  }

  private boolean matchesTag(String tag) {
    return ImageReferences.isTag(tag) && tagGlobs.stream().anyMatch(glob -> glob.matcher(tag).matches());
  }
}
