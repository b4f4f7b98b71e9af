package dev.tollgate.gateway.audit;

import java.security.SecureRandom;

/**
 * Short ids for decisions: shown to a refused client and written to the audit log, so a security
 * team can find the line (and turn it into an allow-list entry). Crockford base32, 8 characters.
 */
public final class DecisionIds {

  private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private DecisionIds() {}

  public static String next() {
    long bits = RANDOM.nextLong();
    char[] id = new char[8];
    for (int i = 0; i < id.length; i++) {
      id[i] = ALPHABET[(int) (bits & 31)];
      bits >>>= 5;
    }
    return new String(id);
  }
}
