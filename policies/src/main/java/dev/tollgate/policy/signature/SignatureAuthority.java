package dev.tollgate.policy.signature;

import java.util.List;
import java.util.Objects;

/**
 * One party whose signature counts towards an image's threshold, in the spirit of
 * policy-controller's ClusterImagePolicy authorities: either a trusted public key or a set of
 * keyless (Fulcio) identities. The name is what verdicts and the audit log cite.
 */
public sealed interface SignatureAuthority {

  String name();

  /** Signed with a long-lived key the policy pins. */
  record Key(String name, TrustedKey key) implements SignatureAuthority {
    public Key {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(key, "key");
    }
  }

  /** Signed keylessly by any of these identities (certificate from a pinned Fulcio, logged in Rekor). */
  record Keyless(String name, List<KeylessIdentity> identities) implements SignatureAuthority {
    public Keyless {
      Objects.requireNonNull(name, "name");
      identities = List.copyOf(identities);
      if (identities.isEmpty()) {
        throw new IllegalArgumentException("a keyless authority needs at least one identity");
      }
    }

    public boolean accepts(String issuer, String subject) {
      return identities.stream().anyMatch(identity -> identity.matches(issuer, subject));
    }
  }
}
