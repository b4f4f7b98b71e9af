package dev.tollgate.gateway.signature;

import dev.tollgate.adapter.sigstore.ImageSignatureVerifier;
import dev.tollgate.gateway.config.ConfigException;
import dev.tollgate.gateway.config.GatewayConfig;
import dev.tollgate.policy.signature.SignaturePolicy;
import java.nio.file.Files;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the OCI mount needs to enforce image signatures: the signature policy in force (read
 * through a supplier, so a reloader can swap it) and the verifier built on the pinned trusted
 * roots. Absent when there is no {@code policy/signatures.yaml}, so a gateway without a signature
 * policy needs no trusted root either.
 */
public record ImageSignatures(Supplier<SignaturePolicy> policy, ImageSignatureVerifier verifier) {

  /**
   * The trusted roots, read at start, with {@code policyInForce} (what the policy reloader holds);
   * empty when the gateway starts without {@code signatures.yaml}.
   */
  public static Optional<ImageSignatures> load(GatewayConfig config, Supplier<SignaturePolicy> policyInForce)
      throws ConfigException {
    if (!Files.exists(config.policy().directory().resolve(SignaturePolicyLoader.FILE_NAME))) {
      return Optional.empty();
    }
    ImageSignatureVerifier verifier = new ImageSignatureVerifier(SigstoreTrust.load(config.sigstore()));
    return Optional.of(new ImageSignatures(policyInForce, verifier));
  }
}
