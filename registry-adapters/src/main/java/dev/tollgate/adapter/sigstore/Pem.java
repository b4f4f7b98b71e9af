package dev.tollgate.adapter.sigstore;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEM blocks as cosign annotations and Rekor entries carry them. Signers are compared by the DER
 * inside, never by PEM text, because line lengths differ between tools.
 */
final class Pem {

  private static final Pattern BLOCK = Pattern.compile(
      "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*?)-----END \\1-----");

  private Pem() {}

  /** The DER of every block, in order. */
  static List<byte[]> blocks(String pem) {
    List<byte[]> blocks = new ArrayList<>();
    Matcher matcher = BLOCK.matcher(pem);
    while (matcher.find()) {
      blocks.add(Base64.getMimeDecoder().decode(matcher.group(2)));
    }
    return blocks;
  }

  /** The DER of the single block in base64-encoded PEM (how Rekor bodies hold signers). */
  static byte[] derOfBase64Pem(String base64Pem) throws SignatureCheckException {
    String pem;
    try {
      pem = new String(Base64.getDecoder().decode(base64Pem), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new SignatureCheckException(SignatureFailure.Kind.TLOG_INVALID, "the log entry's signer is not base64");
    }
    List<byte[]> blocks = blocks(pem);
    if (blocks.size() != 1) {
      throw new SignatureCheckException(SignatureFailure.Kind.TLOG_INVALID,
          "the log entry's signer holds " + blocks.size() + " PEM blocks, not one");
    }
    return blocks.get(0);
  }

  static X509Certificate certificate(byte[] der) throws CertificateException {
    return (X509Certificate) CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(der));
  }
}
