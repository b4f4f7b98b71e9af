package dev.tollgate.adapter.oci;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.adapter.oci.ParsedManifest.ImageIndex;
import dev.tollgate.adapter.oci.ParsedManifest.ImageManifest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a manifest document (image manifest, image index, in their OCI and Docker forms) into a
 * {@link ParsedManifest}, strictly: duplicate keys, trailing data, malformed digests or sizes, and
 * a {@code mediaType} field that contradicts the {@code Content-Type} all refuse the document, as
 * the gateway and the client must never read two different manifests from the same bytes.
 *
 * <p>The media type comes from the document's {@code mediaType} field, else from {@code
 * Content-Type} (umoci writes no field), else from its shape ({@code manifests}: an index).
 */
public final class ManifestParser {

  /** Largest manifest accepted: the size the distribution spec asks registries to support. */
  public static final int MAX_SIZE = 4 * 1024 * 1024;

  private ManifestParser() {}

  /**
   * Parses {@code bytes}, served with {@code contentType} (if the upstream sent one).
   *
   * @throws MalformedManifestException saying what is wrong, naming the field by JSON Pointer
   */
  public static ParsedManifest parse(byte[] bytes, Optional<String> contentType)
      throws MalformedManifestException {
    if (bytes.length > MAX_SIZE) {
      throw new MalformedManifestException(
          "manifest of " + bytes.length + " bytes is larger than the " + MAX_SIZE + " accepted");
    }
    JsonNode root = readTree(bytes);
    if (!root.isObject()) {
      throw new MalformedManifestException("manifest is not a JSON object");
    }
    JsonNode schemaVersion = root.get("schemaVersion");
    if (schemaVersion == null || !schemaVersion.isInt() || schemaVersion.intValue() != 2) {
      throw new MalformedManifestException(
          schemaVersion != null && schemaVersion.isInt() && schemaVersion.intValue() == 1
              ? "Docker schema 1 manifests are not served: the format is deprecated and its digest"
                  + " does not cover its signature"
              : "/schemaVersion: must be 2");
    }
    ManifestMediaType type = mediaType(root, contentType);
    Digest digest = Digest.compute(DigestAlgorithm.SHA256, bytes);
    Optional<Descriptor> subject = optionalDescriptor(root, "subject");
    Optional<String> artifactType = optionalMediaType(root, "artifactType", "/artifactType");
    Map<String, String> annotations = annotations(root.get("annotations"), "/annotations");
    if (type.isIndex()) {
      return new ImageIndex(
          type, digest, bytes.length, descriptors(root, "manifests"), subject, artifactType, annotations);
    }
    return new ImageManifest(
        type,
        digest,
        bytes.length,
        descriptor(required(root, "config", "/config"), "/config"),
        descriptors(root, "layers"),
        subject,
        artifactType,
        annotations);
  }

