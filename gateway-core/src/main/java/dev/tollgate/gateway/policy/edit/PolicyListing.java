package dev.tollgate.gateway.policy.edit;

import java.util.List;
import java.util.Optional;

/**
 * One list of one policy file as it stands: the file's version tag (send it back as {@code If-Match}
 * to edit), its entries in file order, and, after an edit, why the reload that followed failed (an
 * invalid file elsewhere in the set), if it did.
 */
public record PolicyListing(String etag, List<Entry> entries, Optional<String> reloadError) {

  public PolicyListing {
    entries = List.copyOf(entries);
  }

  /** An entry as written: name, version constraint ({@code *}: all), note, expiry, and its line. */
  public record Entry(String name, String version, String note, Optional<String> expires, int line) {}
}
