package dev.tollgate.adapter.sigstore.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sigstore.rekor.client.HashedRekordRequest;
import dev.tollgate.adapter.sigstore.CosignAnnotations;
import dev.tollgate.adapter.sigstore.SignatureManifests;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A whole Sigstore of the test's own, fully offline: a Fulcio CA with its CT log, a Rekor, and
 * the {@code trusted_root.json} that pins them. It mints what cosign would push for an image:
 * tag-scheme signatures ({@code sha256-<hex>.sig}) and v3 bundles as OCI referrers, key-based or
 * keyless, so verifier tests and gateway ITs can sign anything and tamper with it.
 */
public final class FakeSigstore {

  /** The OIDC issuer test identities use unless a test names another. */
  public static final String ISSUER = "https://issuer.tollgate.test";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Encoder B64 = Base64.getEncoder();

  private final Instant validFrom;
  private final FakeFulcio fulcio;
  private final FakeRekor rekor;

  private FakeSigstore(String name) {
    this.validFrom = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    this.fulcio = new FakeFulcio(name, validFrom);
    this.rekor = new FakeRekor(FakeKeys.ec("secp256r1"));
  }

  /** A new instance with fresh keys; two instances never trust each other. */
  public static FakeSigstore create(String name) {
    return new FakeSigstore(name);
  }

  /** A keyless signer: an ephemeral P-256 key and a certificate for {@code subject} from {@link #ISSUER}. */
  public Signer keyless(String subject) {
    return keyless(ISSUER, subject);
  }

  /** A keyless signer for {@code subject} vouched for by {@code issuer}, logged 20 s into its certificate. */
  public Signer keyless(String issuer, String subject) {
    KeyPair keys = FakeKeys.ec("secp256r1");
    Instant notBefore = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
    X509Certificate leaf = fulcio.issue(keys.getPublic(), subject, issuer, notBefore);
    return new Signer(keys, leaf, notBefore.plusSeconds(20));
  }

  /** The cosign tag-scheme signature of {@code digest}: the {@code .sig} manifest, its config and payload. */
  public OciArtifact cosignSignature(String dockerReference, String digest, Signer signer) {
    byte[] payload = ("{\"critical\":{\"identity\":{\"docker-reference\":\"" + dockerReference
        + "\"},\"image\":{\"docker-manifest-digest\":\"" + digest
        + "\"},\"type\":\"cosign container image signature\"},\"optional\":null}").getBytes(StandardCharsets.UTF_8);
    byte[] signature = FakeKeys.sign(signer.keys(), payload);
    byte[] verifierPem = signer.verifierPem().getBytes(StandardCharsets.UTF_8);
    byte[] body = HashedRekordRequest.newHashedRekordRequest(FakeKeys.sha256(payload), verifierPem, signature)
        .toJsonPayload().getBytes(StandardCharsets.UTF_8);
    FakeRekor.Entry entry = rekor.log(body, signer.signedAt().getEpochSecond());
    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put(CosignAnnotations.SIGNATURE, B64.encodeToString(signature));
    if (signer.certificate() != null) {
      annotations.put(CosignAnnotations.CERTIFICATE, signer.verifierPem());
      annotations.put(CosignAnnotations.CHAIN, FakeKeys.pem("CERTIFICATE", encoded(fulcio.intermediate()))
          + FakeKeys.pem("CERTIFICATE", encoded(fulcio.root())));
    }
    annotations.put(CosignAnnotations.BUNDLE, setAnnotation(entry));
    byte[] config = ("{\"architecture\":\"\",\"config\":{},\"os\":\"\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\""
        + OciArtifact.digest(payload) + "\"]}}").getBytes(StandardCharsets.UTF_8);
    ObjectNode manifest = manifest("application/vnd.oci.image.config.v1+json", config);
    ObjectNode layer = descriptor(SignatureManifests.COSIGN_LAYER_TYPE, payload);
    ObjectNode layerAnnotations = layer.putObject("annotations");
    annotations.forEach(layerAnnotations::put);
    manifest.putArray("layers").add(layer);
    return new OciArtifact(digest.replace(':', '-') + ".sig", "application/vnd.oci.image.manifest.v1+json",
        bytes(manifest), Map.of(OciArtifact.digest(config), config, OciArtifact.digest(payload), payload));
  }

