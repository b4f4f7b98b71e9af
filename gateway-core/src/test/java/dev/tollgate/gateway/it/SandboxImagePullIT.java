package dev.tollgate.gateway.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.adapter.sigstore.testing.FakeKeys;
import dev.tollgate.adapter.sigstore.testing.FakeSigstore;
import dev.tollgate.adapter.sigstore.testing.Signer;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Image pulls inside {@code tollgate sandbox}: skopeo in the sandbox, told nothing but what the
 * sandbox's registries.conf says for the registry named with {@code --registry}, pulls a signed
 * image through the gateway, and an unsigned one is refused with the gateway's reason. Outside a
 * sandbox skopeo would quietly fetch a refused image from the registry itself (a mirror's refusal
 * is not final); inside, the registry (Debian's docker-registry on the host's loopback) cannot be
 * reached, so the refusal is what the user sees.
 */
@ExtendWith(NettyLeakCheck.class)
class SandboxImagePullIT {

  private static final String OCI_POLICY = """
      allow:
        - name: "%s/signed/*"
      """;
  private static final String SIGNATURE_POLICY = """
      unmatched: deny
      images:
        - glob: "%s/signed/*"
          authorities:
            - name: release-key
              key: |
      %s
      """;

  @TempDir static Path shared;

  private static OciRegistry registry;
  private static OciGateway gateway;
  private static OciImage signed;
  private static TollgateSandbox sandbox;

  @BeforeAll
  static void pushImagesAndStartTheGateway() throws Exception {
    OciTools tools = OciTools.require();
    registry = OciRegistry.start(tools, shared.resolve("registry"));
    FakeSigstore sigstore = FakeSigstore.create("trusted");
    KeyPair releaseKey = FakeKeys.ec("secp256r1");
    Skopeo pusher = new Skopeo(tools, shared.resolve("pusher"),
        ClientRegistries.mirroredAt(shared.resolve("pusher-conf"), registry.authority()));

    signed = OciImage.write(shared.resolve("signed"), "v1", "signed image\n");
    pusher.push(signed, registry.authority(), "signed/app", "v1");
    registry.putArtifact("signed/app", sigstore.cosignSignature(registry.authority() + "/signed/app",
        signed.manifest(), Signer.withKey(releaseKey)));
    pusher.push(OciImage.write(shared.resolve("unsigned"), "v1", "unsigned image\n"), registry.authority(),
        "signed/unsigned", "v1");

    String key = FakeKeys.publicKeyPem(releaseKey.getPublic()).strip().lines()
        .map(line -> "            " + line).collect(Collectors.joining("\n"));
    gateway = OciGateway.startWithSignatures(shared.resolve("gateway"), registry,
        OCI_POLICY.formatted(registry.authority()), SIGNATURE_POLICY.formatted(registry.authority(), key),
        sigstore.trustedRootJson());
    sandbox = TollgateSandbox.against(gateway.port(), shared.resolve("cli-tmp"));
  }

  @AfterAll
  static void stop() {
    if (gateway != null) {
      gateway.close();
    }
    if (registry != null) {
      registry.close();
    }
  }

  @Test
  void aSignedImageIsPulledThroughTheGateway() throws Exception {
    Command.Result result = pullInSandbox("signed/app");

    assertEquals(0, result.exitCode(), result.describe() + "\n--- audit ---\n" + gateway.audit().text());
    assertTrue(result.output().contains(signed.layer().substring("sha256:".length())), result::describe);
    JsonNode line = gateway.audit().await("/signed/app/manifests/v1", 200);
    assertEquals("release-key", OciAuditTrail.reason(line, "signature-verified").path("details").path("signedBy")
        .asText(), line.toString());
    sandbox.assertNothingLeft(result.output());
  }

  @Test
  void anUnsignedImageIsRefusedWithTheGatewaysReasonAndNoFallbackToTheRegistry() throws Exception {
    Command.Result result = pullInSandbox("signed/unsigned");

    JsonNode line = gateway.audit().refusalPrintedIn(result.output(), "/signed/unsigned/manifests/v1");
    JsonNode refused = OciAuditTrail.reason(line, "signature-refused");
    assertAll(result.describe(),
        () -> assertNotEquals(0, result.exitCode()),
        () -> assertTrue(result.output().contains("Mirrors also failed: [" + gateway.authority()
            + "/signed/unsigned:v1: reading manifest v1 in " + gateway.authority()
            + "/signed/unsigned: denied: Blocked by policy")),
        () -> assertTrue(result.output().contains("no signature found for")),
        () -> assertFalse(result.output().contains("Writing manifest")),
        () -> assertTrue(refused.path("details").path("failures").asText().contains("no-signature"), line::toString));
    sandbox.assertNothingLeft(result.output());
  }

  /**
   * {@code skopeo copy} of {@code repository:v1}, by the registry's own name, into an OCI layout in
   * the sandbox's private /tmp, whose blobs are then listed; skopeo 1.9 needs the sandbox's
   * registries.conf named on its command line. The exit code is skopeo's when it fails.
   */
  private Command.Result pullInSandbox(String repository) throws Exception {
    return sandbox.run(List.of("--registry", registry.authority()),
        "skopeo --registries-conf \"$CONTAINERS_REGISTRIES_CONF\" copy docker://" + registry.authority() + "/"
            + repository + ":v1 oci:/tmp/pulled:v1 && ls /tmp/pulled/blobs/sha256", Map.of());
  }
}
