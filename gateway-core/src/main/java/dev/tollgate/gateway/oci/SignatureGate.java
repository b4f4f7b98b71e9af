package dev.tollgate.gateway.oci;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.tollgate.adapter.oci.Digest;
import dev.tollgate.adapter.oci.DigestAlgorithm;
import dev.tollgate.adapter.oci.ParsedManifest;
import dev.tollgate.adapter.oci.RoutedRepository;
import dev.tollgate.adapter.sigstore.ImageSignatureVerifier;
import dev.tollgate.adapter.sigstore.SignatureVerdict;
import dev.tollgate.policy.decision.Decision;
import dev.tollgate.policy.decision.Reason;
import dev.tollgate.policy.decision.Rule;
import dev.tollgate.policy.decision.Verdict;
import dev.tollgate.policy.signature.ImageSignatureRule;
import dev.tollgate.policy.signature.SignatureAuthority;
import dev.tollgate.policy.signature.SignaturePolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The image signature policy at pull time: for a manifest whose image a signature rule covers,
 * finds its signatures upstream, verifies them (on the worker pool, never the event loop) and
 * applies the rule's authorities and threshold. A refusal names the rule and exactly what failed
 * for each authority and signature. Outcomes are cached per repository, manifest digest and rule:
 * a pass for {@link #PASSED_FOR}, a refusal only for {@link #REFUSED_FOR}, so that a signature
 * pushed after a refused pull counts soon; concurrent pulls of one digest share one check.
 * Manifests holding only signature material pass, so clients can verify for themselves.
 */
final class SignatureGate implements ManifestSignatureCheck {

  static final Duration PASSED_FOR = Duration.ofHours(1);
  static final Duration REFUSED_FOR = Duration.ofSeconds(30);
  private static final long MAX_ENTRIES = 10_000;

  private record Key(String upstream, String repository, Digest digest, ImageSignatureRule rule) {}

  /**
   * What a check concluded, independent of the request that asked; or the upstream failure that
   * kept it from concluding, which expires at once (kept as a value, so concurrent pulls share it).
   */
  private record Outcome(boolean passed, Reason reason, Throwable failure) {

    Duration lifetime() {
      return failure != null ? Duration.ZERO : passed ? PASSED_FOR : REFUSED_FOR;
    }
  }

  private final Supplier<SignaturePolicy> policy;
  private final SignatureSource signatures;
  private final ImageSignatureVerifier verifier;
  private final Executor workers;
  private final AsyncCache<Key, Outcome> outcomes;

  SignatureGate(Supplier<SignaturePolicy> policy, SignatureSource signatures, ImageSignatureVerifier verifier,
      Executor workers, Ticker ticker) {
    this.policy = policy;
    this.signatures = signatures;
    this.verifier = verifier;
    this.workers = workers;
    this.outcomes = Caffeine.newBuilder()
        .maximumSize(MAX_ENTRIES)
        .ticker(ticker)
        .executor(workers)
        .expireAfter(Expiry.creating((Key key, Outcome outcome) -> outcome.lifetime()))
        .buildAsync();
  }

  @Override
  public CompletableFuture<Decision> check(RoutedRepository repository, ParsedManifest manifest, byte[] bytes,
      Decision nameDecision) {
    if (SignatureMaterial.only(manifest)) {
      return CompletableFuture.completedFuture(nameDecision);
    }
    SignaturePolicy current = policy.get();
    Optional<ImageSignatureRule> rule = current.ruleFor(repository.upstream(), repository.repository());
    if (rule.isEmpty()) {
      return CompletableFuture.completedFuture(current.unmatched() == SignaturePolicy.Unmatched.ALLOW
          ? nameDecision : refused(nameDecision, new Reason(Rule.NO_SIGNATURE_RULE, "no rule of the signature policy "
              + "covers " + repository.imageName() + ", and images no rule covers are refused", Map.of())));
    }
    Digest digest = Digest.compute(DigestAlgorithm.SHA256, bytes);
    Key key = new Key(repository.upstream(), repository.repository(), digest, rule.get());
    return outcomes.get(key, (k, executor) -> verify(repository, digest, rule.get()))
        .thenCompose(outcome -> outcome.failure() != null ? CompletableFuture.failedFuture(outcome.failure())
            : CompletableFuture.completedFuture(outcome.passed() ? passed(nameDecision, outcome.reason())
                : refused(nameDecision, outcome.reason())));
  }

  private CompletableFuture<Outcome> verify(RoutedRepository repository, Digest digest, ImageSignatureRule rule) {
    return signatures.find(repository, digest).thenCompose(evidence ->
        verifier.verifyAsync(digest.text(), evidence.candidates(), rule, workers)
            .thenApply(verdict -> outcome(repository, digest, rule, verdict, evidence.problems())))
        .exceptionally(error -> new Outcome(false, null, error));
  }

  private static Outcome outcome(RoutedRepository repository, Digest digest, ImageSignatureRule rule,
      SignatureVerdict verdict, List<String> problems) {
    String image = repository.imageName() + "@" + digest.text();
    String authorities = rule.authorities().stream().map(SignatureAuthority::name).collect(Collectors.joining(", "));
    if (verdict.verified()) {
      return new Outcome(true, new Reason(Rule.SIGNATURE_VERIFIED, image + " is " + verdict.summary() + " ("
          + rule.source() + ")", Map.of("digest", digest.text(), "signatureRule", rule.source(),
          "signedBy", String.join(", ", verdict.satisfied()))), null);
    }
    List<String> what = new ArrayList<>();
    what.add(verdict.summary());
    what.addAll(problems);
    String failures = verdict.failures().stream().map(f -> f.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'))
        .distinct().collect(Collectors.joining(","));
    return new Outcome(false, new Reason(Rule.SIGNATURE_REFUSED, image + " lacks the signatures " + rule.source()
        + " requires (" + rule.threshold() + " of " + authorities + "): " + String.join("; ", what),
        Map.of("digest", digest.text(), "signatureRule", rule.source(), "failures", failures)), null);
  }

  private static Decision passed(Decision nameDecision, Reason reason) {
    List<Reason> reasons = new ArrayList<>(nameDecision.reasons());
    reasons.add(reason);
    return new Decision(nameDecision.subject(), nameDecision.verdict(), reasons);
  }

  /** Signature refusals are always enforced: an audit-mode gateway still does not serve an unverified image. */
  private static Decision refused(Decision nameDecision, Reason reason) {
    return new Decision(nameDecision.subject(), Verdict.DENY, List.of(reason));
  }
}
