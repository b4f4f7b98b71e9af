package dev.tollgate.gateway.signature;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.tollgate.gateway.config.ConfigException;
import dev.tollgate.gateway.config.YamlFieldLines;
import dev.tollgate.policy.signature.ImageGlob;
import dev.tollgate.policy.signature.ImageSignatureRule;
import dev.tollgate.policy.signature.KeylessIdentity;
import dev.tollgate.policy.signature.SignatureAuthority;
import dev.tollgate.policy.signature.SignaturePolicy;
import dev.tollgate.policy.signature.TextMatch;
import dev.tollgate.policy.signature.TrustedKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the image signature policy, {@code policy/signatures.yaml}: which images must be signed,
 * by which keys or keyless identities, and how many of them. Every key is parsed and every regex
 * compiled here, so a mistake stops the gateway at start with the file, line and field named,
 * instead of refusing pulls later. A missing file means no image needs a signature.
 */
public final class SignaturePolicyLoader {

  /** The policy file's name inside the policy directory. */
  public static final String FILE_NAME = "signatures.yaml";

  private static final ObjectMapper YAML = YAMLMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  private final Path file;
  private final YamlFieldLines lines;

  private SignaturePolicyLoader(Path file) {
    this.file = file;
    this.lines = YamlFieldLines.of(file);
  }

  /** The policy in {@code policyDirectory/signatures.yaml}, or {@link SignaturePolicy#none()} without one. */
  public static SignaturePolicy load(Path policyDirectory) throws ConfigException {
    Path file = policyDirectory.resolve(FILE_NAME);
    if (!Files.exists(file)) {
      return SignaturePolicy.none();
    }
    return new SignaturePolicyLoader(file).read();
  }

  private SignaturePolicy read() throws ConfigException {
    RawFile raw;
    try {
      raw = YAML.readValue(file.toFile(), RawFile.class);
    } catch (JsonMappingException e) {
      String field = e.getPath().stream()
          .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
          .collect(Collectors.joining(".")).replace(".[", "[");
      throw error(field, e.getOriginalMessage().lines().findFirst().orElse("invalid"));
    } catch (JsonProcessingException e) {
      throw new ConfigException(file + ":" + e.getLocation().getLineNr() + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot be read: " + e.getMessage(), e);
    }
    if (raw == null) {
      return SignaturePolicy.none();
    }
    List<ImageSignatureRule> rules = new ArrayList<>();
    List<RawImage> images = raw.images() == null ? List.of() : raw.images();
    for (int i = 0; i < images.size(); i++) {
      rules.add(rule("images[" + i + "]", images.get(i)));
    }
    return new SignaturePolicy(rules, unmatched(raw.unmatched()));
  }

  private SignaturePolicy.Unmatched unmatched(String text) throws ConfigException {
    if (text == null) {
      return SignaturePolicy.Unmatched.DENY;
    }
    try {
      return SignaturePolicy.Unmatched.valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw error("unmatched", "'" + text + "' is not deny or allow");
    }
  }

  private ImageSignatureRule rule(String field, RawImage raw) throws ConfigException {
    ImageGlob glob;
    try {
      glob = ImageGlob.parse(raw.glob());
    } catch (IllegalArgumentException e) {
      throw error(field + ".glob", e.getMessage());
    }
    List<RawAuthority> rawAuthorities = raw.authorities() == null ? List.of() : raw.authorities();
    if (rawAuthorities.isEmpty()) {
      throw error(field + ".authorities", "needs at least one authority (a key or keyless identities)");
    }
    List<SignatureAuthority> authorities = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < rawAuthorities.size(); i++) {
      String at = field + ".authorities[" + i + "]";
      SignatureAuthority authority = authority(at, rawAuthorities.get(i));
      if (!names.add(authority.name())) {
        throw error(at + ".name", "'" + authority.name() + "' names two authorities of this entry");
      }
      authorities.add(authority);
    }
    int threshold = raw.threshold() == null ? 1 : raw.threshold();
    try {
      return new ImageSignatureRule(glob, authorities, threshold,
          file.getFileName() + ":" + lines.nearestLine(field + ".glob").orElse(0));
    } catch (IllegalArgumentException e) {
      throw error(field + ".threshold", e.getMessage());
    }
  }

  private SignatureAuthority authority(String field, RawAuthority raw) throws ConfigException {
    if (raw.name() == null || raw.name().isBlank()) {
      throw error(field + ".name", "is missing: every authority needs a name for verdicts and the audit log");
    }
    int kinds = (raw.key() != null ? 1 : 0) + (raw.keyFile() != null ? 1 : 0) + (raw.keyless() != null ? 1 : 0);
    if (kinds != 1) {
      throw error(field, "needs exactly one of key, keyFile and keyless");
    }
    if (raw.keyless() != null) {
      return keyless(field + ".keyless", raw.name().trim(), raw.keyless());
    }
    String pem = raw.key();
    String keyField = field + ".key";
    if (raw.keyFile() != null) {
      keyField = field + ".keyFile";
      Path keyFile = file.getParent().resolve(raw.keyFile()).normalize();
      try {
        pem = Files.readString(keyFile, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw error(keyField, "cannot read " + keyFile + ": " + e.getMessage());
      }
    }
    try {
      return new SignatureAuthority.Key(raw.name().trim(), TrustedKey.parse(pem));
    } catch (IllegalArgumentException e) {
      throw error(keyField, e.getMessage());
    }
  }

  private SignatureAuthority keyless(String field, String name, RawKeyless raw) throws ConfigException {
    List<RawIdentity> identities = raw.identities() == null ? List.of() : raw.identities();
    if (identities.isEmpty()) {
      throw error(field + ".identities", "needs at least one identity (issuer and subject)");
    }
    List<KeylessIdentity> parsed = new ArrayList<>();
    for (int i = 0; i < identities.size(); i++) {
      String at = field + ".identities[" + i + "]";
      RawIdentity identity = identities.get(i);
      parsed.add(new KeylessIdentity(match(at, "issuer", identity.issuer(), identity.issuerRegex()),
          match(at, "subject", identity.subject(), identity.subjectRegex())));
    }
    return new SignatureAuthority.Keyless(name, parsed);
  }

  private TextMatch match(String field, String what, String exact, String regex) throws ConfigException {
    if ((exact == null) == (regex == null)) {
      throw error(field, "needs exactly one of " + what + " and " + what + "Regex");
    }
    try {
      return exact != null ? TextMatch.exact(exact) : TextMatch.regex(regex);
    } catch (IllegalArgumentException e) {
      throw error(field + "." + (exact != null ? what : what + "Regex"), e.getMessage());
    }
  }

  private ConfigException error(String field, String why) {
    String where = lines.nearestLine(field).map(line -> file + ":" + line).orElse(file.toString());
    return new ConfigException(where + ": " + field + ": " + why);
  }

  record RawFile(String unmatched, List<RawImage> images) {}

  record RawImage(String glob, Integer threshold, List<RawAuthority> authorities) {}

  record RawAuthority(String name, String key, String keyFile, RawKeyless keyless) {}

  record RawKeyless(List<RawIdentity> identities) {}

  record RawIdentity(String issuer, String issuerRegex, String subject, String subjectRegex) {}
}
