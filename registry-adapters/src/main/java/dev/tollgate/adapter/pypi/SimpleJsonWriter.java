package dev.tollgate.adapter.pypi;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.adapter.json.JsonSupport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Writes PEP 691 pages. A page declares API version 1.1 (PEP 700) only when it can keep that
 * version's promises, i.e. every file has a size; pages read from HTML, which carries no sizes, are
 * written as 1.0. {@code versions} always lists exactly the versions of the files on the page.
 */
final class SimpleJsonWriter {

  private static final String API_VERSION_WITH_SIZES = "1.1";
  private static final String API_VERSION_WITHOUT_SIZES = "1.0";

  private static final int BYTES_PER_FILE = 400;

  private SimpleJsonWriter() {}

  static byte[] projectPage(SimpleProjectPage page, FileLinker linker) {
    List<DistributionFile> files = page.files();
    boolean allSized = files.stream().allMatch(file -> file.size().isPresent());
    return write(
        512 + files.size() * BYTES_PER_FILE,
        json -> {
          json.writeStartObject();
          meta(json, allSized ? API_VERSION_WITH_SIZES : API_VERSION_WITHOUT_SIZES);
          json.writeStringField("name", page.name());
          json.writeArrayFieldStart("versions");
          for (String version : page.fileVersions()) {
            json.writeString(version);
          }
          json.writeEndArray();
          json.writeArrayFieldStart("files");
          for (DistributionFile file : files) {
            file(json, file, linker.link(file));
          }
          json.writeEndArray();
          json.writeEndObject();
        });
  }

  /** The root page: {@code projects}, one {@code {"name": ...}} per project. */
  static byte[] projectList(List<String> projectNames) {
    return write(
        256 + projectNames.size() * 32,
        json -> {
          json.writeStartObject();
          meta(json, API_VERSION_WITH_SIZES);
          json.writeArrayFieldStart("projects");
          for (String name : projectNames) {
            json.writeStartObject();
            json.writeStringField("name", name);
            json.writeEndObject();
          }
          json.writeEndArray();
          json.writeEndObject();
        });
  }

  private static void meta(JsonGenerator json, String apiVersion) throws IOException {
    json.writeObjectFieldStart("meta");
    json.writeStringField("api-version", apiVersion);
    json.writeEndObject();
  }

  private static void file(JsonGenerator json, DistributionFile file, String url)
      throws IOException {
    json.writeStartObject();
    json.writeStringField("filename", file.filename());
    json.writeStringField("url", url);
    hashes(json, "hashes", file.hashes());
    if (file.requiresPython().isPresent()) {
      json.writeStringField("requires-python", file.requiresPython().get());
    }
    if (file.coreMetadata().available()) {
      coreMetadata(json, "core-metadata", file.coreMetadata());
      coreMetadata(json, "dist-info-metadata", file.coreMetadata());
    }
    if (file.gpgSig().isPresent()) {
      json.writeBooleanField("gpg-sig", file.gpgSig().get());
    }
    if (file.yank().reason().isPresent()) {
      json.writeStringField("yanked", file.yank().reason().get());
    } else {
      json.writeBooleanField("yanked", file.yank().yanked());
    }
    if (file.size().isPresent()) {
      json.writeNumberField("size", file.size().getAsLong());
    }
    if (file.uploadTime().isPresent()) {
      json.writeStringField("upload-time", UploadTimes.format(file.uploadTime().get()));
    }
    for (Map.Entry<String, JsonNode> other : file.otherJsonFields().entrySet()) {
      json.writeFieldName(other.getKey());
      json.writeTree(other.getValue());
    }
    json.writeEndObject();
  }

  /** PEP 714 value: the digests when known, else {@code true}. */
  private static void coreMetadata(JsonGenerator json, String key, CoreMetadata metadata)
      throws IOException {
    if (metadata.hashes().isEmpty()) {
      json.writeBooleanField(key, true);
    } else {
      hashes(json, key, metadata.hashes());
    }
  }

  private static void hashes(JsonGenerator json, String key, Map<String, String> hashes)
      throws IOException {
    json.writeObjectFieldStart(key);
    for (Map.Entry<String, String> hash : hashes.entrySet()) {
      json.writeStringField(hash.getKey(), hash.getValue());
    }
    json.writeEndObject();
  }

  private interface Body {
    void write(JsonGenerator json) throws IOException;
  }

  private static byte[] write(int expectedSize, Body body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(expectedSize);
    try (JsonGenerator json = JsonSupport.factory().createGenerator(out)) {
      body.write(json);
    } catch (IOException e) {
      throw new UncheckedIOException("writing JSON to memory failed", e);
    }
    return out.toByteArray();
  }
}
