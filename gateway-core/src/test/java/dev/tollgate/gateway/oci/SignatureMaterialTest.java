package dev.tollgate.gateway.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tollgate.adapter.oci.Digest;
import dev.tollgate.adapter.oci.DigestAlgorithm;
import dev.tollgate.adapter.oci.ManifestParser;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SignatureMaterialTest {

  private static final String DIGEST = Digest.compute(DigestAlgorithm.SHA256, "x".getBytes(StandardCharsets.UTF_8))
      .text();

  private static String manifest(String layerTypes) {
    String layers = Arrays.stream(layerTypes.split(" ")).filter(t -> !t.isEmpty())
        .map(type -> "{\"mediaType\":\"" + type + "\",\"digest\":\"" + DIGEST + "\",\"size\":1}")
        .collect(Collectors.joining(","));
    return "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"config\":{\"mediaType\":"
        + "\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + DIGEST + "\",\"size\":1},\"layers\":["
        + layers + "]}";
  }

  private static String index(String artifactTypes) {
    String children = Arrays.stream(artifactTypes.split(" ")).filter(t -> !t.isEmpty())
        .map(type -> "{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"" + DIGEST
            + "\",\"size\":1" + (type.equals("-") ? "" : ",\"artifactType\":\"" + type + "\"") + "}")
        .collect(Collectors.joining(","));
    return "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":["
        + children + "]}";
  }

  @ParameterizedTest(name = "{0} [{1}]: {2}")
  @CsvSource({
      "manifest, application/vnd.dev.cosign.simplesigning.v1+json, true",
      "manifest, application/vnd.dev.cosign.simplesigning.v1+json application/vnd.dev.cosign.simplesigning.v1+json, true",
      "manifest, application/vnd.dev.sigstore.bundle.v0.3+json, true",
      "manifest, application/vnd.dsse.envelope.v1+json, true",
      "manifest, application/vnd.oci.image.layer.v1.tar+gzip, false",
      "manifest, application/vnd.dev.cosign.simplesigning.v1+json application/vnd.oci.image.layer.v1.tar+gzip, false",
      "manifest, '', false",
      "index, application/vnd.dev.sigstore.bundle.v0.3+json, true",
      "index, application/vnd.dev.sigstore.bundle.v0.3+json -, false",
      "index, -, false",
      "index, '', false"})
  void onlyManifestsWhoseEveryLayerOrChildIsASignatureNeedNoSignature(String kind, String types, boolean only)
      throws Exception {
    String json = kind.equals("index") ? index(types) : manifest(types);
    String mediaType = kind.equals("index") ? "application/vnd.oci.image.index.v1+json"
        : "application/vnd.oci.image.manifest.v1+json";

    assertEquals(only, SignatureMaterial.only(ManifestParser.parse(json.getBytes(StandardCharsets.UTF_8),
        Optional.of(mediaType))));
  }
}
