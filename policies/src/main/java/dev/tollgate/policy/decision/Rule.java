package dev.tollgate.policy.decision;

import java.util.Locale;

/** The rule a {@link Reason} comes from; its {@link #id()} is stable and used in logs and metrics. */
public enum Rule {
  /** An allow-list entry admits the package (and version). */
  ALLOW_LIST,
  /** Open mode admits what no other rule refuses. */
  OPEN_MODE,
  /** Allow-list mode, and no entry names the package. */
  NOT_ALLOWED,
  /** A deny-list entry names the package (or this version). */
  DENY_LIST,
  /** The version falls outside every allow-list entry's version constraint. */
  VERSION_NOT_ALLOWED,
  /** The only entries that would admit the package have expired. */
  ENTRY_EXPIRED,
  /** The name looks like a popular or allow-listed name it is not. */
  TYPOSQUAT,
  /** Installing the version runs scripts (npm), and its allow-list entry does not permit them. */
  INSTALL_SCRIPT,
  /** The version is younger than the minimum release age, or its publish time is unknown. */
  RELEASE_TOO_NEW,
  /** An image is pulled by tag, and its allow-list entry admits pulls by digest only. */
  DIGEST_PIN_REQUIRED,
  /** (OCI) No manifest that passed policy in the blob's repository references the blob. */
  UNREFERENCED_BLOB,
  /** (OCI) The image's signatures met its signature rule. */
  SIGNATURE_VERIFIED,
  /** (OCI) The image lacks the signatures its signature rule demands, or they do not verify. */
  SIGNATURE_REFUSED,
  /** (OCI) No signature rule covers the image, and the signature policy refuses such images. */
  NO_SIGNATURE_RULE;

  /** Lower-case, hyphenated id: {@code not-allowed}, {@code typosquat}, ... */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
