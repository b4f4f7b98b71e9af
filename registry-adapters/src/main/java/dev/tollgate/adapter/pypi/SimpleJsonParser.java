package dev.tollgate.adapter.pypi;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.tollgate.adapter.json.JsonSupport;
import dev.tollgate.adapter.text.UpstreamText;
import dev.tollgate.adapter.time.IsoDateTimes;
import java.io.IOException;
import java.net.URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a PEP 691 project page (with the PEP 700 and 714 additions) token by token with Jackson's
 * streaming parser: pages with tens of thousands of files are read in one pass without a tree. A
 * field of the wrong type is an error that names it by JSON Pointer ({@code /files/3/size}); keys
 * this reader does not know are skipped at page level and kept per file.
 */
final class SimpleJsonParser {

  private SimpleJsonParser() {}

  static SimpleProjectPage parse(byte[] body, String pageUrl, String normalizedProject)
      throws MalformedIndexException {
    URL base = IndexUrls.base(pageUrl);
    try (JsonParser json = JsonSupport.factory().createParser(body)) {
      if (json.nextToken() != JsonToken.START_OBJECT) {
        throw new MalformedIndexException("page is not a JSON object");
      }
      String apiVersion = PageChecks.DEFAULT_API_VERSION;
      Optional<List<String>> versions = Optional.empty();
      List<DistributionFile> files = null;
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String key = json.currentName();
        JsonToken value = json.nextToken();
        switch (key) {
          case "meta" -> apiVersion = meta(json);
          case "name" -> PageChecks.sameProject(string(json), normalizedProject);
          case "versions" -> versions = Optional.of(strings(json));
          case "files" -> files = files(json, base);
          default -> {
            if (value.isStructStart()) {
              json.skipChildren();
            }
          }
        }
      }
      if (json.nextToken() != null) {
        throw new MalformedIndexException("content after the JSON object");
      }
      if (files == null) {
        throw new MalformedIndexException("page has no 'files' list");
      }
      return new SimpleProjectPage(normalizedProject, apiVersion, versions, files);
    } catch (JsonProcessingException e) {
      throw new MalformedIndexException("invalid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new MalformedIndexException("cannot read JSON: " + e.getMessage(), e);
    }
  }

