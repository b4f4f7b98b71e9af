package dev.tollgate.adapter.oci;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.adapter.oci.ParsedManifest.ImageIndex;
import dev.tollgate.adapter.oci.ParsedManifest.ImageManifest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ManifestParserTest {

  static final String A = "sha256:" + "a".repeat(64);
  static final String B = "sha256:" + "b".repeat(64);
  static final String C = "sha512:" + "c".repeat(128);

  static String manifest(String mediaTypeField, String configType, String layerType) {
    return "{\"schemaVersion\":2," + mediaTypeField
        + "\"config\":{\"mediaType\":\"" + configType + "\",\"digest\":\"" + A + "\",\"size\":123},"
        + "\"layers\":[{\"mediaType\":\"" + layerType + "\",\"digest\":\"" + B + "\",\"size\":4567},"
        + "{\"mediaType\":\"" + layerType + "\",\"digest\":\"" + C + "\",\"size\":0}]}";
  }

  static String index(String mediaTypeField, String childType) {
    return "{\"schemaVersion\":2," + mediaTypeField + "\"manifests\":["
        + "{\"mediaType\":\"" + childType + "\",\"digest\":\"" + A + "\",\"size\":500,"
        + "\"platform\":{\"architecture\":\"amd64\",\"os\":\"linux\"}},"
        + "{\"mediaType\":\"" + childType + "\",\"digest\":\"" + B + "\",\"size\":501,"
        + "\"platform\":{\"architecture\":\"arm64\",\"os\":\"linux\",\"variant\":\"v8\"}}]}";
  }

  static ParsedManifest parse(String json, String contentType) throws MalformedManifestException {
    return ManifestParser.parse(json.getBytes(UTF_8), Optional.ofNullable(contentType));
  }

  @Test
  void readsAnOciImageManifest() throws Exception {
    String json = manifest("\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",",
        "application/vnd.oci.image.config.v1+json", "application/vnd.oci.image.layer.v1.tar+gzip");
    ImageManifest m = assertInstanceOf(ImageManifest.class, parse(json, "application/vnd.oci.image.manifest.v1+json"));
    assertEquals(ManifestMediaType.OCI_MANIFEST, m.mediaType());
    assertEquals(List.of(Digest.parse(A), Digest.parse(B), Digest.parse(C)), m.blobDigests());
    assertEquals(4567, m.layers().get(0).size());
    assertEquals(Digest.compute(DigestAlgorithm.SHA256, json.getBytes(UTF_8)), m.digest());
    assertEquals(json.length(), m.size());
    assertEquals(Optional.empty(), m.subject());
  }

  @Test
  void readsADockerSchema2Manifest() throws Exception {
    String json = manifest("\"mediaType\":\"application/vnd.docker.distribution.manifest.v2+json\",",
        "application/vnd.docker.container.image.v1+json", "application/vnd.docker.image.rootfs.diff.tar.gzip");
    ImageManifest m = assertInstanceOf(ImageManifest.class,
        parse(json, "application/vnd.docker.distribution.manifest.v2+json"));
    assertEquals(ManifestMediaType.DOCKER_MANIFEST, m.mediaType());
    assertEquals("application/vnd.docker.container.image.v1+json", m.config().mediaType());
    assertEquals(3, m.blobDigests().size());
  }

  @Test
  void readsAnOciIndex() throws Exception {
    String json = index("\"mediaType\":\"application/vnd.oci.image.index.v1+json\",",
        "application/vnd.oci.image.manifest.v1+json");
    ImageIndex i = assertInstanceOf(ImageIndex.class, parse(json, "application/vnd.oci.image.index.v1+json"));
    assertEquals(ManifestMediaType.OCI_INDEX, i.mediaType());
    assertEquals(List.of(Digest.parse(A), Digest.parse(B)), i.childDigests());
  }

  @Test
  void readsADockerManifestList() throws Exception {
    String json = index("\"mediaType\":\"application/vnd.docker.distribution.manifest.list.v2+json\",",
        "application/vnd.docker.distribution.manifest.v2+json");
    ImageIndex i = assertInstanceOf(ImageIndex.class,
        parse(json, "application/vnd.docker.distribution.manifest.list.v2+json; charset=utf-8"));
    assertEquals(ManifestMediaType.DOCKER_MANIFEST_LIST, i.mediaType());
    assertEquals(501, i.manifests().get(1).size());
  }

  @ParameterizedTest(name = "Content-Type {0} -> {1}")
  @CsvSource({
    "application/vnd.oci.image.manifest.v1+json, OCI_MANIFEST",
    "APPLICATION/VND.DOCKER.DISTRIBUTION.MANIFEST.V2+JSON, DOCKER_MANIFEST",
    "application/octet-stream, OCI_MANIFEST",
    ", OCI_MANIFEST",
  })
  void takesTheTypeOfAManifestWithoutAFieldFromContentTypeOrShape(String contentType, ManifestMediaType type)
      throws Exception {
    String umoci = manifest("", "application/vnd.oci.image.config.v1+json", "application/vnd.oci.image.layer.v1.tar");
    assertEquals(type, parse(umoci, contentType).mediaType());
  }

  @Test
  void takesAnIndexWithoutTypeByItsShape() throws Exception {
    assertEquals(ManifestMediaType.OCI_INDEX, parse(index("", "application/vnd.oci.image.manifest.v1+json"), null).mediaType());
  }

  @Test
  void readsSubjectArtifactTypeAndAnnotationsOfAReferrer() throws Exception {
    String json = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
        + "\"artifactType\":\"application/vnd.dev.sigstore.bundle.v0.3+json\","
        + "\"config\":{\"mediaType\":\"application/vnd.oci.empty.v1+json\",\"digest\":\"" + A + "\",\"size\":2},"
        + "\"layers\":[{\"mediaType\":\"application/vnd.dev.sigstore.bundle.v0.3+json\",\"digest\":\"" + B
        + "\",\"size\":9000,\"annotations\":{\"dev.sigstore.bundle.predicateType\":\"https://sigstore.dev/cosign/sign/v1\"}}],"
        + "\"subject\":{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"" + C + "\",\"size\":700},"
        + "\"annotations\":{\"org.opencontainers.image.created\":\"2026-11-30T10:00:00Z\"}}";
    ImageManifest m = assertInstanceOf(ImageManifest.class, parse(json, null));
    assertEquals(Optional.of(Descriptor.of("application/vnd.oci.image.manifest.v1+json", Digest.parse(C), 700)), m.subject());
    assertEquals(Optional.of("application/vnd.dev.sigstore.bundle.v0.3+json"), m.artifactType());
    assertEquals(Map.of("org.opencontainers.image.created", "2026-11-30T10:00:00Z"), m.annotations());
    assertEquals(Map.of("dev.sigstore.bundle.predicateType", "https://sigstore.dev/cosign/sign/v1"),
        m.layers().get(0).annotations());
    Descriptor referrer = m.asReferrer();
    assertEquals(Optional.of("application/vnd.dev.sigstore.bundle.v0.3+json"), referrer.artifactType());
    assertEquals(m.annotations(), referrer.annotations());
  }

  @Test
  void aReferrerWithoutArtifactTypeIsKnownByItsConfigType() throws Exception {
    String json = manifest("", "application/vnd.example.sbom.config+json", "application/vnd.example.sbom");
    assertEquals(Optional.of("application/vnd.example.sbom.config+json"), parse(json, null).asReferrer().artifactType());
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
    "[] | manifest is not a JSON object",
    "{\"schemaVersion\":2,\"config\":{}} x | manifest is not valid JSON",
    "{\"schemaVersion\":2,\"schemaVersion\":2,\"manifests\":[]} | manifest is not valid JSON: Duplicate field 'schemaVersion'",
    "{\"schemaVersion\":2,\"manifests\":[]}{} | manifest is not valid JSON",
    "{\"schemaVersion\":1,\"name\":\"x\",\"fsLayers\":[]} | Docker schema 1 manifests are not served",
    "{\"schemaVersion\":\"2\",\"manifests\":[]} | /schemaVersion: must be 2",
    "{\"manifests\":[]} | /schemaVersion: must be 2",
    "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.docker.distribution.manifest.v1+prettyjws\"} | Docker schema 1 manifests are not served",
    "{\"schemaVersion\":2,\"mediaType\":\"text/html\",\"manifests\":[]} | /mediaType: 'text/html' is not a manifest media type",
    "{\"schemaVersion\":2,\"mediaType\":7} | /mediaType: must be a string",
    "{\"schemaVersion\":2} | cannot tell the manifest's media type",
    "{\"schemaVersion\":2,\"config\":{\"mediaType\":\"a/b\",\"digest\":\"sha256:abc\",\"size\":1},\"layers\":[]} | /config/digest: sha256 digest must have 64 hex digits",
    "{\"schemaVersion\":2,\"config\":{\"mediaType\":\"a/b\",\"digest\":\"md5:abc\",\"size\":1},\"layers\":[]} | /config/digest: digest algorithm must be sha256 or sha512",
    "{\"schemaVersion\":2,\"config\":{\"mediaType\":\"a/b\",\"size\":1},\"layers\":[]} | /config/digest: is missing",
    "{\"schemaVersion\":2,\"config\":{\"mediaType\":\"a/b\",\"digest\":\"<A>\",\"size\":-1},\"layers\":[]} | /config/size: must be a whole number",
    "{\"schemaVersion\":2,\"config\":{\"mediaType\":\"a/b\",\"digest\":\"<A>\",\"size\":1.5},\"layers\":[]} | /config/size: must be a whole number",
    "{\"schemaVersion\":2,\"config\":{\"mediaType\":\"a/b\",\"digest\":\"<A>\",\"size\":\"1\"},\"layers\":[]} | /config/size: must be a whole number",
    "{\"schemaVersion\":2,\"config\":{\"mediaType\":\"a/b\",\"digest\":\"<A>\",\"size\":99999999999999999999},\"layers\":[]} | /config/size: must be a whole number",
    "{\"schemaVersion\":2,\"config\":{\"mediaType\":\"a b\",\"digest\":\"<A>\",\"size\":1},\"layers\":[]} | /config/mediaType: 'a b' is not a media type",
    "{\"schemaVersion\":2,\"config\":{\"digest\":\"<A>\",\"size\":1},\"layers\":[]} | /config/mediaType: is missing",
    "{\"schemaVersion\":2,\"config\":{\"mediaType\":\"a/b\",\"digest\":\"<A>\",\"size\":1}} | /layers: is missing",
    "{\"schemaVersion\":2,\"config\":{\"mediaType\":\"a/b\",\"digest\":\"<A>\",\"size\":1},\"layers\":{}} | /layers: must be a list",
    "{\"schemaVersion\":2,\"config\":{\"mediaType\":\"a/b\",\"digest\":\"<A>\",\"size\":1},\"layers\":[7]} | /layers/0: must be a descriptor object",
    "{\"schemaVersion\":2,\"config\":{\"mediaType\":\"a/b\",\"digest\":\"<A>\",\"size\":1},\"layers\":[],\"annotations\":{\"k\":1}} | /annotations/k: must be a string",
    "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":\"a/b\",\"digest\":\"<A>\",\"size\":1,\"annotations\":[]}]} | /manifests/0/annotations: must be an object of strings",
    "{\"schemaVersion\":2,\"manifests\":[],\"subject\":\"x\"} | /subject: must be a descriptor object",
  })
  void refusesMalformedManifests(String json, String messageStart) {
    MalformedManifestException e = assertThrows(MalformedManifestException.class,
        () -> parse(json.replace("<A>", A), null));
    assertTrue(e.getMessage().startsWith(messageStart), e.getMessage());
  }

  @Test
  void refusesAMediaTypeFieldThatContradictsTheContentType() {
    String json = index("\"mediaType\":\"application/vnd.oci.image.index.v1+json\",", "a/b");
    MalformedManifestException e = assertThrows(MalformedManifestException.class,
        () -> parse(json, "application/vnd.oci.image.manifest.v1+json"));
    assertEquals("/mediaType: the document says application/vnd.oci.image.index.v1+json but was served as"
        + " application/vnd.oci.image.manifest.v1+json", e.getMessage());
  }

  @Test
  void refusesSchema1ByContentType() {
    String json = index("", "a/b");
    assertThrows(MalformedManifestException.class,
        () -> parse(json, "application/vnd.docker.distribution.manifest.v1+prettyjws"));
  }

  @Test
  void refusesManifestsOverTheSizeBound() {
    String padding = " ".repeat(ManifestParser.MAX_SIZE);
    MalformedManifestException e = assertThrows(MalformedManifestException.class,
        () -> parse(index("", "a/b") + padding, null));
    assertTrue(e.getMessage().endsWith("is larger than the 4194304 accepted"), e.getMessage());
  }

  @ParameterizedTest
  @EnumSource(ManifestMediaType.class)
  void everyServedTypeIsAccepted(ManifestMediaType type) {
    assertTrue(ManifestMediaType.acceptValues().contains(type.value()));
    assertEquals(Optional.of(type), ManifestMediaType.fromValue(type.value() + "; charset=utf-8"));
  }
}
