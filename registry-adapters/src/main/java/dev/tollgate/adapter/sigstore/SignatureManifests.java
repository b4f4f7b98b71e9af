package dev.tollgate.adapter.sigstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the manifests that hold signatures: the cosign {@code .sig} manifest (one
 * simple-signing layer per signature), the referrers list (which of its manifests are Sigstore
 * bundles) and a bundle referrer manifest (its bundle layer, bound to the image by
 * {@code subject}). Bad JSON yields {@link IllegalArgumentException}.
 */
public final class SignatureManifests {

  /** The media type of a cosign simple-signing layer. */
  public static final String COSIGN_LAYER_TYPE = "application/vnd.dev.cosign.simplesigning.v1+json";
  /** The artifact and layer type of a Sigstore bundle referrer, as cosign v3 pushes it. */
  public static final String BUNDLE_TYPE = "application/vnd.dev.sigstore.bundle.v0.3+json";

  private static final ObjectMapper JSON = new ObjectMapper();

  private SignatureManifests() {}

  /** The simple-signing layers of a {@code sha256-<hex>.sig} manifest, with their annotations. */
  public static List<SignatureLayer> cosignLayers(byte[] manifest) {
    List<SignatureLayer> layers = new ArrayList<>();
    for (JsonNode layer : read(manifest).path("layers")) {
      SignatureLayer parsed = layer(layer);
      if (parsed.mediaType().equals(COSIGN_LAYER_TYPE)) {
        layers.add(parsed);
      }
    }
    return layers;
  }

  /** The digests of the Sigstore bundle manifests an OCI referrers index lists. */
  public static List<String> bundleReferrers(byte[] referrersIndex) {
    List<String> digests = new ArrayList<>();
    for (JsonNode manifest : read(referrersIndex).path("manifests")) {
      if (BUNDLE_TYPE.equals(manifest.path("artifactType").asText())) {
        digests.add(manifest.path("digest").asText());
      }
    }
    return digests;
  }

  /**
   * The bundle layers of a referrer manifest whose {@code subject} is {@code imageDigest}; none
   * when it refers to another manifest.
   */
  public static List<SignatureLayer> bundleLayers(byte[] referrer, String imageDigest) {
    JsonNode root = read(referrer);
    if (!imageDigest.equals(root.path("subject").path("digest").asText())) {
      return List.of();
    }
    List<SignatureLayer> layers = new ArrayList<>();
    for (JsonNode layer : root.path("layers")) {
      SignatureLayer parsed = layer(layer);
      if (parsed.mediaType().equals(BUNDLE_TYPE)) {
        layers.add(parsed);
      }
    }
    return layers;
  }

  private static SignatureLayer layer(JsonNode layer) {
    Map<String, String> annotations = new LinkedHashMap<>();
    layer.path("annotations").fields().forEachRemaining(field -> annotations.put(field.getKey(), field.getValue().asText()));
    return new SignatureLayer(layer.path("digest").asText(), layer.path("mediaType").asText(),
        layer.path("size").asLong(-1), annotations);
  }

  private static JsonNode read(byte[] json) {
    try {
      JsonNode root = JSON.readTree(json);
      if (root == null || !root.isObject()) {
        throw new IllegalArgumentException("a manifest must be a JSON object");
      }
      return root;
    } catch (IOException e) {
      throw new IllegalArgumentException("a manifest is not JSON: " + SignatureCheckException.describe(e), e);
    }
  }
}
