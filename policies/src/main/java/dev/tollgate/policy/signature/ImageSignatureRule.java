package dev.tollgate.policy.signature;

import java.util.List;
import java.util.Objects;

/**
 * The signatures one group of images must carry: at least {@code threshold} of the listed
 * authorities must each have a valid signature over the image digest. {@code source} is the
 * policy file and line, for verdicts and the audit log.
 */
public record ImageSignatureRule(ImageGlob images, List<SignatureAuthority> authorities, int threshold,
    String source) {

  public ImageSignatureRule {
    Objects.requireNonNull(images, "images");
    authorities = List.copyOf(authorities);
    if (authorities.isEmpty()) {
      throw new IllegalArgumentException("needs at least one authority");
    }
    if (threshold < 1 || threshold > authorities.size()) {
      throw new IllegalArgumentException("threshold " + threshold + " must lie between 1 and the "
          + authorities.size() + " authorities listed");
    }
  }
}
