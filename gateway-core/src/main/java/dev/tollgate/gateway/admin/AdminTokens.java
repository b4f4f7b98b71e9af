package dev.tollgate.gateway.admin;

import dev.tollgate.gateway.config.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bearer tokens that open the admin API: the lines of {@code admin.tokensFile} (blank lines and
 * {@code #} comments skipped) and {@code TOLLGATE_ADMIN_TOKEN}. Only SHA-256 digests are kept, and a
 * presented token is compared with every one in constant time, so neither timing nor a heap dump
 * gives a token away; tokens are never logged.
 */
public final class AdminTokens {

  /** The environment variable holding one admin token. */
  public static final String ENVIRONMENT = "TOLLGATE_ADMIN_TOKEN";
  private static final String BEARER = "bearer ";

  private final List<byte[]> digests;

  private AdminTokens(List<byte[]> digests) {
    this.digests = List.copyOf(digests);
  }

  /** Reads the tokens file (if configured) and the environment variable. */
  public static AdminTokens load(Optional<Path> file, Map<String, String> env) throws ConfigException {
    List<byte[]> digests = new ArrayList<>();
    if (file.isPresent()) {
      try {
        for (String line : Files.readAllLines(file.get(), StandardCharsets.UTF_8)) {
          String token = line.trim();
          if (!token.isEmpty() && !token.startsWith("#")) {
            digests.add(digest(token));
          }
        }
      } catch (IOException e) {
        throw new ConfigException(file.get() + ": admin.tokensFile cannot be read: " + e.getMessage(), e);
      }
    }
    String fromEnv = env.get(ENVIRONMENT);
    if (fromEnv != null && !fromEnv.isBlank()) {
      digests.add(digest(fromEnv.trim()));
    }
    return new AdminTokens(digests);
  }

  /** Whether no token is configured: then every admin request is refused. */
  public boolean isEmpty() {
    return digests.isEmpty();
  }

  /** Whether an {@code Authorization} header value carries one of the tokens as {@code Bearer <token>}. */
  public boolean accepts(String authorization) {
    if (authorization == null || authorization.length() <= BEARER.length()
        || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return false;
    }
    byte[] presented = digest(authorization.substring(BEARER.length()).trim());
    boolean match = false;
    for (byte[] known : digests) {
      match |= MessageDigest.isEqual(known, presented);
    }
    return match;
  }

  private static byte[] digest(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
