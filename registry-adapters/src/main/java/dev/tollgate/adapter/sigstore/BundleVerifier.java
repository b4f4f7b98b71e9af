package dev.tollgate.adapter.sigstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import dev.sigstore.json.ProtoJson;
import dev.sigstore.proto.ProtoMutators;
import dev.sigstore.proto.bundle.v1.Bundle;
import dev.sigstore.proto.bundle.v1.VerificationMaterial;
import dev.sigstore.proto.common.v1.X509Certificate;
import dev.sigstore.proto.rekor.v1.TransparencyLogEntry;
import dev.sigstore.rekor.client.RekorEntry;
import dev.tollgate.adapter.sigstore.SignatureFailure.Kind;
import dev.tollgate.policy.signature.SignatureAuthority;
import io.intoto.EnvelopeOuterClass.Envelope;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies one Sigstore bundle (v0.1 to v0.3) over a digest, offline, for one authority. Built
 * from sigstore-java's parts (Fulcio chain + SCT, Rekor SET/proof/checkpoint, RFC 3161) plus
 * what 2.0.0's {@code KeylessVerifier} lacks: key-based bundles, DSSE statements whose subject
 * has no name (cosign v3 image signatures), a byte-exact DSSE PAE, and the time rules.
 */
public final class BundleVerifier {

  /** The predicate type cosign v3 writes into the statement of an image signature. */
  public static final String COSIGN_SIGN_PREDICATE = "https://sigstore.dev/cosign/sign/v1";

  private static final Set<String> MEDIA_TYPES = Set.of(
      "application/vnd.dev.sigstore.bundle+json;version=0.1",
      "application/vnd.dev.sigstore.bundle+json;version=0.2",
      "application/vnd.dev.sigstore.bundle+json;version=0.3",
      "application/vnd.dev.sigstore.bundle.v0.3+json");
  private static final String IN_TOTO = "application/vnd.in-toto+json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final TrustRoot trust;

  public BundleVerifier(TrustRoot trust) {
    this.trust = trust;
  }

  /**
   * Verifies {@code bundleJson} as a signature by {@code authority} over {@code digest}; a DSSE
   * statement must also carry {@code predicateType} when one is given.
   *
   * @return empty when the bundle verifies, else the first check that failed
   */
  public Optional<SignatureFailure> verify(byte[] bundleJson, ArtifactDigest digest, SignatureAuthority authority,
      Optional<String> predicateType) {
    try {
      check(parse(bundleJson), digest, authority, predicateType);
      return Optional.empty();
    } catch (SignatureCheckException e) {
      return Optional.of(e.failure());
    } catch (RuntimeException e) {
      // sigstore-java throws unchecked exceptions on some malformed input: fail closed
      return Optional.of(new SignatureFailure(Kind.MALFORMED, "the bundle cannot be checked: "
          + SignatureCheckException.describe(e)));
    }
  }

  private static Bundle parse(byte[] json) throws SignatureCheckException {
    Bundle.Builder builder = Bundle.newBuilder();
    try {
      ProtoJson.parser().merge(new String(json, StandardCharsets.UTF_8), builder);
    } catch (IOException | RuntimeException e) {
      throw new SignatureCheckException(Kind.MALFORMED, "not a Sigstore bundle: " + SignatureCheckException.describe(e));
    }
    Bundle bundle = builder.build();
    if (!MEDIA_TYPES.contains(bundle.getMediaType())) {
      throw new SignatureCheckException(Kind.MALFORMED, "unsupported bundle media type '" + bundle.getMediaType() + "'");
    }
    return bundle;
  }

  private void check(Bundle bundle, ArtifactDigest digest, SignatureAuthority authority,
      Optional<String> predicateType) throws SignatureCheckException {
    VerificationMaterial material = bundle.getVerificationMaterial();
    List<java.security.cert.X509Certificate> certificates = certificates(material);
    if (!material.hasPublicKey() && certificates.isEmpty()) {
      throw new SignatureCheckException(Kind.BAD_CERTIFICATE_CHAIN, "the bundle holds neither a certificate nor a key");
    }
    PublicKey key = SigningIdentity.signingKey(trust, authority, certificates);
    byte[] signer = certificates.isEmpty() ? key.getEncoded() : encoded(certificates.get(0));
    LoggedSignature logged;
    if (bundle.hasDsseEnvelope()) {
      logged = checkDsse(bundle.getDsseEnvelope(), key, signer, digest, predicateType, badSignature(authority));
    } else if (bundle.hasMessageSignature()) {
      logged = checkMessage(bundle, key, signer, digest, badSignature(authority));
    } else {
      throw new SignatureCheckException(Kind.MALFORMED, "the bundle holds neither a message signature nor a DSSE envelope");
    }
    SigningTimes times = checkLog(material, logged);
    for (var timestamp : material.getTimestampVerificationData().getRfc3161TimestampsList()) {
      times.addTimestamp(trust, timestamp.getSignedTimestamp().toByteArray(), logged.signature());
    }
    times.check(certificates.isEmpty() ? null : certificates.get(0));
  }

