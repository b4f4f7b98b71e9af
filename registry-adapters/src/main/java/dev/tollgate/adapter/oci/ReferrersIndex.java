package dev.tollgate.adapter.oci;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The referrers API's answer, an OCI image index of the manifests that name a subject, built by
 * the gateway itself: from candidate manifests it has read (a registry without the referrers API
 * keeps them under the subject's {@link Digest#referrersTag() fallback tag}), or from descriptors
 * such a fallback index lists. With an {@code artifactType} filter only matching referrers remain,
 * and the response must then carry {@code OCI-Filters-Applied: artifactType}.
 */
public final class ReferrersIndex {

  /** The response header that says the {@code artifactType} filter was applied. */
  public static final String FILTERS_APPLIED_HEADER = "OCI-Filters-Applied";

  private ReferrersIndex() {}

  /**
   * The index of the {@code candidates} whose {@code subject} is {@code subject} (others are
   * left out: a tag index may be stale or forged), filtered by {@code artifactType}.
   */
  public static byte[] fromManifests(
      Digest subject, List<ParsedManifest> candidates, Optional<String> artifactType) {
    return fromDescriptors(
        candidates.stream()
            .filter(m -> m.subject().map(s -> s.digest().equals(subject)).orElse(false))
            .map(ParsedManifest::asReferrer)
            .toList(),
        artifactType);
  }

  /** The index of {@code referrers}, filtered by {@code artifactType}, in their order. */
  public static byte[] fromDescriptors(List<Descriptor> referrers, Optional<String> artifactType) {
    return JsonDocuments.write(json -> {
      json.writeStartObject();
      json.writeNumberField("schemaVersion", 2);
      json.writeStringField("mediaType", ManifestMediaType.OCI_INDEX.value());
      json.writeArrayFieldStart("manifests");
      for (Descriptor referrer : referrers) {
        if (artifactType.isEmpty() || artifactType.equals(referrer.artifactType())) {
          write(json, referrer);
        }
      }
      json.writeEndArray();
      json.writeEndObject();
    });
  }

  private static void write(JsonGenerator json, Descriptor referrer) throws IOException {
    json.writeStartObject();
    json.writeStringField("mediaType", referrer.mediaType());
    json.writeStringField("digest", referrer.digest().text());
    json.writeNumberField("size", referrer.size());
    if (referrer.artifactType().isPresent()) {
      json.writeStringField("artifactType", referrer.artifactType().get());
    }
    if (!referrer.annotations().isEmpty()) {
      JsonDocuments.writeStrings(json, "annotations", referrer.annotations());
    }
    json.writeEndObject();
  }
}
