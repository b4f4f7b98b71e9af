package dev.tollgate.gateway.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.gateway.config.ConfigException;
import dev.tollgate.gateway.config.ConfigLoader;
import dev.tollgate.policy.signature.ImageSignatureRule;
import dev.tollgate.policy.signature.SignatureAuthority;
import dev.tollgate.policy.signature.SignaturePolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SignaturePolicyLoaderTest {

  @TempDir
  Path dir;

  private static String pem(PublicKey key) {
    return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(key.getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
  }

  private SignaturePolicy load(String yaml) throws Exception {
    Files.writeString(dir.resolve(SignaturePolicyLoader.FILE_NAME), yaml);
    return SignaturePolicyLoader.load(dir);
  }

  @Test
  void readsRulesWithKeysKeylessIdentitiesAndThresholds() throws Exception {
    PublicKey key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic();
    Files.createDirectories(dir.resolve("keys"));
    Files.writeString(dir.resolve("keys/release.pub"), pem(key));
    SignaturePolicy policy = load("""
        images:
          - glob: "ghcr.io/acme/**"
            authorities:
              - name: ci
                keyless:
                  identities:
                    - issuer: https://token.actions.githubusercontent.com
                      subjectRegex: "https://github\\\\.com/acme/.*"
          - glob: "registry.example.com/platform/*"
            threshold: 2
            authorities:
              - name: release-key
                keyFile: keys/release.pub
              - name: security
                keyless:
                  identities:
                    - issuerRegex: "https://accounts\\\\.google\\\\.com"
                      subject: security@example.com
        """);
    assertEquals(SignaturePolicy.Unmatched.DENY, policy.unmatched());
    ImageSignatureRule acme = policy.ruleFor("ghcr.io", "acme/team/app").orElseThrow();
    SignatureAuthority.Keyless ci = assertInstanceOf(SignatureAuthority.Keyless.class, acme.authorities().get(0));
    assertTrue(ci.accepts("https://token.actions.githubusercontent.com", "https://github.com/acme/app/x"));
    assertTrue(!ci.accepts("https://token.actions.githubusercontent.com", "https://github.com/evil/app/x"));
    ImageSignatureRule platform = policy.ruleFor("registry.example.com", "platform/db").orElseThrow();
    assertEquals(2, platform.threshold());
    assertEquals("signatures.yaml:9", platform.source());
    SignatureAuthority.Key release = assertInstanceOf(SignatureAuthority.Key.class, platform.authorities().get(0));
    assertTrue(release.key().sameKey(key));
    assertTrue(policy.ruleFor("docker.io", "library/ubuntu").isEmpty());
  }

  @Test
  void aMissingFileRequiresNoSignatures() throws Exception {
    assertEquals(SignaturePolicy.none(), SignaturePolicyLoader.load(dir));
  }

  @Test
  void theShippedExampleAndTrustedRootLoad() throws Exception {
    var config = ConfigLoader.load(Path.of("../conf"), Map.of());
    SignaturePolicy policy = SignaturePolicyLoader.load(config.policy().directory());
    assertEquals(SignaturePolicy.Unmatched.ALLOW, policy.unmatched());
    assertTrue(policy.rules().isEmpty());
    assertEquals(config.configDir().resolve("sigstore/trusted_root.json"), config.sigstore().trustedRoots().get(0));
    SigstoreTrust.load(config.sigstore());
  }

  @ParameterizedTest(name = "{2}")
  @CsvSource(delimiter = '|', textBlock = """
      images: [{glob: ubuntu, authorities: [{name: a, key: x}]}]                        | 1 | images[0].glob: 'ubuntu' must name registry/repository
      images: [{glob: 'a.io/b', authorities: []}]                                       | 1 | images[0].authorities: needs at least one authority
      images: [{glob: 'a.io/b', authorities: [{key: x}]}]                               | 1 | images[0].authorities[0].name: is missing
      images: [{glob: 'a.io/b', authorities: [{name: a}]}]                              | 1 | images[0].authorities[0]: needs exactly one of key, keyFile and keyless
      images: [{glob: 'a.io/b', authorities: [{name: a, key: nope}]}]                   | 1 | images[0].authorities[0].key: is not a PEM public key
      images: [{glob: 'a.io/b', authorities: [{name: a, keyFile: missing.pub}]}]        | 1 | images[0].authorities[0].keyFile: cannot read
      images: [{glob: 'a.io/b', authorities: [{name: a, keyless: {identities: []}}]}]   | 1 | images[0].authorities[0].keyless.identities: needs at least one identity
      images: [{glob: 'a.io/b', authorities: [{name: a, keyless: {identities: [{issuer: i}]}}]}]                 | 1 | images[0].authorities[0].keyless.identities[0]: needs exactly one of subject and subjectRegex
      images: [{glob: 'a.io/b', authorities: [{name: a, keyless: {identities: [{issuer: i, subjectRegex: '('}]}}]}] | 1 | images[0].authorities[0].keyless.identities[0].subjectRegex: '(' is not a regular expression
      images: [{glob: 'a.io/b', threshold: 2, authorities: [{name: a, keyless: {identities: [{issuer: i, subject: s}]}}]}] | 1 | images[0].threshold: threshold 2 must lie between 1 and the 1 authorities listed
      images: [{glob: 'a.io/b', authorities: [{name: a, colour: red}]}]                 | 1 | images[0].authorities[0].colour
      unmatched: maybe                                                                  | 1 | unmatched: 'maybe' is not deny or allow
      """)
  void errorsNameFileLineAndField(String yaml, int line, String message) {
    ConfigException e = assertThrows(ConfigException.class, () -> load(yaml));
    String expected = dir.resolve(SignaturePolicyLoader.FILE_NAME) + ":" + line + ": " + message;
    assertTrue(e.getMessage().startsWith(expected), "expected '" + expected + "...' but got: " + e.getMessage());
  }

  @Test
  void errorsPointAtTheLineOfTheField() {
    ConfigException e = assertThrows(ConfigException.class, () -> load("""
        images:
          - glob: "a.io/b"
            authorities:
              - name: a
                keyless:
                  identities:
                    - issuer: i
                      subjectRegex: "("
        """));
    assertTrue(e.getMessage().contains("signatures.yaml:8: images[0].authorities[0].keyless.identities[0].subjectRegex"),
        e.getMessage());
  }
}
