package dev.tollgate.adapter.pypi;

import java.util.Map;
import java.util.Objects;

/**
 * Whether a file's core metadata is served separately (PEP 658/714, {@code <file>.metadata}) and
 * the digests it must match. Resolvers fetch these small files instead of whole wheels, so the
 * gateway has to know which exist and check them like any other download.
 */
public record CoreMetadata(boolean available, Map<String, String> hashes) {

  /** No separate metadata file is announced. */
  public static final CoreMetadata NONE = new CoreMetadata(false, Map.of());

  public CoreMetadata {
    hashes = FileHashes.ordered(Objects.requireNonNull(hashes, "hashes"));
    if (!available && !hashes.isEmpty()) {
      throw new IllegalArgumentException("hashes given for metadata that is not available");
    }
  }

  /** An announced metadata file, with the digests known for it (possibly none). */
  public static CoreMetadata available(Map<String, String> hashes) {
    return new CoreMetadata(true, hashes);
  }
}
