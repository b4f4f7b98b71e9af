package dev.tollgate.adapter.oci;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReferrersIndexTest {

  static final Digest IMAGE = Digest.parse("sha256:" + "1".repeat(64));
  static final Digest OTHER = Digest.parse("sha256:" + "2".repeat(64));
  static final String EMPTY = "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a";

  static ParsedManifest referrer(Digest subject, String artifactType, String annotation) throws Exception {
    String json = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
        + (artifactType == null ? "" : "\"artifactType\":\"" + artifactType + "\",")
        + "\"config\":{\"mediaType\":\"application/vnd.oci.empty.v1+json\",\"digest\":\"" + EMPTY + "\",\"size\":2},"
        + "\"layers\":[],"
        + "\"subject\":{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"" + subject + "\",\"size\":10},"
        + "\"annotations\":{\"z\":\"last\",\"a\":\"" + annotation + "\"}}";
    return ManifestParser.parse(json.getBytes(UTF_8), Optional.empty());
  }

  @Test
  void listsTheManifestsThatNameTheSubject() throws Exception {
    ParsedManifest bundle = referrer(IMAGE, "application/vnd.dev.sigstore.bundle.v0.3+json", "one");
    ParsedManifest sbom = referrer(IMAGE, null, "two");
    ParsedManifest elsewhere = referrer(OTHER, "application/vnd.dev.sigstore.bundle.v0.3+json", "three");
    String index = new String(ReferrersIndex.fromManifests(IMAGE, List.of(bundle, sbom, elsewhere), Optional.empty()), UTF_8);
    assertEquals("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":["
        + "{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"" + bundle.digest() + "\",\"size\":"
        + bundle.size() + ",\"artifactType\":\"application/vnd.dev.sigstore.bundle.v0.3+json\","
        + "\"annotations\":{\"a\":\"one\",\"z\":\"last\"}},"
        + "{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"" + sbom.digest() + "\",\"size\":"
        + sbom.size() + ",\"artifactType\":\"application/vnd.oci.empty.v1+json\","
        + "\"annotations\":{\"a\":\"two\",\"z\":\"last\"}}]}", index);
  }

  @Test
  void filtersByArtifactType() throws Exception {
    ParsedManifest bundle = referrer(IMAGE, "application/vnd.dev.sigstore.bundle.v0.3+json", "one");
    ParsedManifest sbom = referrer(IMAGE, "application/spdx+json", "two");
    ParsedManifest parsed = ManifestParser.parse(
        ReferrersIndex.fromManifests(IMAGE, List.of(bundle, sbom), Optional.of("application/spdx+json")),
        Optional.of(ManifestMediaType.OCI_INDEX.value()));
    assertEquals(List.of(sbom.digest()), ((ParsedManifest.ImageIndex) parsed).childDigests());
  }

  @Test
  void anEmptyIndexWhenNothingRefersToTheSubject() {
    assertEquals("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":[]}",
        new String(ReferrersIndex.fromDescriptors(List.of(), Optional.empty()), UTF_8));
  }

  @Test
  void keepsAFallbackIndexsDescriptorsAsTheyAre() {
    Descriptor sig = new Descriptor("application/vnd.oci.image.manifest.v1+json", OTHER, 5,
        Optional.of("application/vnd.dev.cosign.artifact.sig.v1+json"), Map.of());
    assertEquals("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":["
            + "{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"" + OTHER
            + "\",\"size\":5,\"artifactType\":\"application/vnd.dev.cosign.artifact.sig.v1+json\"}]}",
        new String(ReferrersIndex.fromDescriptors(List.of(sig), Optional.empty()), UTF_8));
  }
}
