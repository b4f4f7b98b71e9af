package dev.tollgate.gateway.oci;

import dev.tollgate.adapter.sigstore.SignatureCandidate;
import java.util.ArrayList;
import java.util.List;

/**
 * What the lookup of a manifest's signatures found: the candidates to verify, and a sentence for
 * each signature artefact that could not be used (a layer whose bytes do not match its digest, an
 * oversized or unreadable manifest), so that a refusal can say what was there besides "unsigned".
 */
record SignatureEvidence(List<SignatureCandidate> candidates, List<String> problems) {

  static final SignatureEvidence NONE = new SignatureEvidence(List.of(), List.of());

  SignatureEvidence {
    candidates = List.copyOf(candidates);
    problems = List.copyOf(problems);
  }

  static SignatureEvidence of(SignatureCandidate candidate) {
    return new SignatureEvidence(List.of(candidate), List.of());
  }

  static SignatureEvidence problem(String problem) {
    return new SignatureEvidence(List.of(), List.of(problem));
  }

  /** All candidates and problems of {@code parts}, in order. */
  static SignatureEvidence merge(List<SignatureEvidence> parts) {
    List<SignatureCandidate> candidates = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (SignatureEvidence part : parts) {
      candidates.addAll(part.candidates());
      problems.addAll(part.problems());
    }
    return new SignatureEvidence(candidates, problems);
  }
}
