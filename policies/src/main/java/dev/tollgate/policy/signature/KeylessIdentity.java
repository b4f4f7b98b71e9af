package dev.tollgate.policy.signature;

import java.util.Objects;

/**
 * Who may sign without a long-lived key: the OIDC issuer that vouched for the signer and the
 * subject (email or URI) Fulcio wrote into the certificate. Both must match.
 */
public record KeylessIdentity(TextMatch issuer, TextMatch subject) {

  public KeylessIdentity {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(subject, "subject");
  }

  public boolean matches(String certificateIssuer, String certificateSubject) {
    return issuer.matches(certificateIssuer) && subject.matches(certificateSubject);
  }

  @Override
  public String toString() {
    return "issuer " + issuer + ", subject " + subject;
  }
}
