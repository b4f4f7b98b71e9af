package dev.tollgate.gateway.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A command's arguments split into {@code --name value} options, {@code --flag}s and positional words. */
final class Options {

  private final Map<String, String> named;
  private final Set<String> flags;
  private final List<String> positional;

  private Options(Map<String, String> named, Set<String> flags, List<String> positional) {
    this.named = named;
    this.flags = flags;
    this.positional = positional;
  }

  /** Parses {@code args}; only options in {@code known} are accepted, each taking one value. */
  static Options parse(List<String> args, Set<String> known) throws UsageException {
    return parse(args, known, Set.of());
  }

  /** As {@link #parse(List, Set)}, also accepting the value-less {@code knownFlags}. */
  static Options parse(List<String> args, Set<String> known, Set<String> knownFlags) throws UsageException {
    Map<String, String> named = new HashMap<>();
    Set<String> flags = new HashSet<>();
    List<String> positional = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (knownFlags.contains(arg)) {
        flags.add(arg);
      } else if (arg.startsWith("--")) {
        String name = arg;
        String value;
        int eq = arg.indexOf('=');
        if (eq > 0) {
          name = arg.substring(0, eq);
          value = arg.substring(eq + 1);
        } else if (i + 1 < args.size()) {
          value = args.get(++i);
        } else {
          throw new UsageException(arg + " needs a value");
        }
        if (!known.contains(name)) {
          throw new UsageException("unknown option " + name);
        }
        named.put(name, value);
      } else {
        positional.add(arg);
      }
    }
    return new Options(named, flags, positional);
  }

  Optional<String> get(String name) {
    return Optional.ofNullable(named.get(name));
  }

  boolean has(String flag) {
    return flags.contains(flag);
  }

  List<String> positional() {
    return positional;
  }
}
