package dev.tollgate.gateway.policy.edit;

/** An edit of a policy file that was refused; nothing was written. {@link #kind()} says why, for the API's status code. */
public final class PolicyEditException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why an edit was refused. */
  public enum Kind {
    /** The edited file would not validate, or the request names no such list or set. */
    INVALID,
    /** The entry to remove is not in the list. */
    NOT_FOUND,
    /** The entry to add is already in the list. */
    DUPLICATE,
    /** The file is not in a state this editor can change (invalid now, or a flow list). */
    UNEDITABLE,
    /** The file changed since the version the caller read. */
    STALE,
    /** The caller did not say which version of the file it read. */
    VERSION_MISSING
  }

  private final Kind kind;

  public PolicyEditException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
