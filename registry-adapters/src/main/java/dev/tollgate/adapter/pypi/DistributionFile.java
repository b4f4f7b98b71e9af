package dev.tollgate.adapter.pypi;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One file of a project page, with everything an installer reads from either serialisation of the
 * simple API, so a page read from HTML can be written as JSON and back without losing a field a
 * client acts on.
 *
 * @param filename the file's name (JSON {@code filename}; in HTML, the last segment of the link)
 * @param url the absolute upstream URL, without fragment
 * @param hashes hash name to lower-case hex digest, in upstream order
 * @param requiresPython the {@code Requires-Python} specifier, unescaped (e.g. {@code >=3.8})
 * @param yank PEP 592 status
 * @param coreMetadata PEP 658/714 separate metadata file
 * @param gpgSig whether a {@code .asc} signature exists, when the upstream says
 * @param size length in bytes (PEP 700), when known
 * @param uploadTime upload instant (PEP 700), when known
 * @param otherJsonFields keys of a JSON file entry this model does not know, kept so they reach
 *     JSON clients unchanged; read-only by convention
 */
public record DistributionFile(
    String filename,
    String url,
    Map<String, String> hashes,
    Optional<String> requiresPython,
    YankStatus yank,
    CoreMetadata coreMetadata,
    Optional<Boolean> gpgSig,
    OptionalLong size,
    Optional<Instant> uploadTime,
    Map<String, JsonNode> otherJsonFields) {

  public DistributionFile {
    Objects.requireNonNull(filename, "filename");
    Objects.requireNonNull(url, "url");
    hashes = FileHashes.ordered(Objects.requireNonNull(hashes, "hashes"));
    Objects.requireNonNull(requiresPython, "requiresPython");
    Objects.requireNonNull(yank, "yank");
    Objects.requireNonNull(coreMetadata, "coreMetadata");
    Objects.requireNonNull(gpgSig, "gpgSig");
    Objects.requireNonNull(size, "size");
    Objects.requireNonNull(uploadTime, "uploadTime");
    Objects.requireNonNull(otherJsonFields, "otherJsonFields");
    otherJsonFields =
        otherJsonFields.isEmpty()
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(otherJsonFields));
  }

  /** The file's sha256, the digest the gateway checks every download against. */
  public Optional<String> sha256() {
    return Optional.ofNullable(hashes.get(FileHashes.SHA256));
  }

  /** A builder, for parsers that meet a file's fields in whatever order a page presents them. */
  public static Builder builder() {
    return new Builder();
  }

  /** Collects a file's fields; {@link #filename} and {@link #url} must be set before building. */
  public static final class Builder {
    private String filename;
    private String url;
    private Map<String, String> hashes = Map.of();
    private Optional<String> requiresPython = Optional.empty();
    private YankStatus yank = YankStatus.NOT_YANKED;
    private CoreMetadata coreMetadata = CoreMetadata.NONE;
    private Optional<Boolean> gpgSig = Optional.empty();
    private OptionalLong size = OptionalLong.empty();
    private Optional<Instant> uploadTime = Optional.empty();
    private Map<String, JsonNode> otherJsonFields = Map.of();

    private Builder() {}

    public Builder filename(String value) {
      filename = value;
      return this;
    }

    public Builder url(String value) {
      url = value;
      return this;
    }

    /** The file's digests; the map is copied when the file is built. */
    public Builder hashes(Map<String, String> value) {
      hashes = value;
      return this;
    }

    public Builder requiresPython(String value) {
      requiresPython = value.isBlank() ? Optional.empty() : Optional.of(value);
      return this;
    }

    public Builder yank(YankStatus value) {
      yank = value;
      return this;
    }

    public Builder coreMetadata(CoreMetadata value) {
      coreMetadata = value;
      return this;
    }

    public Builder gpgSig(boolean value) {
      gpgSig = Optional.of(value);
      return this;
    }

    public Builder size(long value) {
      size = OptionalLong.of(value);
      return this;
    }

    public Builder uploadTime(Instant value) {
      uploadTime = Optional.of(value);
      return this;
    }

    public Builder otherJsonField(String key, JsonNode value) {
      if (otherJsonFields.isEmpty()) {
        otherJsonFields = new LinkedHashMap<>();
      }
      otherJsonFields.put(key, value);
      return this;
    }

    public DistributionFile build() {
      return new DistributionFile(
          filename,
          url,
          hashes,
          requiresPython,
          yank,
          coreMetadata,
          gpgSig,
          size,
          uploadTime,
          otherJsonFields);
    }
  }
}
