package dev.tollgate.gateway.oci;

import dev.tollgate.adapter.oci.Digest;
import dev.tollgate.adapter.oci.RoutedRepository;
import java.util.concurrent.CompletableFuture;

/**
 * Where the signatures of a manifest are looked up: the upstream registry in the gateway, a fixed
 * set in tests of the signature gate. Kept apart so that deciding on signatures and fetching them
 * are separate jobs.
 */
@FunctionalInterface
interface SignatureSource {

  /**
   * The candidate signatures of the manifest {@code digest} in {@code repository}, and what could
   * not be used. Fails only when the upstream cannot be asked at all.
   */
  CompletableFuture<SignatureEvidence> find(RoutedRepository repository, Digest digest);
}
