package dev.tollgate.policy.version.oci;

import java.util.regex.Pattern;

/**
 * The two kinds of image reference a pull names: a tag, which the registry may move, and a digest,
 * which pins the content. Policy treats them differently (tag patterns, digest pins), so it must
 * tell them apart by the same rules the OCI adapter parses them with.
 */
public final class ImageReferences {

  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}");
  private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}|sha512:[0-9a-f]{128}");

  private ImageReferences() {}

  /** Whether {@code reference} is a digest ({@code sha256:} 64 or {@code sha512:} 128 lower-case hex). */
  public static boolean isDigest(String reference) {
    return DIGEST.matcher(reference).matches();
  }

  /** Whether {@code reference} is a valid tag (1 to 128 letters, digits, {@code _ . -}, not starting with {@code . -}). */
  public static boolean isTag(String reference) {
    return TAG.matcher(reference).matches();
  }
}
