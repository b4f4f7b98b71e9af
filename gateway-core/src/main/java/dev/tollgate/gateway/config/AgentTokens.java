package dev.tollgate.gateway.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules agent tokens follow wherever they are configured (the tokens file, the environment):
 * names and tokens are checked here, and a token is kept only as its SHA-256, so no configuration
 * value, log line or error message can ever show it.
 */
public final class AgentTokens {

  /** Shorter tokens are refused: a token is a password that nobody types, so it can be long. */
  public static final int MIN_LENGTH = 16;

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7e]+");
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern ENV_ENTRY = Pattern.compile("([^@=\\s,]+)(?:@([^=\\s,]+))?=([^\\s,]+)");

  private AgentTokens() {}

  /** The lower-case hex SHA-256 of {@code token}'s UTF-8 bytes: how a token is stored and compared. */
  public static String sha256(String token) {
    return HexFormat.of().formatHex(digest(token));
  }

  /** The raw SHA-256 of {@code token}'s UTF-8 bytes. */
  public static byte[] digest(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** Checks the name of an agent or a profile; the message says why it is refused. */
  public static String checkName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("agent and profile names are 1-64 letters, digits, '.', '_' or '-',"
          + " starting with a letter or digit");
    }
    return name;
  }

  /** Checks a plain token (printable ASCII, no spaces, at least {@value #MIN_LENGTH} characters) and hashes it. */
  public static String hashChecked(String token) {
    if (token == null || token.length() < MIN_LENGTH || !TOKEN.matcher(token).matches()) {
      throw new IllegalArgumentException("a token is at least " + MIN_LENGTH
          + " printable ASCII characters without spaces (e.g. `openssl rand -hex 24`)");
    }
    return sha256(token);
  }

  /** Checks a configured SHA-256 (64 hex digits) and returns it in lower case. */
  public static String checkSha256(String hex) {
    String lower = hex == null ? "" : hex.trim().toLowerCase(java.util.Locale.ROOT);
    if (!SHA256.matcher(lower).matches()) {
      throw new IllegalArgumentException("a sha256 is 64 hex digits (`printf %s TOKEN | sha256sum`)");
    }
    return lower;
  }

  /**
   * Parses {@code TOLLGATE_AGENT_TOKENS}: entries {@code name=token} or {@code name@profile=token},
   * separated by commas or white space. The message of a refusal names the entry by its position,
   * never by its token.
   */
  public static List<GatewayConfig.AgentToken> parseEnvironment(String value) {
    List<GatewayConfig.AgentToken> tokens = new ArrayList<>();
    int position = 0;
    for (String entry : value.trim().split("[\\s,]+")) {
      if (entry.isEmpty()) {
        continue;
      }
      position++;
      Matcher m = ENV_ENTRY.matcher(entry);
      if (!m.matches()) {
        throw new IllegalArgumentException("entry " + position + " is not name=token or name@profile=token");
      }
      try {
        tokens.add(new GatewayConfig.AgentToken(checkName(m.group(1)), hashChecked(m.group(3)),
            m.group(2) == null ? GatewayConfig.Profile.DEFAULT : m.group(2)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("entry " + position + ": " + e.getMessage(), e);
      }
    }
    return tokens;
  }
}