  /**
   * The bundle cosign v3 writes when signing {@code digest}: a DSSE envelope over an in-toto
   * statement whose single subject has the image digest and no name.
   */
  public byte[] imageBundle(String digest, Signer signer) {
    String[] parts = digest.split(":", 2);
    byte[] statement = ("{\"_type\":\"https://in-toto.io/Statement/v1\",\"subject\":[{\"digest\":{\"" + parts[0]
        + "\":\"" + parts[1] + "\"}}],\"predicateType\":\"https://sigstore.dev/cosign/sign/v1\",\"predicate\":{}}")
        .getBytes(StandardCharsets.UTF_8);
    return dsseBundle(statement, signer);
  }

  /** A bundle with a DSSE envelope over any in-toto statement. */
  public byte[] dsseBundle(byte[] statement, Signer signer) {
    String payloadType = "application/vnd.in-toto+json";
    byte[] pae = ("DSSEv1 " + payloadType.length() + " " + payloadType + " " + statement.length + " ")
        .getBytes(StandardCharsets.UTF_8);
    byte[] signed = new byte[pae.length + statement.length];
    System.arraycopy(pae, 0, signed, 0, pae.length);
    System.arraycopy(statement, 0, signed, pae.length, statement.length);
    byte[] signature = FakeKeys.sign(signer.keys(), signed);
    ObjectNode spec = JSON.createObjectNode();
    spec.putObject("envelopeHash").put("algorithm", "sha256").put("value", hex(FakeKeys.sha256(signed)));
    spec.putObject("payloadHash").put("algorithm", "sha256").put("value", hex(FakeKeys.sha256(statement)));
    spec.putArray("signatures").addObject().put("signature", B64.encodeToString(signature))
        .put("verifier", B64.encodeToString(signer.verifierPem().getBytes(StandardCharsets.UTF_8)));
    ObjectNode body = JSON.createObjectNode().put("apiVersion", "0.0.1").put("kind", "dsse");
    body.set("spec", spec);
    ObjectNode bundle = bundle(signer, rekor.log(bytes(body), signer.signedAt().getEpochSecond()), "dsse");
    ObjectNode envelope = bundle.putObject("dsseEnvelope");
    envelope.put("payload", B64.encodeToString(statement)).put("payloadType", payloadType);
    envelope.putArray("signatures").addObject().put("sig", B64.encodeToString(signature));
    return bytes(bundle);
  }

  /** A bundle with a message signature over {@code artifact} (what {@code cosign sign-blob} writes). */
  public byte[] messageBundle(byte[] artifact, Signer signer) {
    byte[] digest = FakeKeys.sha256(artifact);
    byte[] signature = FakeKeys.sign(signer.keys(), artifact);
    byte[] body = HashedRekordRequest.newHashedRekordRequest(digest, signer.verifierPem().getBytes(StandardCharsets.UTF_8),
        signature).toJsonPayload().getBytes(StandardCharsets.UTF_8);
    ObjectNode bundle = bundle(signer, rekor.log(body, signer.signedAt().getEpochSecond()), "hashedrekord");
    ObjectNode message = bundle.putObject("messageSignature");
    message.putObject("messageDigest").put("algorithm", "SHA2_256").put("digest", B64.encodeToString(digest));
    message.put("signature", B64.encodeToString(signature));
    return bytes(bundle);
  }

  /**
   * The OCI 1.1 referrer manifest cosign v3 pushes for a bundle: artifact type and layer of the
   * bundle media type, the empty config, and {@code subject} pointing at the signed manifest.
   */
  public static OciArtifact bundleReferrer(String subjectDigest, String subjectMediaType, long subjectSize,
      byte[] bundle) {
    byte[] empty = "{}".getBytes(StandardCharsets.UTF_8);
    ObjectNode manifest = manifest("application/vnd.oci.empty.v1+json", empty);
    manifest.put("artifactType", SignatureManifests.BUNDLE_TYPE);
    manifest.putArray("layers").add(descriptor(SignatureManifests.BUNDLE_TYPE, bundle));
    manifest.putObject("subject").put("mediaType", subjectMediaType).put("digest", subjectDigest)
        .put("size", subjectSize);
    manifest.putObject("annotations").put("dev.sigstore.bundle.content", "dsse-envelope")
        .put("dev.sigstore.bundle.predicateType", "https://sigstore.dev/cosign/sign/v1");
    return new OciArtifact(null, "application/vnd.oci.image.manifest.v1+json", bytes(manifest),
        Map.of(OciArtifact.digest(empty), empty, OciArtifact.digest(bundle), bundle));
  }

