package dev.tollgate.adapter.oci;

/**
 * What a manifest request names after {@code /manifests/}: a tag, which the upstream may move, or a
 * digest, which pins the exact bytes.
 */
public sealed interface Reference permits Tag, Digest {

  /** The reference as it appears in a path: the tag, or {@code algorithm:hex}. */
  String text();

  /**
   * Parses a manifest reference: a digest when it holds a {@code :}, a tag otherwise.
   *
   * @throws IllegalArgumentException with a sentence saying what is wrong
   */
  static Reference parse(String text) {
    return text.indexOf(':') >= 0 ? Digest.parse(text) : Tag.parse(text);
  }
}
