package dev.tollgate.policy.signature;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One side of a keyless identity (OIDC issuer or certificate subject) as a policy writes it:
 * either an exact string or a regular expression that must match the whole value. Exists so
 * that "exact or regex" is decided once, when the policy is read.
 */
public final class TextMatch {

  private final String text;
  private final Pattern regex;

  private TextMatch(String text, Pattern regex) {
    this.text = text;
    this.regex = regex;
  }

  /** A value that must be equal, character for character. */
  public static TextMatch exact(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("is empty");
    }
    return new TextMatch(text, null);
  }

  /**
   * A regular expression that must match the whole value.
   *
   * @throws IllegalArgumentException when the expression does not compile
   */
  public static TextMatch regex(String expression) {
    if (expression == null || expression.isBlank()) {
      throw new IllegalArgumentException("is empty");
    }
    try {
      return new TextMatch(expression, Pattern.compile(expression));
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("'" + expression + "' is not a regular expression: "
          + e.getDescription());
    }
  }

  public boolean matches(String value) {
    if (value == null) {
      return false;
    }
    return regex == null ? text.equals(value) : regex.matcher(value).matches();
  }

  public boolean isRegex() {
    return regex != null;
  }

  /** The exact value or the expression, as written. */
  public String text() {
    return text;
  }

  @Override
  public String toString() {
    return regex == null ? text : "/" + text + "/";
  }
}
