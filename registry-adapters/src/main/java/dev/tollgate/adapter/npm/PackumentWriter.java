package dev.tollgate.adapter.npm;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * The second pass over a packument, once the first has decided which versions stay: copies it token
 * by token from the upstream bytes to the output, dropping removed versions from {@code versions}
 * and {@code time}, writing the re-pointed {@code dist-tags} in place of the upstream ones, and
 * rewriting each kept {@code dist.tarball}. Everything else, including fields this class has never
 * heard of and {@code dist.integrity}, {@code shasum} and {@code signatures}, is copied as it is
 * (numbers exactly), in upstream order. Nothing is buffered beyond Jackson's own buffers.
 */
final class PackumentWriter {

  /** A version document is a single manifest: a few kilobytes. */
  private static final int VERSION_DOCUMENT_SIZE = 4096;

  private final String name;
  private final TarballUrlRewriter rewriter;

  private PackumentWriter(String name, TarballUrlRewriter rewriter) {
    this.name = name;
    this.rewriter = rewriter;
  }

  /**
   * {@code packument} without the {@code removed} versions, with {@code distTags} and rewritten
   * tarballs.
   */
  static byte[] filtered(
      byte[] packument,
      String name,
      Set<String> removed,
      Map<String, String> distTags,
      TarballUrlRewriter rewriter)
      throws MalformedPackumentException {
    PackumentWriter writer = new PackumentWriter(name, rewriter);
    return PackumentJson.write(
        packument,
        packument.length,
        (json, out) -> writer.filteredTopLevel(json, out, removed, distTags));
  }

  /**
   * The manifest of {@code version}, which must be in the packument, with its tarball rewritten.
   */
  static byte[] versionDocument(
      byte[] packument, String name, String version, TarballUrlRewriter rewriter)
      throws MalformedPackumentException {
    PackumentWriter writer = new PackumentWriter(name, rewriter);
    return PackumentJson.write(
        packument, VERSION_DOCUMENT_SIZE, (json, out) -> writer.singleVersion(json, out, version));
  }

  private void filteredTopLevel(
      JsonParser json, JsonGenerator out, Set<String> removed, Map<String, String> distTags)
      throws IOException {
    out.writeStartObject();
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String key = json.currentName();
      json.nextToken();
      out.writeFieldName(key);
      switch (key) {
        case "versions" ->
            copyObjectWithout(json, out, removed, version -> copyVersion(json, out, version));
        case "time" ->
            copyObjectWithout(json, out, removed, time -> out.copyCurrentStructureExact(json));
        case "dist-tags" -> {
          json.skipChildren();
          writeTags(out, distTags);
        }
        default -> out.copyCurrentStructureExact(json);
      }
    }
    out.writeEndObject();
  }

  private void singleVersion(JsonParser json, JsonGenerator out, String version)
      throws IOException {
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String key = json.currentName();
      json.nextToken();
      if (!key.equals("versions")) {
        json.skipChildren();
        continue;
      }
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String candidate = json.currentName();
        json.nextToken();
        if (candidate.equals(version)) {
          copyVersion(json, out, version);
          return;
        }
        json.skipChildren();
      }
    }
  }

  /** Copies one version's manifest, the parser on its start, rewriting {@code dist.tarball}. */
  private void copyVersion(JsonParser json, JsonGenerator out, String version) throws IOException {
    copyObjectReplacing(
        json,
        out,
        "dist",
        JsonToken.START_OBJECT,
        () ->
            copyObjectReplacing(
                json,
                out,
                "tarball",
                JsonToken.VALUE_STRING,
                () -> out.writeString(rewriter.rewrite(name, version, json.getText()))));
  }

  /**
   * Copies the object the parser stands on, letting {@code replacement} write the value of the
   * field {@code key} when that value starts with {@code token}.
   */
  private static void copyObjectReplacing(
      JsonParser json, JsonGenerator out, String key, JsonToken token, ValueWriter replacement)
      throws IOException {
    out.writeStartObject();
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String field = json.currentName();
      JsonToken value = json.nextToken();
      out.writeFieldName(field);
      if (field.equals(key) && value == token) {
        replacement.write();
      } else {
        out.copyCurrentStructureExact(json);
      }
    }
    out.writeEndObject();
  }

  /** Copies the object the parser stands on, leaving out the {@code dropped} keys. */
  private static void copyObjectWithout(
      JsonParser json, JsonGenerator out, Set<String> dropped, ValueCopy copy) throws IOException {
    out.writeStartObject();
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String key = json.currentName();
      json.nextToken();
      if (dropped.contains(key)) {
        json.skipChildren();
      } else {
        out.writeFieldName(key);
        copy.copy(key);
      }
    }
    out.writeEndObject();
  }

  private static void writeTags(JsonGenerator out, Map<String, String> distTags)
      throws IOException {
    out.writeStartObject();
    for (Map.Entry<String, String> tag : distTags.entrySet()) {
      out.writeStringField(tag.getKey(), tag.getValue());
    }
    out.writeEndObject();
  }

  /** Copies the value of the field {@code key}, the parser on its first token. */
  @FunctionalInterface
  private interface ValueCopy {
    void copy(String key) throws IOException;
  }

  /** Writes a field's value in place of the upstream one, the parser on its first token. */
  @FunctionalInterface
  private interface ValueWriter {
    void write() throws IOException;
  }
}