  private static JsonNode readTree(byte[] bytes) throws MalformedManifestException {
    try {
      JsonNode root = JsonDocuments.read(bytes);
      if (root == null || root.isMissingNode()) {
        throw new MalformedManifestException("manifest is empty");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw new MalformedManifestException(
          "manifest is not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new MalformedManifestException("manifest cannot be read: " + e.getMessage(), e);
    }
  }

  private static ManifestMediaType mediaType(JsonNode root, Optional<String> contentType)
      throws MalformedManifestException {
    Optional<ManifestMediaType> declared;
    Optional<ManifestMediaType> served;
    try {
      Optional<String> field = optionalText(root, "mediaType", "/mediaType");
      declared = field.flatMap(ManifestMediaType::fromValue);
      if (field.isPresent() && declared.isEmpty()) {
        throw new MalformedManifestException(
            "/mediaType: " + quote(field.get()) + " is not a manifest media type this gateway serves");
      }
      served = contentType.flatMap(ManifestMediaType::fromValue);
    } catch (IllegalArgumentException e) {
      throw new MalformedManifestException(e.getMessage());
    }
    if (declared.isPresent() && served.isPresent() && declared.get() != served.get()) {
      throw new MalformedManifestException(
          "/mediaType: the document says " + declared.get() + " but was served as " + served.get());
    }
    Optional<ManifestMediaType> type = declared.or(() -> served);
    if (type.isPresent()) {
      return type.get();
    }
    if (root.has("manifests")) {
      return ManifestMediaType.OCI_INDEX;
    }
    if (root.has("config")) {
      return ManifestMediaType.OCI_MANIFEST;
    }
    throw new MalformedManifestException("cannot tell the manifest's media type: no mediaType,"
        + " no manifest Content-Type, neither 'config' nor 'manifests'");
  }

  private static List<Descriptor> descriptors(JsonNode root, String field)
      throws MalformedManifestException {
    String pointer = "/" + field;
    JsonNode array = required(root, field, pointer);
    if (!array.isArray()) {
      throw new MalformedManifestException(pointer + ": must be a list");
    }
    List<Descriptor> descriptors = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      descriptors.add(descriptor(array.get(i), pointer + "/" + i));
    }
    return descriptors;
  }

  private static Optional<Descriptor> optionalDescriptor(JsonNode root, String field)
      throws MalformedManifestException {
    JsonNode node = root.get(field);
    return node == null || node.isNull()
        ? Optional.empty()
        : Optional.of(descriptor(node, "/" + field));
  }

  private static Descriptor descriptor(JsonNode node, String pointer)
      throws MalformedManifestException {
    if (!node.isObject()) {
      throw new MalformedManifestException(pointer + ": must be a descriptor object");
    }
    String mediaType =
        optionalMediaType(node, "mediaType", pointer + "/mediaType")
            .orElseThrow(() -> new MalformedManifestException(pointer + "/mediaType: is missing"));
    String digestText =
        optionalText(node, "digest", pointer + "/digest")
            .orElseThrow(() -> new MalformedManifestException(pointer + "/digest: is missing"));
    Digest digest;
    try {
      digest = Digest.parse(digestText);
    } catch (IllegalArgumentException e) {
      throw new MalformedManifestException(pointer + "/digest: " + e.getMessage());
    }
    JsonNode size = required(node, "size", pointer + "/size");
    if (!size.isIntegralNumber() || !size.canConvertToLong() || size.longValue() < 0) {
      throw new MalformedManifestException(pointer + "/size: must be a whole number of bytes");
    }
    return new Descriptor(
        mediaType,
        digest,
        size.longValue(),
        optionalMediaType(node, "artifactType", pointer + "/artifactType"),
        annotations(node.get("annotations"), pointer + "/annotations"));
  }

  private static Map<String, String> annotations(JsonNode node, String pointer)
      throws MalformedManifestException {
    if (node == null || node.isNull()) {
      return Map.of();
    }
    if (!node.isObject()) {
      throw new MalformedManifestException(pointer + ": must be an object of strings");
    }
    Map<String, String> annotations = new HashMap<>();
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      if (!entry.getValue().isTextual()) {
        throw new MalformedManifestException(pointer + "/" + entry.getKey() + ": must be a string");
      }
      annotations.put(entry.getKey(), entry.getValue().textValue());
    }
    return annotations;
  }

  private static Optional<String> optionalMediaType(JsonNode node, String field, String pointer)
      throws MalformedManifestException {
    Optional<String> value = optionalText(node, field, pointer);
    if (value.isPresent() && !MediaTypeSyntax.isWellFormed(value.get())) {
      throw new MalformedManifestException(pointer + ": " + quote(value.get()) + " is not a media type");
    }
    return value;
  }

  private static Optional<String> optionalText(JsonNode node, String field, String pointer)
      throws MalformedManifestException {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw new MalformedManifestException(pointer + ": must be a string");
    }
    return Optional.of(value.textValue());
  }

  /** Upstream text for a message: at most 80 characters, printable ASCII, in quotes. */
  private static String quote(String text) {
    StringBuilder quoted = new StringBuilder("'");
    for (int i = 0; i < Math.min(text.length(), 80); i++) {
      char c = text.charAt(i);
      quoted.append(c == ' ' || VisibleAscii.is(c) ? c : '?');
    }
    return quoted.append(text.length() > 80 ? "...'" : "'").toString();
  }

  private static JsonNode required(JsonNode node, String field, String pointer)
      throws MalformedManifestException {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new MalformedManifestException(pointer + ": is missing");
    }
    return value;
  }
}
