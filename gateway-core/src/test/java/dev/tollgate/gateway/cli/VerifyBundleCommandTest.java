package dev.tollgate.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.adapter.sigstore.testing.FakeKeys;
import dev.tollgate.adapter.sigstore.testing.FakeSigstore;
import dev.tollgate.adapter.sigstore.testing.Signer;
import dev.tollgate.gateway.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tollgate verify-bundle} over bundles minted by the offline FakeSigstore. */
class VerifyBundleCommandTest {

  private static final String SUBJECT = "release@tollgate.test";

  @TempDir
  static Path dir;

  private static Path root;
  private static Path artifact;
  private static Path keyless;
  private static Path keyed;
  private static Path publicKey;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeAll
  static void mint() throws Exception {
    FakeSigstore sigstore = FakeSigstore.create("cli");
    root = sigstore.writeTrustedRoot(dir.resolve("trusted_root.json"));
    artifact = Files.writeString(dir.resolve("artifact.txt"), "an artifact\n");
    byte[] content = Files.readAllBytes(artifact);
    keyless = Files.write(dir.resolve("keyless.sigstore.json"), sigstore.messageBundle(content, sigstore.keyless(SUBJECT)));
    KeyPair keys = FakeKeys.ec("secp256r1");
    keyed = Files.write(dir.resolve("keyed.sigstore.json"), sigstore.messageBundle(content, Signer.withKey(keys)));
    publicKey = Files.writeString(dir.resolve("cosign.pub"), FakeKeys.publicKeyPem(keys.getPublic()));
  }

  private int tollgate(String... args) {
    return Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private static String digestOf(String text) throws Exception {
    return "sha256:" + HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
        .digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aKeylessBundleFromTheExpectedIdentityVerifiesByFileAndByDigest() throws Exception {
    assertEquals(0, tollgate("verify-bundle", "--bundle", keyless.toString(), "--artifact", artifact.toString(),
        "--trusted-root", root.toString(), "--identity", FakeSigstore.ISSUER + "=" + SUBJECT), out());
    assertTrue(out().startsWith("VERIFIED "), out());
    assertEquals(0, tollgate("verify-bundle", "--bundle", keyless.toString(), "--digest", digestOf("an artifact\n"),
        "--trusted-root", root.toString(), "--identity", FakeSigstore.ISSUER + "=" + SUBJECT), out());
  }

  @Test
  void anotherIdentityIsRefusedWithTheIdentityFound() {
    assertEquals(1, tollgate("verify-bundle", "--bundle", keyless.toString(), "--artifact", artifact.toString(),
        "--trusted-root", root.toString(), "--identity", FakeSigstore.ISSUER + "=someone@tollgate.test"));
    assertTrue(out().contains("REFUSED") && out().contains("wrong identity") && out().contains(SUBJECT), out());
  }

  @Test
  void anotherArtifactIsRefusedAsADigestMismatch() throws Exception {
    assertEquals(1, tollgate("verify-bundle", "--bundle", keyless.toString(), "--digest", digestOf("other"),
        "--trusted-root", root.toString(), "--identity", FakeSigstore.ISSUER + "=" + SUBJECT));
    assertTrue(out().contains("payload digest mismatch"), out());
  }

  @Test
  void aKeyBundleVerifiesWithItsKeyOnly() {
    assertEquals(0, tollgate("verify-bundle", "--bundle", keyed.toString(), "--artifact", artifact.toString(),
        "--trusted-root", root.toString(), "--key", publicKey.toString()), out());
    assertEquals(1, tollgate("verify-bundle", "--bundle", keyed.toString(), "--artifact", artifact.toString(),
        "--trusted-root", root.toString(), "--identity", FakeSigstore.ISSUER + "=" + SUBJECT));
    assertTrue(out().contains("wrong identity: signed with a plain key"), out());
  }

  @Test
  void theWrongTrustedRootIsRefused() throws Exception {
    Path stranger = FakeSigstore.create("stranger").writeTrustedRoot(dir.resolve("stranger.json"));
    assertEquals(1, tollgate("verify-bundle", "--bundle", keyless.toString(), "--artifact", artifact.toString(),
        "--trusted-root", stranger.toString(), "--identity", FakeSigstore.ISSUER + "=" + SUBJECT));
    assertTrue(out().contains("bad certificate chain"), out());
  }

  @Test
  void incompleteCommandsAreUsageErrors() {
    assertEquals(2, tollgate("verify-bundle", "--bundle", keyless.toString(), "--trusted-root", root.toString(),
        "--identity", "a=b"));
    assertEquals(2, tollgate("verify-bundle", "--bundle", keyless.toString(), "--artifact", artifact.toString(),
        "--trusted-root", root.toString()));
    assertEquals(2, tollgate("verify-bundle", "--bundle", keyless.toString(), "--digest", "md5:abc",
        "--trusted-root", root.toString(), "--identity", "a=b"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--digest"), err.toString(StandardCharsets.UTF_8));
  }
}
