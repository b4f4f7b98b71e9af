package dev.tollgate.policy.typosquat;

/** The kind of resemblance that makes a name look like a protected one; named in every reason. */
public enum Similarity {
  ONE_EDIT("one character changed, added or removed"),
  TRANSPOSITION("two adjacent characters swapped"),
  SEPARATOR("separators changed, added or removed"),
  CONFUSABLE("visually confusable characters"),
  AFFIX("the same name with a common prefix or suffix"),
  SCOPE("the same name with its npm scope changed or dropped");

  private final String description;

  Similarity(String description) {
    this.description = description;
  }

  /** A phrase for messages, e.g. "two adjacent characters swapped". */
  public String description() {
    return description;
  }
}
