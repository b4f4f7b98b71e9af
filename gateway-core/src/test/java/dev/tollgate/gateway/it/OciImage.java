package dev.tollgate.gateway.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/**
 * A tiny single-layer image written by hand as an OCI image layout, with no container engine: a
 * gzip'd tar holding one text file, its config and an OCI manifest. The same text gives the same
 * digests on every run (tar and gzip carry no timestamps), so tests can name them.
 *
 * @param layout the OCI layout directory ({@code oci:DIR:TAG} for skopeo)
 * @param tag the tag the layout's index names
 * @param manifest the manifest digest ({@code sha256:...})
 * @param manifestSize the manifest's size in bytes
 * @param config the config blob digest
 * @param layer the layer blob digest
 * @param text the content of {@code /hello.txt} in the layer
 */
record OciImage(Path layout, String tag, String manifest, long manifestSize, String config, String layer, String text) {

  static final String MANIFEST_TYPE = "application/vnd.oci.image.manifest.v1+json";
  static final String INDEX_TYPE = "application/vnd.oci.image.index.v1+json";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Writes the layout to {@code dir} with {@code /hello.txt} holding {@code text}. */
  static OciImage write(Path dir, String tag, String text) throws IOException {
    Path blobs = Files.createDirectories(dir.resolve("blobs").resolve("sha256"));
    byte[] tar = Tar.oneFile("hello.txt", text.getBytes(StandardCharsets.UTF_8));
    byte[] layer = gzip(tar);
    String layerDigest = put(blobs, layer);

    ObjectNode config = JSON.createObjectNode().put("architecture", "amd64").put("os", "linux");
    config.putObject("config").putArray("Cmd").add("/hello.txt");
    ObjectNode rootfs = config.putObject("rootfs").put("type", "layers");
    rootfs.putArray("diff_ids").add(digest(tar));
    byte[] configBytes = JSON.writeValueAsBytes(config);
    String configDigest = put(blobs, configBytes);

    ObjectNode manifest = JSON.createObjectNode().put("schemaVersion", 2).put("mediaType", MANIFEST_TYPE);
    manifest.set("config", descriptor("application/vnd.oci.image.config.v1+json", configDigest, configBytes.length));
    manifest.putArray("layers").add(descriptor("application/vnd.oci.image.layer.v1.tar+gzip", layerDigest,
        layer.length));
    byte[] manifestBytes = JSON.writeValueAsBytes(manifest);
    String manifestDigest = put(blobs, manifestBytes);

    Files.write(dir.resolve("index.json"), JSON.writeValueAsBytes(layoutIndex(MANIFEST_TYPE, manifestDigest,
        manifestBytes.length, tag)));
    Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
    return new OciImage(dir, tag, manifestDigest, manifestBytes.length, configDigest, layerDigest, text);
  }

  /**
   * Puts an image index over this image: a new index blob naming its manifest as the linux/amd64
   * platform, which the layout's tag then points at (push it with {@code skopeo copy --all}).
   * Returns the index's digest.
   */
  String indexOver() throws IOException {
    ObjectNode child = descriptor(MANIFEST_TYPE, manifest, manifestSize);
    child.putObject("platform").put("architecture", "amd64").put("os", "linux");
    ObjectNode index = JSON.createObjectNode().put("schemaVersion", 2).put("mediaType", INDEX_TYPE);
    index.putArray("manifests").add(child);
    byte[] indexBytes = JSON.writeValueAsBytes(index);
    String indexDigest = put(layout.resolve("blobs").resolve("sha256"), indexBytes);
    Files.write(layout.resolve("index.json"), JSON.writeValueAsBytes(layoutIndex(INDEX_TYPE, indexDigest,
        indexBytes.length, tag)));
    return indexDigest;
  }

  /** What skopeo reads the image from: {@code oci:DIR:TAG}. */
  String source() {
    return "oci:" + layout + ":" + tag;
  }

  /** The layout's {@code index.json}: one entry, {@code tag} naming the manifest or index {@code digest}. */
  private static ObjectNode layoutIndex(String mediaType, String digest, long size, String tag) {
    ObjectNode index = JSON.createObjectNode().put("schemaVersion", 2).put("mediaType", INDEX_TYPE);
    ObjectNode entry = descriptor(mediaType, digest, size);
    entry.putObject("annotations").put("org.opencontainers.image.ref.name", tag);
    index.putArray("manifests").add(entry);
    return index;
  }

  private static ObjectNode descriptor(String mediaType, String digest, long size) {
    return JSON.createObjectNode().put("mediaType", mediaType).put("digest", digest).put("size", size);
  }

  private static String put(Path blobs, byte[] bytes) throws IOException {
    String digest = digest(bytes);
    Files.write(blobs.resolve(digest.substring("sha256:".length())), bytes);
    return digest;
  }

  static String digest(byte[] bytes) {
    try {
      return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }

  /** A POSIX ustar archive of one regular file, mode 0644, owner 0, mtime 0. */
  private static final class Tar {
    private static final int BLOCK = 512;

    static byte[] oneFile(String name, byte[] content) {
      byte[] header = new byte[BLOCK];
      field(header, 0, 100, name);
      octal(header, 100, 8, 0644);
      octal(header, 108, 8, 0);
      octal(header, 116, 8, 0);
      octal(header, 124, 12, content.length);
      octal(header, 136, 12, 0);
      header[156] = '0';
      field(header, 257, 6, "ustar");
      field(header, 263, 2, "00");
      java.util.Arrays.fill(header, 148, 156, (byte) ' ');
      int sum = 0;
      for (byte b : header) {
        sum += b & 0xff;
      }
      octal(header, 148, 7, sum);
      int padded = (content.length + BLOCK - 1) / BLOCK * BLOCK;
      byte[] tar = new byte[BLOCK + padded + 2 * BLOCK];
      System.arraycopy(header, 0, tar, 0, BLOCK);
      System.arraycopy(content, 0, tar, BLOCK, content.length);
      return tar;
    }

    private static void field(byte[] header, int at, int length, String text) {
      byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
      System.arraycopy(bytes, 0, header, at, Math.min(bytes.length, length));
    }

    /** Zero-padded octal digits, NUL-terminated, filling {@code length} bytes. */
    private static void octal(byte[] header, int at, int length, long value) {
      String digits = String.format("%0" + (length - 1) + "o", value);
      field(header, at, length - 1, digits);
      header[at + length - 1] = 0;
    }
  }
}
