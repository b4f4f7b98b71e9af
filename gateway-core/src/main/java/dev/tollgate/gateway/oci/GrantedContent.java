package dev.tollgate.gateway.oci;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.tollgate.adapter.oci.Descriptor;
import dev.tollgate.adapter.oci.Digest;
import dev.tollgate.adapter.oci.RoutedRepository;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/**
 * What manifests that passed policy have vouched for, per repository: the blobs an image manifest
 * references (with their declared sizes), the child manifests a verified index lists, and the
 * digests of the manifests themselves. Clients
 * fetch a blob only after its manifest, so a blob that no allowed manifest in its repository names
 * is refused: a blob digest alone never opens the way to an image that policy did not see. Bounded
 * in size; unused grants lapse after a day (the client fetches the manifest again on its next pull).
 */
final class GrantedContent {

  private static final long MAX_ENTRIES = 1_000_000;
  private static final Duration IDLE = Duration.ofHours(24);

  private record Key(String upstream, String repository, Digest digest, boolean manifest) {}

  private final Cache<Key, Long> grants = Caffeine.newBuilder()
      .maximumSize(MAX_ENTRIES)
      .expireAfterAccess(IDLE)
      .build();

  /** Lets {@code repository} serve the blobs {@code descriptors} name, at their declared sizes. */
  void grantBlobs(RoutedRepository repository, List<Descriptor> descriptors) {
    for (Descriptor d : descriptors) {
      grants.put(key(repository, d.digest(), false), d.size());
    }
  }

  /** Records that manifests that passed in {@code repository} vouch for the manifests {@code children}. */
  void vouchForManifests(RoutedRepository repository, List<Digest> children) {
    for (Digest child : children) {
      grants.put(key(repository, child, true), -1L);
    }
  }

  /** The declared size of a granted blob; empty when no allowed manifest in the repository names it. */
  OptionalLong blobSize(RoutedRepository repository, Digest digest) {
    Long size = grants.getIfPresent(key(repository, digest, false));
    return size == null ? OptionalLong.empty() : OptionalLong.of(size);
  }

  /** Whether a manifest that passed in {@code repository} vouched for the manifest {@code digest}. */
  boolean vouched(RoutedRepository repository, Digest digest) {
    return grants.getIfPresent(key(repository, digest, true)) != null;
  }

  private static Key key(RoutedRepository repository, Digest digest, boolean manifest) {
    return new Key(repository.upstream(), repository.repository(), digest, manifest);
  }
}
