package dev.tollgate.bench.npm;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.tollgate.adapter.json.JsonSupport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;

/**
 * Deterministic full packuments of a chosen size, shaped like those of big real packages: each
 * version a complete manifest (dependencies, scripts, repository, maintainers, dist with integrity,
 * signatures and attestations), every tenth with a {@code postinstall}, a prerelease every fifth
 * minor, a long readme and a users map at the top, and {@code time} after {@code versions} as the
 * registry writes it. A given size always gives the same bytes.
 */
final class SyntheticPackuments {

  static final String NAME = "tg-big";

  private static final Instant FIRST_PUBLISH = Instant.parse("2015-01-01T00:00:00Z");

  private SyntheticPackuments() {}

  /** A packument of about {@code targetBytes} (within one version's manifest). */
  static byte[] ofSize(int targetBytes) {
    int probe = 200;
    int perVersion = write(probe).length / probe;
    return write(Math.max(1, targetBytes / perVersion));
  }

  /** The {@code index}-th version string; versions ascend with the index. */
  static String version(int index) {
    int major = index / 400;
    int minor = index / 20 % 20;
    int patch = index % 20;
    return major + "." + minor + "." + patch + (minor % 5 == 4 && patch < 3 ? "-rc." + patch : "");
  }

  private static byte[] write(int versionCount) {
    Random random = new Random(versionCount);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator json = JsonSupport.factory().createGenerator(bytes)) {
      json.writeStartObject();
      json.writeStringField("_id", NAME);
      json.writeStringField("_rev", "1234-" + hex(random, 16));
      json.writeStringField("name", NAME);
      json.writeStringField("description", "A synthetic package with a long history");
      json.writeObjectFieldStart("dist-tags");
      json.writeStringField("latest", version(versionCount - 1));
      json.writeStringField("next", version(versionCount - 1));
      json.writeEndObject();
      json.writeObjectFieldStart("versions");
      for (int i = 0; i < versionCount; i++) {
        json.writeFieldName(version(i));
        manifest(json, version(i), i, random);
      }
      json.writeEndObject();
      json.writeObjectFieldStart("time");
      json.writeStringField("created", FIRST_PUBLISH.toString());
      json.writeStringField("modified", publishTime(versionCount - 1));
      for (int i = 0; i < versionCount; i++) {
        json.writeStringField(version(i), publishTime(i));
      }
      json.writeEndObject();
      json.writeStringField(
          "readme", "# " + NAME + "\n\n" + "Lorem ipsum dolor sit amet. ".repeat(700));
      json.writeObjectFieldStart("users");
      for (int i = 0; i < 300; i++) {
        json.writeBooleanField("user" + i, true);
      }
      json.writeEndObject();
      json.writeStringField("license", "MIT");
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void manifest(JsonGenerator json, String version, int index, Random random)
      throws IOException {
    json.writeStartObject();
    json.writeStringField("name", NAME);
    json.writeStringField("version", version);
    json.writeStringField(
        "description", "A synthetic package with a long history, release " + index);
    json.writeStringField("main", "dist/index.js");
    json.writeStringField("types", "dist/index.d.ts");
    json.writeObjectFieldStart("scripts");
    json.writeStringField("build", "tsc -p tsconfig.build.json");
    json.writeStringField("test", "node --test test/");
    if (index % 10 == 0) {
      json.writeStringField("postinstall", "node scripts/postinstall.js");
    }
    json.writeEndObject();
    json.writeObjectFieldStart("repository");
    json.writeStringField("type", "git");
    json.writeStringField("url", "git+https://git.example.org/tg/" + NAME + ".git");
    json.writeEndObject();
    json.writeArrayFieldStart("keywords");
    for (String keyword : new String[] {"synthetic", "benchmark", "packument", "tollgate"}) {
      json.writeString(keyword);
    }
    json.writeEndArray();
    dependencies(json, "dependencies", 12, random);
    dependencies(json, "devDependencies", 15, random);
    json.writeObjectFieldStart("engines");
    json.writeStringField("node", ">=18");
    json.writeEndObject();
    json.writeStringField("license", "MIT");
    json.writeStringField("gitHead", hex(random, 20));
    json.writeStringField("_id", NAME + "@" + version);
    json.writeStringField("_nodeVersion", "20.11.1");
    json.writeStringField("_npmVersion", "10.2.4");
    json.writeObjectFieldStart("dist");
    json.writeStringField("integrity", "sha512-" + base64(random, 64));
    json.writeStringField("shasum", hex(random, 20));
    json.writeStringField(
        "tarball", "https://upstream.example.org/" + NAME + "/-/" + NAME + "-" + version + ".tgz");
    json.writeNumberField("fileCount", 40 + random.nextInt(200));
    json.writeNumberField("unpackedSize", 100_000 + random.nextInt(900_000));
    json.writeArrayFieldStart("signatures");
    json.writeStartObject();
    json.writeStringField("keyid", "SHA256:synthetic-key");
    json.writeStringField("sig", base64(random, 72));
    json.writeEndObject();
    json.writeEndArray();
    json.writeObjectFieldStart("attestations");
    json.writeStringField(
        "url", "https://upstream.example.org/-/npm/v1/attestations/" + NAME + "@" + version);
    json.writeObjectFieldStart("provenance");
    json.writeStringField("predicateType", "https://slsa.dev/provenance/v1");
    json.writeEndObject();
    json.writeEndObject();
    json.writeEndObject();
    json.writeObjectFieldStart("_npmUser");
    json.writeStringField("name", "publisher");
    json.writeStringField("email", "publisher@example.org");
    json.writeEndObject();
    json.writeArrayFieldStart("maintainers");
    for (int i = 0; i < 2; i++) {
      json.writeStartObject();
      json.writeStringField("name", "maintainer" + i);
      json.writeStringField("email", "maintainer" + i + "@example.org");
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeBooleanField("_hasShrinkwrap", false);
    json.writeEndObject();
  }

  private static void dependencies(JsonGenerator json, String field, int count, Random random)
      throws IOException {
    json.writeObjectFieldStart(field);
    for (int i = 0; i < count; i++) {
      json.writeStringField(
          "dependency-" + field.charAt(0) + i,
          "^" + random.nextInt(10) + "." + random.nextInt(30) + "." + random.nextInt(10));
    }
    json.writeEndObject();
  }

  private static String publishTime(int index) {
    return FIRST_PUBLISH.plusSeconds(3_600L * 6 * index).toString();
  }

  private static String hex(Random random, int byteCount) {
    byte[] bytes = new byte[byteCount];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private static String base64(Random random, int byteCount) {
    byte[] bytes = new byte[byteCount];
    random.nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }
}