  /** The {@code trusted_root.json} that pins this instance's CA, CT log and Rekor. */
  public byte[] trustedRootJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("mediaType", "application/vnd.dev.sigstore.trustedroot+json;version=0.1");
    ObjectNode tlog = root.putArray("tlogs").addObject();
    tlog.put("baseUrl", "https://" + FakeRekor.HOST).put("hashAlgorithm", "SHA2_256");
    publicKey(tlog, rekor.publicKey().getEncoded());
    ObjectNode ca = root.putArray("certificateAuthorities").addObject();
    ca.putObject("subject").put("organization", "tollgate-test").put("commonName", "fulcio");
    ca.put("uri", "https://fulcio.tollgate.test");
    ArrayNode chain = ca.putObject("certChain").putArray("certificates");
    chain.addObject().put("rawBytes", B64.encodeToString(encoded(fulcio.intermediate())));
    chain.addObject().put("rawBytes", B64.encodeToString(encoded(fulcio.root())));
    ca.putObject("validFor").put("start", validFrom.toString());
    ObjectNode ctlog = root.putArray("ctlogs").addObject();
    ctlog.put("baseUrl", "https://ctfe.tollgate.test").put("hashAlgorithm", "SHA2_256");
    publicKey(ctlog, fulcio.ctKey().getEncoded());
    root.putArray("timestampAuthorities");
    return bytes(root);
  }

  /** Writes {@link #trustedRootJson()} to {@code file} and returns it. */
  public Path writeTrustedRoot(Path file) throws IOException {
    return Files.write(file, trustedRootJson());
  }

  private void publicKey(ObjectNode log, byte[] spki) {
    ObjectNode key = log.putObject("publicKey");
    key.put("rawBytes", B64.encodeToString(spki)).put("keyDetails", "PKIX_ECDSA_P256_SHA_256");
    key.putObject("validFor").put("start", validFrom.toString());
    log.putObject("logId").put("keyId", B64.encodeToString(FakeKeys.sha256(spki)));
  }

  private static ObjectNode bundle(Signer signer, FakeRekor.Entry entry, String kind) {
    ObjectNode bundle = JSON.createObjectNode().put("mediaType", SignatureManifests.BUNDLE_TYPE);
    ObjectNode material = bundle.putObject("verificationMaterial");
    if (signer.certificate() != null) {
      material.putObject("certificate").put("rawBytes", B64.encodeToString(encoded(signer.certificate())));
    } else {
      material.putObject("publicKey").put("hint", hex(FakeKeys.sha256(signer.keys().getPublic().getEncoded())));
    }
    ObjectNode tlog = material.putArray("tlogEntries").addObject();
    tlog.put("logIndex", String.valueOf(entry.logIndex()));
    tlog.putObject("logId").put("keyId", B64.encodeToString(entry.logId()));
    tlog.putObject("kindVersion").put("kind", kind).put("version", "0.0.1");
    tlog.put("integratedTime", String.valueOf(entry.integratedTime()));
    tlog.putObject("inclusionPromise").put("signedEntryTimestamp", B64.encodeToString(entry.signedEntryTimestamp()));
    ObjectNode proof = tlog.putObject("inclusionProof");
    proof.put("logIndex", String.valueOf(entry.logIndex()));
    proof.put("rootHash", B64.encodeToString(entry.rootHash()));
    proof.put("treeSize", String.valueOf(entry.treeSize()));
    ArrayNode hashes = proof.putArray("hashes");
    entry.proof().forEach(hash -> hashes.add(B64.encodeToString(hash)));
    proof.putObject("checkpoint").put("envelope", entry.checkpoint());
    tlog.put("canonicalizedBody", B64.encodeToString(entry.body()));
    return bundle;
  }

  private static String setAnnotation(FakeRekor.Entry entry) {
    ObjectNode bundle = JSON.createObjectNode();
    bundle.put("SignedEntryTimestamp", B64.encodeToString(entry.signedEntryTimestamp()));
    bundle.putObject("Payload").put("body", B64.encodeToString(entry.body()))
        .put("integratedTime", entry.integratedTime()).put("logIndex", entry.logIndex())
        .put("logID", hex(entry.logId()));
    return new String(bytes(bundle), StandardCharsets.UTF_8);
  }

  private static ObjectNode manifest(String configType, byte[] config) {
    ObjectNode manifest = JSON.createObjectNode();
    manifest.put("schemaVersion", 2).put("mediaType", "application/vnd.oci.image.manifest.v1+json");
    manifest.set("config", descriptor(configType, config));
    return manifest;
  }

  private static ObjectNode descriptor(String mediaType, byte[] content) {
    return JSON.createObjectNode().put("mediaType", mediaType).put("size", content.length)
        .put("digest", OciArtifact.digest(content));
  }

  private static byte[] encoded(X509Certificate certificate) {
    try {
      return certificate.getEncoded();
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] bytes(ObjectNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
