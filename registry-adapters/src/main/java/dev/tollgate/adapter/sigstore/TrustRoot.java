package dev.tollgate.adapter.sigstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sigstore.fulcio.client.FulcioVerifier;
import dev.sigstore.rekor.client.RekorVerifier;
import dev.sigstore.timestamp.client.TimestampVerifier;
import dev.sigstore.trustroot.SigstoreTrustedRoot;
import dev.sigstore.trustroot.TransparencyLog;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The Sigstore trust the gateway verifies against, read once from pinned {@code trusted_root.json}
 * files (the public-good root plus any private ones, merged) with no TUF and no network. It lints
 * what sigstore-java 2.0.0 lets through (a missing {@code validFor.start} reads as 1970) and holds
 * the sigstore-java verifiers built from it, which are immutable and safe to share.
 */
public final class TrustRoot {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> SECTIONS = List.of("certificateAuthorities", "tlogs", "ctlogs",
      "timestampAuthorities");

  private final SigstoreTrustedRoot root;
  private final FulcioVerifier fulcio;
  private final RekorVerifier rekor;
  private final TimestampVerifier timestamps;

  private TrustRoot(SigstoreTrustedRoot root) throws TrustRootException {
    this.root = root;
    try {
      this.fulcio = FulcioVerifier.newFulcioVerifier(root);
      this.rekor = RekorVerifier.newRekorVerifier(root);
      this.timestamps = TimestampVerifier.newTimestampVerifier(root);
    } catch (Exception e) {
      throw new TrustRootException("the trusted root holds a key or certificate sigstore-java cannot use: "
          + SignatureCheckException.describe(e), e);
    }
  }

  /** Loads and merges the files, in order; the first is usually the shipped public-good root. */
  public static TrustRoot load(List<Path> files) throws TrustRootException {
    if (files.isEmpty()) {
      throw new TrustRootException("no trusted_root.json given");
    }
    ObjectNode merged = JSON.createObjectNode();
    merged.put("mediaType", "application/vnd.dev.sigstore.trustedroot+json;version=0.1");
    SECTIONS.forEach(merged::putArray);
    for (Path file : files) {
      JsonNode one = read(file);
      for (String section : SECTIONS) {
        JsonNode entries = one.path(section);
        if (!entries.isMissingNode() && !entries.isArray()) {
          throw new TrustRootException(file + ": '" + section + "' must be a list");
        }
        entries.forEach(((ArrayNode) merged.get(section))::add);
      }
    }
    try {
      return new TrustRoot(SigstoreTrustedRoot.from(new ByteArrayInputStream(JSON.writeValueAsBytes(merged))));
    } catch (TrustRootException e) {
      throw e;
    } catch (Exception e) {
      throw new TrustRootException(files + ": not a usable trusted root: " + SignatureCheckException.describe(e), e);
    }
  }

  private static JsonNode read(Path file) throws TrustRootException {
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new TrustRootException(file + ": cannot be read as JSON: " + SignatureCheckException.describe(e), e);
    }
    if (root == null || !root.isObject()) {
      throw new TrustRootException(file + ": must be a JSON object");
    }
    String mediaType = root.path("mediaType").asText("");
    if (!mediaType.isEmpty() && !mediaType.equals("application/vnd.dev.sigstore.trustedroot+json;version=0.1")) {
      throw new TrustRootException(file + ": unsupported mediaType '" + mediaType + "'");
    }
    lint(file, root, "certificateAuthorities", "validFor");
    lint(file, root, "timestampAuthorities", "validFor");
    lint(file, root, "tlogs", "publicKey");
    lint(file, root, "ctlogs", "publicKey");
    return root;
  }

  /** Every entry must say since when it is trusted; a missing start would silently mean 1970. */
  private static void lint(Path file, JsonNode root, String section, String holder) throws TrustRootException {
    int index = 0;
    for (JsonNode entry : root.path(section)) {
      JsonNode start = "validFor".equals(holder)
          ? entry.path("validFor").path("start")
          : entry.path("publicKey").path("validFor").path("start");
      if (start.asText("").isEmpty()) {
        String field = "validFor".equals(holder) ? "validFor.start" : "publicKey.validFor.start";
        throw new TrustRootException(file + ": " + section + "[" + index + "]." + field + " is missing");
      }
      index++;
    }
  }

  FulcioVerifier fulcio() {
    return fulcio;
  }

  RekorVerifier rekor() {
    return rekor;
  }

  TimestampVerifier timestamps() {
    return timestamps;
  }

  /** The transparency log with this id whose key was valid at {@code time}. */
  Optional<TransparencyLog> tlog(byte[] logId, Instant time) {
    return TransparencyLog.find(root.getTLogs(), logId, time);
  }
}
