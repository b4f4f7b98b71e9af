package dev.tollgate.adapter.sigstore.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A Fulcio of the test's own: a P-384 root and intermediate that issue ten-minute leaves with
 * one SAN, the OIDC issuer extensions and an RFC 6962 SCT embedded by a CT log key of its own.
 */
public final class FakeFulcio {

  private static final ASN1ObjectIdentifier ISSUER_V1 = new ASN1ObjectIdentifier("1.3.6.1.4.1.57264.1.1");
  private static final ASN1ObjectIdentifier ISSUER_V2 = new ASN1ObjectIdentifier("1.3.6.1.4.1.57264.1.8");
  private static final ASN1ObjectIdentifier SCT_LIST = new ASN1ObjectIdentifier("1.3.6.1.4.1.11129.2.4.2");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final KeyPair rootKeys = FakeKeys.ec("secp384r1");
  private final KeyPair intermediateKeys = FakeKeys.ec("secp384r1");
  private final KeyPair ctKeys = FakeKeys.ec("secp256r1");
  private final X509Certificate root;
  private final X509Certificate intermediate;

  FakeFulcio(String name, Instant validFrom) {
    Instant until = validFrom.plusSeconds(3650L * 86400);
    X500Name rootName = new X500Name("CN=" + name + "-root,O=tollgate-test");
    X500Name intermediateName = new X500Name("CN=" + name + "-intermediate,O=tollgate-test");
    this.root = ca(rootName, rootName, rootKeys.getPublic(), rootKeys, 1, validFrom, until);
    this.intermediate = ca(intermediateName, rootName, intermediateKeys.getPublic(), rootKeys, 0, validFrom, until);
  }

  X509Certificate root() {
    return root;
  }

  X509Certificate intermediate() {
    return intermediate;
  }

  PublicKey ctKey() {
    return ctKeys.getPublic();
  }

  /** A leaf for {@code key} valid from {@code notBefore} for ten minutes, SCT included. */
  X509Certificate issue(PublicKey key, String subject, String oidcIssuer, Instant notBefore) {
    try {
      X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
          X500Name.getInstance(intermediate.getSubjectX500Principal().getEncoded()),
          new BigInteger(128, RANDOM), Date.from(notBefore), Date.from(notBefore.plusSeconds(600)),
          new X500Name(new org.bouncycastle.asn1.x500.RDN[0]), key);
      JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
      builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_codeSigning));
      builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(key));
      builder.addExtension(Extension.authorityKeyIdentifier, false,
          utils.createAuthorityKeyIdentifier(intermediate.getPublicKey()));
      GeneralName name = subject.contains("@") && !subject.contains("://")
          ? new GeneralName(GeneralName.rfc822Name, subject)
          : new GeneralName(GeneralName.uniformResourceIdentifier, subject);
      builder.addExtension(Extension.subjectAlternativeName, true, new GeneralNames(name));
      builder.addExtension(ISSUER_V1, false, oidcIssuer.getBytes(StandardCharsets.UTF_8));
      builder.addExtension(ISSUER_V2, false, new DERUTF8String(oidcIssuer).getEncoded());
      ContentSigner signer = new JcaContentSignerBuilder("SHA384withECDSA").build(intermediateKeys.getPrivate());
      byte[] precertificate = builder.build(signer).toASN1Structure().getTBSCertificate().getEncoded();
      byte[] scts = sctList(precertificate, notBefore.plusSeconds(1).toEpochMilli());
      builder.addExtension(SCT_LIST, false, new DEROctetString(scts).getEncoded());
      return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    } catch (Exception e) {
      throw new IllegalStateException("cannot issue a test certificate", e);
    }
  }

  /** The RFC 6962 SCT list over the precertificate TBS, signed with the CT log key. */
  private byte[] sctList(byte[] precertificate, long timestamp) throws IOException {
    byte[] issuerKeyHash = FakeKeys.sha256(intermediate.getPublicKey().getEncoded());
    ByteArrayOutputStream signed = new ByteArrayOutputStream();
    signed.write(0); // v1
    signed.write(0); // certificate_timestamp
    signed.write(ByteBuffer.allocate(8).putLong(timestamp).array());
    signed.write(new byte[] {0, 1}); // precert_entry
    signed.write(issuerKeyHash);
    signed.write(uint24(precertificate.length));
    signed.write(precertificate);
    signed.write(new byte[] {0, 0}); // no extensions
    byte[] signature = FakeKeys.sign(ctKeys, signed.toByteArray());
    ByteArrayOutputStream sct = new ByteArrayOutputStream();
    sct.write(0);
    sct.write(FakeKeys.sha256(ctKeys.getPublic().getEncoded()));
    sct.write(ByteBuffer.allocate(8).putLong(timestamp).array());
    sct.write(new byte[] {0, 0, 4, 3});
    sct.write(uint16(signature.length));
    sct.write(signature);
    byte[] one = sct.toByteArray();
    ByteArrayOutputStream list = new ByteArrayOutputStream();
    list.write(uint16(one.length + 2));
    list.write(uint16(one.length));
    list.write(one);
    return list.toByteArray();
  }

  private static X509Certificate ca(X500Name subject, X500Name issuer, PublicKey key, KeyPair signerKeys, int pathLength,
      Instant from, Instant until) {
    try {
      X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, new BigInteger(128, RANDOM),
          Date.from(from), Date.from(until), subject, key);
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(pathLength));
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      builder.addExtension(Extension.subjectKeyIdentifier, false, new JcaX509ExtensionUtils().createSubjectKeyIdentifier(key));
      return new JcaX509CertificateConverter().getCertificate(
          builder.build(new JcaContentSignerBuilder("SHA384withECDSA").build(signerKeys.getPrivate())));
    } catch (Exception e) {
      throw new IllegalStateException("cannot make a test CA", e);
    }
  }

  private static byte[] uint16(int value) {
    return new byte[] {(byte) (value >> 8), (byte) value};
  }

  private static byte[] uint24(int value) {
    return new byte[] {(byte) (value >> 16), (byte) (value >> 8), (byte) value};
  }
}
