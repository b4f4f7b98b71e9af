package dev.tollgate.gateway.oci;

import dev.tollgate.adapter.oci.Descriptor;
import dev.tollgate.adapter.oci.ParsedManifest;
import dev.tollgate.adapter.sigstore.SignatureManifests;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Recognises manifests that hold only signature material — cosign's {@code .sig} and {@code .att}
 * manifests, Sigstore bundle referrers, and the referrers fallback index listing them — so that
 * they are served without a signature of their own: clients that verify signatures themselves
 * ({@code cosign verify}) fetch them through the gateway, and nothing in them can run.
 */
final class SignatureMaterial {

  /** Layer types whose content is a signature, never a file system. */
  private static final Set<String> LAYER_TYPES = Set.of(SignatureManifests.COSIGN_LAYER_TYPE,
      SignatureManifests.BUNDLE_TYPE, "application/vnd.dsse.envelope.v1+json");

  private SignatureMaterial() {}

  /** Whether every layer (or, for an index, every listed manifest) is signature material. */
  static boolean only(ParsedManifest manifest) {
    if (manifest instanceof ParsedManifest.ImageManifest image) {
      return allOf(image.layers(), layer -> Optional.of(layer.mediaType()));
    }
    ParsedManifest.ImageIndex index = (ParsedManifest.ImageIndex) manifest;
    return allOf(index.manifests(), Descriptor::artifactType);
  }

  private static boolean allOf(List<Descriptor> descriptors,
      Function<Descriptor, Optional<String>> type) {
    return !descriptors.isEmpty()
        && descriptors.stream().allMatch(d -> type.apply(d).filter(LAYER_TYPES::contains).isPresent());
  }
}
