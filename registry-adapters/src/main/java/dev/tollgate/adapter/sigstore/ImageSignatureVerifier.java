package dev.tollgate.adapter.sigstore;

import dev.tollgate.adapter.sigstore.SignatureFailure.Kind;
import dev.tollgate.policy.signature.ImageSignatureRule;
import dev.tollgate.policy.signature.SignatureAuthority;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Decides whether an image digest carries the signatures its rule demands, from the candidate
 * signatures the OCI route fetched (no HTTP here). Each authority counts once, when any candidate
 * verifies for it; the image passes when the rule's threshold is met. Verification costs
 * milliseconds of CPU per signature, so callers on an event loop use {@link #verifyAsync}.
 */
public final class ImageSignatureVerifier {

  private final BundleVerifier bundles;
  private final CosignSignatureVerifier cosign;

  public ImageSignatureVerifier(TrustRoot trust) {
    this.bundles = new BundleVerifier(trust);
    this.cosign = new CosignSignatureVerifier(trust);
  }

  /** {@link #verify} on {@code executor}, so the caller's thread is not held. */
  public CompletableFuture<SignatureVerdict> verifyAsync(String imageDigest, List<SignatureCandidate> candidates,
      ImageSignatureRule rule, Executor executor) {
    return CompletableFuture.supplyAsync(() -> verify(imageDigest, candidates, rule), executor);
  }

  /**
   * Checks the candidates for {@code imageDigest} ({@code sha256:<hex>}, the digest of the
   * manifest the client pulls) against {@code rule}.
   */
  public SignatureVerdict verify(String imageDigest, List<SignatureCandidate> candidates, ImageSignatureRule rule) {
    ArtifactDigest digest;
    try {
      digest = ArtifactDigest.parse(imageDigest);
    } catch (IllegalArgumentException e) {
      return refused(List.of(new SignatureFailure(Kind.MALFORMED, "image digest " + e.getMessage())));
    }
    if (candidates.isEmpty()) {
      return refused(List.of(new SignatureFailure(Kind.NO_SIGNATURE, "no signature found for " + digest)));
    }
    List<String> satisfied = new ArrayList<>();
    List<SignatureFailure> failures = new ArrayList<>();
    for (SignatureAuthority authority : rule.authorities()) {
      List<SignatureFailure> tried = new ArrayList<>();
      for (SignatureCandidate candidate : candidates) {
        Optional<SignatureFailure> failure = verifyOne(digest, candidate, authority);
        if (failure.isEmpty()) {
          satisfied.add(authority.name());
          tried.clear();
          break;
        }
        tried.add(new SignatureFailure(failure.get().kind(), "authority '" + authority.name() + "', signature "
            + candidate.source() + ": " + failure.get().detail()));
      }
      failures.addAll(tried);
    }
    if (satisfied.size() >= rule.threshold()) {
      return new SignatureVerdict(true, satisfied, List.of());
    }
    if (!satisfied.isEmpty()) {
      failures.add(0, new SignatureFailure(Kind.NO_SIGNATURE, satisfied.size() + " of the " + rule.threshold()
          + " required authorities signed (" + String.join(", ", satisfied) + ")"));
    }
    return new SignatureVerdict(false, satisfied, failures);
  }

  private Optional<SignatureFailure> verifyOne(ArtifactDigest digest, SignatureCandidate candidate,
      SignatureAuthority authority) {
    if (candidate.format() == SignatureCandidate.Format.SIGSTORE_BUNDLE) {
      return bundles.verify(candidate.content(), digest, authority, Optional.of(BundleVerifier.COSIGN_SIGN_PREDICATE));
    }
    try {
      cosign.verify(digest, candidate.content(), candidate.annotations(), authority);
      return Optional.empty();
    } catch (SignatureCheckException e) {
      return Optional.of(e.failure());
    } catch (RuntimeException e) {
      return Optional.of(new SignatureFailure(Kind.MALFORMED, "the signature cannot be checked: "
          + SignatureCheckException.describe(e)));
    }
  }

  private static SignatureVerdict refused(List<SignatureFailure> failures) {
    return new SignatureVerdict(false, List.of(), failures);
  }
}