  private static List<java.security.cert.X509Certificate> certificates(VerificationMaterial material)
      throws SignatureCheckException {
    List<X509Certificate> raw = material.hasCertificate()
        ? List.of(material.getCertificate())
        : material.getX509CertificateChain().getCertificatesList();
    List<java.security.cert.X509Certificate> certificates = new ArrayList<>();
    for (X509Certificate certificate : raw) {
      try {
        certificates.add(Pem.certificate(certificate.getRawBytes().toByteArray()));
      } catch (CertificateException e) {
        throw new SignatureCheckException(Kind.BAD_CERTIFICATE_CHAIN, "a certificate in the bundle is not DER X.509");
      }
    }
    return certificates;
  }

  /** A signature that does not verify with a pinned key means someone else's key signed it. */
  static Kind badSignature(SignatureAuthority authority) {
    return authority instanceof SignatureAuthority.Key ? Kind.WRONG_KEY : Kind.BAD_SIGNATURE;
  }

  private static LoggedSignature checkMessage(Bundle bundle, PublicKey key, byte[] signer, ArtifactDigest digest,
      Kind badSignature) throws SignatureCheckException {
    if (!"sha256".equals(digest.algorithm())) {
      throw new SignatureCheckException(Kind.PAYLOAD_DIGEST_MISMATCH, "a message signature covers a SHA-256, not " + digest);
    }
    var message = bundle.getMessageSignature();
    if (message.hasMessageDigest() && !Arrays.equals(message.getMessageDigest().getDigest().toByteArray(), digest.value())) {
      throw new SignatureCheckException(Kind.PAYLOAD_DIGEST_MISMATCH, "the bundle's message digest sha256:"
          + HexFormat.of().formatHex(message.getMessageDigest().getDigest().toByteArray()) + " is not " + digest);
    }
    byte[] signature = message.getSignature().toByteArray();
    if (!SignatureAlgorithms.verifyDigest(key, digest.value(), signature)) {
      throw new SignatureCheckException(badSignature, "the signature does not verify over " + digest
          + " with the signer's key");
    }
    return new LoggedSignature(digest.value(), null, signature, signer);
  }

  private static LoggedSignature checkDsse(Envelope envelope, PublicKey key, byte[] signer, ArtifactDigest digest,
      Optional<String> predicateType, Kind badSignature) throws SignatureCheckException {
    if (!IN_TOTO.equals(envelope.getPayloadType())) {
      throw new SignatureCheckException(Kind.MALFORMED, "DSSE payload type '" + envelope.getPayloadType()
          + "' is not " + IN_TOTO);
    }
    if (envelope.getSignaturesCount() != 1) {
      throw new SignatureCheckException(Kind.MALFORMED, "the DSSE envelope holds " + envelope.getSignaturesCount()
          + " signatures, not one");
    }
    byte[] payload = envelope.getPayload().toByteArray();
    byte[] pae = pae(envelope.getPayloadType(), payload);
    byte[] signature = envelope.getSignatures(0).getSig().toByteArray();
    if (!SignatureAlgorithms.verify(key, pae, signature)) {
      throw new SignatureCheckException(badSignature, "the DSSE signature does not verify with the signer's key");
    }
    InTotoSubjects.check(payload, digest, predicateType);
    return new LoggedSignature(sha256(pae), sha256(payload), signature, signer);
  }

  private SigningTimes checkLog(VerificationMaterial material, LoggedSignature logged) throws SignatureCheckException {
    if (material.getTlogEntriesCount() == 0) {
      throw new SignatureCheckException(Kind.TLOG_INVALID, "the bundle holds no transparency log entry");
    }
    TransparencyLogEntry entry = material.getTlogEntries(0);
    if (!entry.hasInclusionProof()) {
      throw new SignatureCheckException(Kind.TLOG_INVALID, "the log entry carries no inclusion proof");
    }
    try {
      RekorEntry rekorEntry = ProtoMutators.toRekorEntry(entry);
      trust.rekor().verifyEntry(rekorEntry);
    } catch (Exception e) {
      throw new SignatureCheckException(Kind.TLOG_INVALID, "the transparency log entry does not verify: "
          + SignatureCheckException.describe(e));
    }
    JsonNode body;
    try {
      body = JSON.readTree(entry.getCanonicalizedBody().toByteArray());
    } catch (IOException e) {
      throw new SignatureCheckException(Kind.TLOG_INVALID, "the log entry body is not JSON");
    }
    logged.check(body, entry.getKindVersion().getKind(), entry.getKindVersion().getVersion());
    SigningTimes times = new SigningTimes();
    if (entry.hasInclusionPromise()) {
      times.addIntegratedTime(trust, entry.getLogId().getKeyId().toByteArray(),
          Instant.ofEpochSecond(entry.getIntegratedTime()));
    }
    return times;
  }

  /** DSSE's pre-authentication encoding, with lengths in bytes (not characters). */
  static byte[] pae(String payloadType, byte[] payload) {
    byte[] type = payloadType.getBytes(StandardCharsets.UTF_8);
    return ByteString.copyFromUtf8("DSSEv1 " + type.length + " " + payloadType + " " + payload.length + " ")
        .concat(ByteString.copyFrom(payload)).toByteArray();
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static byte[] encoded(java.security.cert.X509Certificate certificate) throws SignatureCheckException {
    try {
      return certificate.getEncoded();
    } catch (CertificateException e) {
      throw new SignatureCheckException(Kind.BAD_CERTIFICATE_CHAIN, "the certificate cannot be encoded");
    }
  }
}
