package dev.tollgate.policy.version.pep440;

import dev.tollgate.policy.version.Trimming;

import dev.tollgate.policy.version.pep440.Pep440Version.PreReleasePhase;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads PEP 440's version grammar in one forward pass without backtracking. Versions are parsed for
 * every file of a simple page, so the scanner stays linear, allocates little, and signals an invalid
 * version with {@code null} rather than an exception (invalid versions are common on old projects).
 */
final class Pep440VersionParser {

  /** Integers of up to 18 digits fit a long; longer ones (timestamps, hashes) need a BigInteger. */
  private static final int MAX_LONG_DIGITS = 18;

  private static final String[] ALPHA_LABELS = {"alpha", "a"};
  private static final String[] BETA_LABELS = {"beta", "b"};
  private static final String[] RELEASE_CANDIDATE_LABELS = {"preview", "pre", "rc", "c"};
  private static final String[] POST_LABELS = {"post", "rev", "r"};
  private static final String[] DEV_LABELS = {"dev"};

  private final String text;
  private final int end;
  private int pos;

  private Pep440VersionParser(String text) {
    this.text = text;
    this.end = text.length();
  }

  /** The version {@code input} spells, or {@code null} when it is not a PEP 440 version. */
  static Pep440Version parse(String input) {
    return input == null ? null : new Pep440VersionParser(strip(input)).version();
  }

  private Pep440Version version() {
    if (pos < end && toLowerAscii(text.charAt(pos)) == 'v') {
      pos++;
    }
    BigInteger first = number();
    if (first == null) {
      return null;
    }
    BigInteger epoch = BigInteger.ZERO;
    if (pos < end && text.charAt(pos) == '!') {
      pos++;
      epoch = first;
      first = number();
      if (first == null) {
        return null;
      }
    }
    BigInteger[] release = release(first);
    PreReleasePhase prePhase = preReleasePhase();
    BigInteger preNumber = prePhase == null ? null : numberOrZero();
    BigInteger post = postNumber();
    BigInteger dev = labelFollows(DEV_LABELS) ? numberOrZero() : null;
    List<String> local = List.of();
    if (pos < end && text.charAt(pos) == '+') {
      pos++;
      local = localSegments();
    }
    if (local == null || pos != end) {
      return null;
    }
    return new Pep440Version(epoch, release, prePhase, preNumber, post, dev, local);
  }

  private BigInteger[] release(BigInteger first) {
    List<BigInteger> numbers = new ArrayList<>(4);
    numbers.add(first);
    while (pos + 1 < end && text.charAt(pos) == '.' && isDigit(text.charAt(pos + 1))) {
      pos++;
      numbers.add(number());
    }
    return numbers.toArray(new BigInteger[0]);
  }

  private PreReleasePhase preReleasePhase() {
    if (labelFollows(ALPHA_LABELS)) {
      return PreReleasePhase.ALPHA;
    }
    if (labelFollows(BETA_LABELS)) {
      return PreReleasePhase.BETA;
    }
    if (labelFollows(RELEASE_CANDIDATE_LABELS)) {
      return PreReleasePhase.RELEASE_CANDIDATE;
    }
    return null;
  }

  /** {@code -N} (the short form) or a post label with an optional number; {@code null} when absent. */
  private BigInteger postNumber() {
    if (pos + 1 < end && text.charAt(pos) == '-' && isDigit(text.charAt(pos + 1))) {
      pos++;
      return number();
    }
    return labelFollows(POST_LABELS) ? numberOrZero() : null;
  }

  /**
   * Consumes an optional separator and then one of {@code labels}, which must list longer spellings
   * before their prefixes; when no label follows, nothing is consumed.
   */
  private boolean labelFollows(String[] labels) {
    int mark = pos;
    skipSeparator();
    for (String label : labels) {
      if (consumeLabel(label)) {
        return true;
      }
    }
    pos = mark;
    return false;
  }

  /** The number after a label, optionally after a separator; a label without one means 0. */
  private BigInteger numberOrZero() {
    skipSeparator();
    BigInteger number = number();
    return number == null ? BigInteger.ZERO : number;
  }

  private BigInteger number() {
    int start = pos;
    while (pos < end && isDigit(text.charAt(pos))) {
      pos++;
    }
    if (pos == start) {
      return null;
    }
    int significant = start;
    while (significant < pos - 1 && text.charAt(significant) == '0') {
      significant++;
    }
    return pos - significant <= MAX_LONG_DIGITS
        ? BigInteger.valueOf(Long.parseLong(text, significant, pos, 10))
        : new BigInteger(text.substring(significant, pos));
  }

  /**
   * Letters and digits separated by {@code . _ -}, normalised to lower case and numbers without
   * leading zeros; {@code null} when a segment is empty or holds another character.
   */
  private List<String> localSegments() {
    List<String> segments = new ArrayList<>(2);
    while (true) {
      int start = pos;
      while (pos < end && isAsciiLetterOrDigit(text.charAt(pos))) {
        pos++;
      }
      if (pos == start) {
        return null;
      }
      segments.add(normalisedLocalSegment(start, pos));
      if (pos < end && isSeparator(text.charAt(pos))) {
        pos++;
      } else {
        return List.copyOf(segments);
      }
    }
  }

  private String normalisedLocalSegment(int start, int stop) {
    StringBuilder segment = new StringBuilder(stop - start);
    for (int i = start; i < stop; i++) {
      segment.append(toLowerAscii(text.charAt(i)));
    }
    if (Pep440Version.isDigits(segment.toString())) {
      while (segment.length() > 1 && segment.charAt(0) == '0') {
        segment.deleteCharAt(0);
      }
    }
    return segment.toString();
  }

  /** Matches {@code label} (lower case) ignoring ASCII case only, as PEP 440 does. */
  private boolean consumeLabel(String label) {
    int length = label.length();
    if (end - pos < length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (toLowerAscii(text.charAt(pos + i)) != label.charAt(i)) {
        return false;
      }
    }
    pos += length;
    return true;
  }

  private void skipSeparator() {
    if (pos < end && isSeparator(text.charAt(pos))) {
      pos++;
    }
  }

  private static boolean isSeparator(char c) {
    return c == '.' || c == '-' || c == '_';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    char lower = toLowerAscii(c);
    return isDigit(c) || (lower >= 'a' && lower <= 'z');
  }

  private static char toLowerAscii(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }

  /** {@code text} without surrounding {@link #isWhitespace whitespace}; the same string if it has none. */
  static String strip(String text) {
    return Trimming.strip(text, c -> isWhitespace((char) c));
  }

  static boolean containsWhitespace(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (isWhitespace(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** Unicode whitespace as Python's {@code str.strip()} sees it, including no-break spaces. */
  private static boolean isWhitespace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
  }
}
