package dev.tollgate.gateway.oci;

import dev.tollgate.adapter.oci.ParsedManifest;
import dev.tollgate.adapter.oci.RoutedRepository;
import dev.tollgate.policy.decision.Decision;
import java.util.concurrent.CompletableFuture;

/**
 * Where a manifest's signature check plugs in: asked once per manifest that passed the name and tag
 * rules, before any byte of it reaches the client, with the manifest's verified digest and bytes.
 * It runs on the gateway's worker pool, never on the event loop, and may take as long as fetching
 * signatures from the upstream takes. A refusing decision is served to the client as OCI
 * {@code DENIED} with its reasons; a manifest a verified index lists is not asked again.
 */
@FunctionalInterface
public interface ManifestSignatureCheck {

  /** Allows every manifest: the behaviour until a signature policy is configured. */
  ManifestSignatureCheck NONE = (repository, manifest, bytes, nameDecision) ->
      CompletableFuture.completedFuture(nameDecision);

  /**
   * Decides on {@code manifest} (whose bytes are {@code bytes}) in {@code repository}, given the
   * decision its name and reference already got ({@code nameDecision}, which permits).
   */
  CompletableFuture<Decision> check(RoutedRepository repository, ParsedManifest manifest, byte[] bytes,
      Decision nameDecision);
}
