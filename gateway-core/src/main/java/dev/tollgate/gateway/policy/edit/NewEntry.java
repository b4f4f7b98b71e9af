package dev.tollgate.gateway.policy.edit;

import java.util.Optional;

/**
 * An entry to add to a list, as an admin asked for it: the name (or glob), and optionally the version
 * constraint, the note (who asked, why) and the expiry date, each as the policy file spells it. The
 * values are checked by loading the edited file, so the file's rules are the only rules.
 */
public record NewEntry(String name, Optional<String> version, Optional<String> note, Optional<String> expires) {

  public NewEntry {
    version = version.filter(v -> !v.isBlank());
    note = note.filter(n -> !n.isBlank());
    expires = expires.filter(e -> !e.isBlank());
  }
}
