package dev.tollgate.gateway.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds the bytes of hand-made, pure-Python distributions: a wheel that pip installs for real
 * (module, METADATA, WHEEL and a RECORD with each entry's sha256) and an sdist. Made by hand in
 * milliseconds, with no build backend, so fixtures can be shaped exactly as a test needs.
 */
final class DistributionArchives {

  private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2024, 1, 1, 0, 0);
  private static final int TAR_BLOCK = 512;

  private DistributionArchives() {}

  /** The core metadata (the wheel's {@code METADATA}, and the PEP 658 file). */
  static byte[] coreMetadata(FixtureRelease release) {
    StringBuilder text = new StringBuilder()
        .append("Metadata-Version: 2.1\n")
        .append("Name: ").append(release.project()).append('\n')
        .append("Version: ").append(release.version()).append('\n')
        .append("Summary: Tollgate integration-test fixture\n");
    release.requiresPython().ifPresent(spec -> text.append("Requires-Python: ").append(spec).append('\n'));
    release.requiresDist().forEach(requirement -> text.append("Requires-Dist: ").append(requirement).append('\n'));
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The wheel, its entries stored uncompressed. {@code moduleSource} is the module's
   * {@code __init__.py}, so a tampered copy is a valid wheel that differs only in its code; with
   * source of the same length it even has the same size, so that only the sha256 can tell.
   */
  static byte[] wheel(FixtureRelease release, String moduleSource) {
    String distInfo = release.moduleName() + "-" + release.version() + ".dist-info";
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put(release.moduleName() + "/__init__.py", moduleSource.getBytes(StandardCharsets.UTF_8));
    entries.put(distInfo + "/METADATA", coreMetadata(release));
    entries.put(distInfo + "/WHEEL", ("Wheel-Version: 1.0\nGenerator: tollgate-it\nRoot-Is-Purelib: true\n"
        + "Tag: py3-none-any\n").getBytes(StandardCharsets.UTF_8));
    StringBuilder record = new StringBuilder();
    entries.forEach((path, data) -> record.append(path).append(",sha256=")
        .append(Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(data)))
        .append(',').append(data.length).append('\n'));
    record.append(distInfo).append("/RECORD,,\n");
    entries.put(distInfo + "/RECORD", record.toString().getBytes(StandardCharsets.UTF_8));

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        ZipEntry zipEntry = new ZipEntry(entry.getKey());
        zipEntry.setTimeLocal(ENTRY_TIME);
        zipEntry.setMethod(ZipEntry.STORED);
        zipEntry.setSize(entry.getValue().length);
        CRC32 crc = new CRC32();
        crc.update(entry.getValue());
        zipEntry.setCrc(crc.getValue());
        zip.putNextEntry(zipEntry);
        zip.write(entry.getValue());
        zip.closeEntry();
      }
    } catch (IOException impossible) {
      throw new IllegalStateException(impossible);
    }
    return bytes.toByteArray();
  }

  /** The module source every untampered release ships: it just states its version. */
  static String moduleSource(FixtureRelease release) {
    return "__version__ = \"" + release.version() + "\"\n";
  }

  /** A gzipped ustar sdist with PKG-INFO, pyproject.toml and the module, as {@code <name>-<version>/}. */
  static byte[] sdist(FixtureRelease release) {
    String root = release.moduleName() + "-" + release.version() + "/";
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put(root + "PKG-INFO", coreMetadata(release));
    entries.put(root + "pyproject.toml", ("[build-system]\nrequires = [\"setuptools\"]\n"
        + "build-backend = \"setuptools.build_meta\"\n").getBytes(StandardCharsets.UTF_8));
    entries.put(root + release.moduleName() + "/__init__.py",
        moduleSource(release).getBytes(StandardCharsets.UTF_8));

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        gzip.write(tarHeader(entry.getKey(), entry.getValue().length));
        gzip.write(entry.getValue());
        gzip.write(new byte[padding(entry.getValue().length)]);
      }
      gzip.write(new byte[2 * TAR_BLOCK]);
    } catch (IOException impossible) {
      throw new IllegalStateException(impossible);
    }
    return bytes.toByteArray();
  }

  /** A POSIX ustar header for a regular file (mode 0644, owner 0, fixed mtime). */
  private static byte[] tarHeader(String name, int size) {
    byte[] header = new byte[TAR_BLOCK];
    put(header, 0, name);
    put(header, 100, "0000644\0");
    put(header, 108, "0000000\0");
    put(header, 116, "0000000\0");
    put(header, 124, String.format("%011o\0", size));
    put(header, 136, String.format("%011o\0", 1_704_067_200L));
    put(header, 148, "        ");
    header[156] = '0';
    put(header, 257, "ustar\0");
    put(header, 263, "00");
    int checksum = 0;
    for (byte b : header) {
      checksum += b & 0xff;
    }
    put(header, 148, String.format("%06o\0 ", checksum));
    return header;
  }

  private static void put(byte[] header, int offset, String text) {
    byte[] ascii = text.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(ascii, 0, header, offset, ascii.length);
  }

  private static int padding(int size) {
    return (TAR_BLOCK - size % TAR_BLOCK) % TAR_BLOCK;
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  static String sha256Hex(byte[] data) {
    return HexFormat.of().formatHex(sha256(data));
  }
}