  private static String meta(JsonParser json) throws IOException, MalformedIndexException {
    expect(json, JsonToken.START_OBJECT, "an object");
    String apiVersion = PageChecks.DEFAULT_API_VERSION;
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String key = json.currentName();
      JsonToken value = json.nextToken();
      if (key.equals("api-version")) {
        apiVersion = PageChecks.apiVersion(string(json));
      } else if (value.isStructStart()) {
        json.skipChildren();
      }
    }
    return apiVersion;
  }

  private static List<DistributionFile> files(JsonParser json, URL base)
      throws IOException, MalformedIndexException {
    expect(json, JsonToken.START_ARRAY, "a list");
    List<DistributionFile> files = new ArrayList<>();
    while (json.nextToken() != JsonToken.END_ARRAY) {
      files.add(file(json, base));
    }
    return files;
  }

  private static DistributionFile file(JsonParser json, URL base)
      throws IOException, MalformedIndexException {
    expect(json, JsonToken.START_OBJECT, "an object");
    DistributionFile.Builder file = DistributionFile.builder();
    boolean hasFilename = false;
    boolean hasUrl = false;
    boolean hasHashes = false;
    Optional<CoreMetadata> coreMetadata = Optional.empty();
    Optional<CoreMetadata> distInfoMetadata = Optional.empty();
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String key = json.currentName();
      JsonToken value = json.nextToken();
      if (value == JsonToken.VALUE_NULL && !key.equals("filename") && !key.equals("url")) {
        continue;
      }
      switch (key) {
        case "filename" -> {
          file.filename(PageChecks.filename(string(json)));
          hasFilename = true;
        }
        case "url" -> {
          IndexUrls.Target target = IndexUrls.resolve(base, string(json));
          if (!target.http()) {
            throw new MalformedIndexException(JsonSupport.pointer(json) + " is not an http(s) URL");
          }
          file.url(target.url());
          hasUrl = true;
        }
        case "hashes" -> {
          file.hashes(hashes(json));
          hasHashes = true;
        }
        case "requires-python" -> file.requiresPython(string(json));
        case "yanked" -> file.yank(yank(json));
        case "core-metadata" -> coreMetadata = Optional.of(coreMetadata(json));
        case "dist-info-metadata" -> distInfoMetadata = Optional.of(coreMetadata(json));
        case "gpg-sig" -> file.gpgSig(bool(json));
        case "size" -> file.size(size(json));
        case "upload-time" -> file.uploadTime(uploadTime(json));
        default -> file.otherJsonField(key, JsonSupport.mapper().readTree(json));
      }
    }
    if (!hasFilename || !hasUrl || !hasHashes) {
      throw new MalformedIndexException(
          JsonSupport.pointer(json) + " lacks 'filename', 'url' or 'hashes'");
    }
    Optional<CoreMetadata> announced = coreMetadata.isPresent() ? coreMetadata : distInfoMetadata;
    announced.ifPresent(file::coreMetadata);
    return file.build();
  }

  private static Map<String, String> hashes(JsonParser json)
      throws IOException, MalformedIndexException {
    expect(json, JsonToken.START_OBJECT, "an object of hex digests");
    Map<String, String> hashes = new LinkedHashMap<>();
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String name = json.currentName();
      json.nextToken();
      FileHashes.put(hashes, name, string(json));
    }
    return hashes;
  }

  /** PEP 592 in JSON: {@code false}, {@code true}, or the reason. */
  private static YankStatus yank(JsonParser json) throws IOException, MalformedIndexException {
    return switch (json.currentToken()) {
      case VALUE_FALSE -> YankStatus.NOT_YANKED;
      case VALUE_TRUE -> YankStatus.yanked("");
      case VALUE_STRING -> YankStatus.yanked(json.getText());
      default -> throw typeError(json, "a boolean or a reason");
    };
  }

  /** PEP 658/714 in JSON: a boolean, or an object of the metadata file's digests. */
  private static CoreMetadata coreMetadata(JsonParser json)
      throws IOException, MalformedIndexException {
    return switch (json.currentToken()) {
      case VALUE_FALSE -> CoreMetadata.NONE;
      case VALUE_TRUE -> CoreMetadata.available(Map.of());
      case START_OBJECT -> CoreMetadata.available(hashes(json));
      default -> throw typeError(json, "a boolean or an object of hashes");
    };
  }

  private static long size(JsonParser json) throws IOException, MalformedIndexException {
    if (json.currentToken() != JsonToken.VALUE_NUMBER_INT
        || json.getNumberType() == JsonParser.NumberType.BIG_INTEGER
        || json.getLongValue() < 0) {
      throw typeError(json, "a byte count");
    }
    return json.getLongValue();
  }

  private static Instant uploadTime(JsonParser json) throws IOException, MalformedIndexException {
    String text = string(json);
    return IsoDateTimes.parse(text)
        .orElseThrow(
            () ->
                new MalformedIndexException(
                    JsonSupport.pointer(json)
                        + " is not an ISO 8601 time: "
                        + UpstreamText.quote(text)));
  }

  private static List<String> strings(JsonParser json) throws IOException, MalformedIndexException {
    expect(json, JsonToken.START_ARRAY, "a list of strings");
    List<String> values = new ArrayList<>();
    while (json.nextToken() != JsonToken.END_ARRAY) {
      values.add(string(json));
    }
    return values;
  }

  private static String string(JsonParser json) throws IOException, MalformedIndexException {
    if (json.currentToken() != JsonToken.VALUE_STRING) {
      throw typeError(json, "a string");
    }
    return json.getText();
  }

  private static boolean bool(JsonParser json) throws MalformedIndexException {
    JsonToken token = json.currentToken();
    if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
      throw typeError(json, "a boolean");
    }
    return token == JsonToken.VALUE_TRUE;
  }

  private static void expect(JsonParser json, JsonToken token, String what)
      throws MalformedIndexException {
    if (json.currentToken() != token) {
      throw typeError(json, what);
    }
  }

  private static MalformedIndexException typeError(JsonParser json, String what) {
    return new MalformedIndexException(JsonSupport.wrongType(json, what));
  }
}
