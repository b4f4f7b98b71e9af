package dev.tollgate.adapter.oci;

import java.util.regex.Pattern;

/**
 * RFC 6838's media-type name grammar ({@code type/subtype}, each 1 to 127 characters of letters,
 * digits and {@code !#$&-^_.+}, starting with a letter or digit), without parameters: the shape of
 * an {@code artifactType} and of the media types in manifests. A value that passes needs no quoting
 * in a header and only {@code +} escaped in a query.
 */
final class MediaTypeSyntax {

  private static final String NAME = "[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}";
  private static final Pattern GRAMMAR = Pattern.compile(NAME + "/" + NAME);

  private MediaTypeSyntax() {}

  static boolean isWellFormed(String text) {
    return GRAMMAR.matcher(text).matches();
  }
}
