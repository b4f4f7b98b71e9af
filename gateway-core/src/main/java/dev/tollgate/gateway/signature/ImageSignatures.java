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

  /** Reads {@code signatures.yaml} and the trusted roots at start; empty when the policy file does not exist. */
  public static Optional<ImageSignatures> load(GatewayConfig config) throws ConfigException {
    if (!Files.exists(config.policy().directory().resolve(SignaturePolicyLoader.FILE_NAME))) {
      return Optional.empty();
    }
    SignaturePolicy policy = SignaturePolicyLoader.load(config.policy().directory());
    ImageSignatureVerifier verifier = new ImageSignatureVerifier(SigstoreTrust.load(config.sigstore()));
    return Optional.of(new ImageSignatures(() -> policy, verifier));
  }
}
