package dev.tollgate.adapter.sigstore;

import dev.sigstore.encryption.certificates.Certificates;
import dev.tollgate.adapter.sigstore.SignatureFailure.Kind;
import dev.tollgate.policy.signature.SignatureAuthority;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1String;

/**
 * Decides whether the signer of one signature is the authority the policy names, and yields the
 * key to check the signature with: the pinned key itself, or the public key of a Fulcio
 * certificate that chains to the trusted root and carries an accepted OIDC issuer and subject.
 */
final class SigningIdentity {

  private static final String ISSUER_V2 = "1.3.6.1.4.1.57264.1.8";
  private static final String ISSUER_V1 = "1.3.6.1.4.1.57264.1.1";

  private SigningIdentity() {}

  /**
   * The key to verify with. {@code certificates} is the leaf first, possibly followed by
   * intermediates; it is empty when the signature names no certificate (key-based signing).
   */
  static PublicKey signingKey(TrustRoot trust, SignatureAuthority authority, List<X509Certificate> certificates)
      throws SignatureCheckException {
    if (authority instanceof SignatureAuthority.Key key) {
      if (!certificates.isEmpty() && !key.key().sameKey(certificates.get(0).getPublicKey())) {
        throw new SignatureCheckException(Kind.WRONG_KEY,
            "the signing certificate's key is not the key of authority '" + key.name() + "'");
      }
      return key.key().key();
    }
    SignatureAuthority.Keyless keyless = (SignatureAuthority.Keyless) authority;
    if (certificates.isEmpty()) {
      throw new SignatureCheckException(Kind.WRONG_IDENTITY, "signed with a plain key, but authority '"
          + keyless.name() + "' accepts only keyless (certificate) signatures");
    }
    checkChain(trust, certificates);
    X509Certificate leaf = certificates.get(0);
    String issuer = issuer(leaf).orElse("");
    String subject = subject(leaf);
    if (!keyless.accepts(issuer, subject)) {
      throw new SignatureCheckException(Kind.WRONG_IDENTITY, "signed by issuer '" + issuer + "', subject '"
          + subject + "', which authority '" + keyless.name() + "' does not accept (" + keyless.identities() + ")");
    }
    return leaf.getPublicKey();
  }

  private static void checkChain(TrustRoot trust, List<X509Certificate> certificates) throws SignatureCheckException {
    for (X509Certificate certificate : certificates) {
      if (Certificates.isSelfSigned(certificate)) {
        throw new SignatureCheckException(Kind.BAD_CERTIFICATE_CHAIN,
            "the signature carries a self-signed certificate (" + certificate.getSubjectX500Principal()
                + "); only the pinned root may anchor the chain");
      }
    }
    try {
      trust.fulcio().verifySigningCertificate(Certificates.toCertPath(new ArrayList<>(certificates)));
    } catch (Exception e) {
      throw new SignatureCheckException(Kind.BAD_CERTIFICATE_CHAIN,
          "the signing certificate does not chain to a trusted Fulcio CA with a valid SCT: "
              + SignatureCheckException.describe(e));
    }
  }

  /** The single email or URI subject alternative name Fulcio writes, or "" when there is not exactly one. */
  static String subject(X509Certificate leaf) throws SignatureCheckException {
    Collection<List<?>> names;
    try {
      names = leaf.getSubjectAlternativeNames();
    } catch (CertificateParsingException e) {
      throw new SignatureCheckException(Kind.BAD_CERTIFICATE_CHAIN, "unreadable subject alternative names");
    }
    List<String> subjects = new ArrayList<>();
    if (names != null) {
      for (List<?> name : names) {
        int type = (Integer) name.get(0);
        if (type == 1 || type == 6) {
          subjects.add(String.valueOf(name.get(1)));
        }
      }
    }
    return subjects.size() == 1 ? subjects.get(0) : "";
  }

  /** The OIDC issuer from Fulcio's extension (the DER string form, else the legacy raw form). */
  static Optional<String> issuer(X509Certificate leaf) {
    try {
      byte[] v2 = leaf.getExtensionValue(ISSUER_V2);
      if (v2 != null) {
        ASN1Primitive inner = ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(v2).getOctets());
        if (inner instanceof ASN1String text) {
          return Optional.of(text.getString());
        }
      }
      byte[] v1 = leaf.getExtensionValue(ISSUER_V1);
      if (v1 != null) {
        return Optional.of(new String(ASN1OctetString.getInstance(v1).getOctets(), StandardCharsets.UTF_8));
      }
    } catch (java.io.IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
