package dev.tollgate.policy.version.pep440;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Python package version as PEP 440 defines it. PyPI files spell one version in many ways
 * ({@code 1.0RC1}, {@code v1.0-r2}, {@code 1.0.0}), and pip orders them by rules that plain string or
 * semver comparison gets wrong ({@code 1.0.dev1 < 1.0a1 < 1.0 < 1.0.post1}); the gateway must agree
 * with pip exactly, or a constraint would let through a version the security team meant to refuse.
 *
 * <p>Equality follows the ordering: {@code 1.0}, {@code 1.0.0} and {@code v1.0} are equal, while
 * {@link #toString()} keeps the normalised spelling of the release as written ({@code 1.0.0}).
 * Numbers may be of any size.
 */
public final class Pep440Version implements Comparable<Pep440Version> {

  /** Pre-release phases in the order they sort; the normalised spelling is the label. */
  enum PreReleasePhase {
    ALPHA("a"),
    BETA("b"),
    RELEASE_CANDIDATE("rc");

    private final String label;

    PreReleasePhase(String label) {
      this.label = label;
    }
  }

  private final BigInteger epoch;
  private final BigInteger[] release;
  /** {@code release} without trailing zeros: what ordering and equality look at. */
  private final int significantReleaseLength;
  private final PreReleasePhase prePhase;
  private final BigInteger preNumber;
  private final BigInteger post;
  private final BigInteger dev;
  /** Lower-case segments; numeric ones without leading zeros. Empty when there is no local label. */
  private final List<String> local;

  Pep440Version(
      BigInteger epoch,
      BigInteger[] release,
      PreReleasePhase prePhase,
      BigInteger preNumber,
      BigInteger post,
      BigInteger dev,
      List<String> local) {
    this.epoch = epoch;
    this.release = release;
    this.significantReleaseLength = significantLength(release);
    this.prePhase = prePhase;
    this.preNumber = preNumber;
    this.post = post;
    this.dev = dev;
    this.local = local;
  }

  /**
   * Parses a version in any spelling PEP 440 accepts (surrounding whitespace, a leading {@code v},
   * any letter case, alternate pre/post/dev spellings and separators).
   *
   * @throws IllegalArgumentException when {@code text} is not a PEP 440 version
   */
  public static Pep440Version parse(String text) {
    Pep440Version version = Pep440VersionParser.parse(text);
    if (version == null) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a valid PEP 440 version (expected something like 1.2.3, 2.0rc1,"
              + " 1!2.0.post1 or 1.0+local.7)");
    }
    return version;
  }

  /** Parses like {@link #parse} but answers empty instead of throwing; {@code null} is not a version. */
  public static Optional<Pep440Version> tryParse(String text) {
    return Optional.ofNullable(Pep440VersionParser.parse(text));
  }

  /** Whether this is a pre-release ({@code a}, {@code b}, {@code rc}) or a development release. */
  public boolean isPrerelease() {
    return prePhase != null || dev != null;
  }

  public boolean isPostRelease() {
    return post != null;
  }

  public boolean isDevRelease() {
    return dev != null;
  }

  /** Whether there is a local version label ({@code +ubuntu.1}), which public indexes do not allow. */
  public boolean hasLocal() {
    return !local.isEmpty();
  }

  /** Epoch and release only: {@code 1!2.0rc1.post3+abc} gives {@code 1!2.0}. */
  public Pep440Version baseVersion() {
    return new Pep440Version(epoch, release, null, null, null, null, List.of());
  }

  /** This version without its local label: {@code 1.0.post1+abc} gives {@code 1.0.post1}. */
  public Pep440Version publicVersion() {
    return local.isEmpty()
        ? this
        : new Pep440Version(epoch, release, prePhase, preNumber, post, dev, List.of());
  }

  /** The version this is a post-release of: {@code 1.0a1.post2.dev3+abc} gives {@code 1.0a1}. */
  Pep440Version postReleaseBase() {
    return new Pep440Version(epoch, release, prePhase, preNumber, null, null, List.of());
  }

  /** The first development release of this version: {@code 1.2.post1} gives {@code 1.2.post1.dev0}. */
  Pep440Version earliestDevRelease() {
    return new Pep440Version(epoch, release, prePhase, preNumber, post, BigInteger.ZERO, List.of());
  }

  /** Epoch and release without its last number: {@code 1!2.2.5rc1} gives {@code 1!2.2}. */
  Pep440Version releaseWithoutLastNumber() {
    return new Pep440Version(
        epoch, Arrays.copyOf(release, release.length - 1), null, null, null, null, List.of());
  }

  int releaseLength() {
    return release.length;
  }

  /**
   * Whether this version's epoch equals {@code prefix}'s and its release, padded with zeros, starts
   * with {@code prefix}'s release numbers: the {@code ==1.2.*} test. Everything after the release
   * (pre, post, dev, local) is ignored.
   */
  boolean hasReleasePrefix(Pep440Version prefix) {
    if (!epoch.equals(prefix.epoch)) {
      return false;
    }
    for (int i = 0; i < prefix.release.length; i++) {
      if (!releaseNumber(i).equals(prefix.release[i])) {
        return false;
      }
    }
    return true;
  }

  private BigInteger releaseNumber(int index) {
    return index < release.length ? release[index] : BigInteger.ZERO;
  }

  /**
   * PEP 440 order: epoch, then release (missing numbers count as zero), then dev-only releases before
   * pre-releases before finals, post-releases after their base, a release's dev builds before it, and
   * a local label after the same public version.
   */
  @Override
  public int compareTo(Pep440Version other) {
    int result = epoch.compareTo(other.epoch);
    if (result == 0) {
      result = compareRelease(other);
    }
    if (result == 0) {
      result = Integer.compare(phaseRank(), other.phaseRank());
    }
    if (result == 0) {
      result = compareOptional(preNumber, other.preNumber, true);
    }
    if (result == 0) {
      result = compareOptional(post, other.post, true);
    }
    if (result == 0) {
      result = compareOptional(dev, other.dev, false);
    }
    if (result == 0) {
      result = compareLocal(local, other.local);
    }
    return result;
  }

  private int compareRelease(Pep440Version other) {
    int length = Math.max(significantReleaseLength, other.significantReleaseLength);
    for (int i = 0; i < length; i++) {
      int result = releaseNumber(i).compareTo(other.releaseNumber(i));
      if (result != 0) {
        return result;
      }
    }
    return 0;
  }

  /** A dev-only release (1.0.dev1) sorts before every pre-release, a final or post after them all. */
  private int phaseRank() {
    if (prePhase != null) {
      return prePhase.ordinal();
    }
    return post == null && dev != null ? -1 : PreReleasePhase.values().length;
  }

  /**
   * Compares optional numbers: a post segment sorts after its absence ({@code absentFirst}), a dev
   * segment before it (a release's dev builds come before the release).
   */
  private static int compareOptional(BigInteger a, BigInteger b, boolean absentFirst) {
    if (a == null || b == null) {
      int presentLast = Boolean.compare(a != null, b != null);
      return absentFirst ? presentLast : -presentLast;
    }
    return a.compareTo(b);
  }

  /**
   * Segment by segment: numbers numerically, words alphabetically, any number after any word; when
   * one label is a prefix of the other the shorter sorts first, and no label sorts before any.
   */
  private static int compareLocal(List<String> a, List<String> b) {
    int shared = Math.min(a.size(), b.size());
    for (int i = 0; i < shared; i++) {
      int result = compareLocalSegment(a.get(i), b.get(i));
      if (result != 0) {
        return result;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  private static int compareLocalSegment(String a, String b) {
    boolean aNumeric = isDigits(a);
    boolean bNumeric = isDigits(b);
    if (aNumeric != bNumeric) {
      return aNumeric ? 1 : -1;
    }
    if (aNumeric && a.length() != b.length()) {
      // Numeric segments carry no leading zeros, so the longer one is the larger number.
      return Integer.compare(a.length(), b.length());
    }
    return a.compareTo(b);
  }

  static boolean isDigits(String segment) {
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static int significantLength(BigInteger[] release) {
    int length = release.length;
    while (length > 0 && release[length - 1].signum() == 0) {
      length--;
    }
    return length;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Pep440Version version && compareTo(version) == 0;
  }

  @Override
  public int hashCode() {
    int hash = Objects.hash(epoch, prePhase, preNumber, post, dev, local);
    for (int i = 0; i < significantReleaseLength; i++) {
      hash = 31 * hash + release[i].hashCode();
    }
    return hash;
  }

  /** The normalised form PEP 440 prescribes, e.g. {@code 1!2.0rc1.post3.dev4+ubuntu.1}. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(16);
    if (epoch.signum() != 0) {
      text.append(epoch).append('!');
    }
    for (int i = 0; i < release.length; i++) {
      if (i > 0) {
        text.append('.');
      }
      text.append(release[i]);
    }
    if (prePhase != null) {
      text.append(prePhase.label).append(preNumber);
    }
    if (post != null) {
      text.append(".post").append(post);
    }
    if (dev != null) {
      text.append(".dev").append(dev);
    }
    if (!local.isEmpty()) {
      text.append('+').append(String.join(".", local));
    }
    return text.toString();
  }
}
