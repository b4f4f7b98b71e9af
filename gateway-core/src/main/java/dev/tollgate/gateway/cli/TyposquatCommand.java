package dev.tollgate.gateway.cli;

import dev.tollgate.gateway.config.ConfigLoader;
import dev.tollgate.gateway.policy.PopularNamesLoader;
import dev.tollgate.policy.typosquat.ProtectedNames;
import dev.tollgate.policy.typosquat.ProtectedNamesParser;
import dev.tollgate.policy.typosquat.TyposquatDetector;
import dev.tollgate.policy.typosquat.TyposquatEvaluation;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code tollgate typosquat}: runs the typosquat detector over names read on stdin, so it can be
 * evaluated on outside data. {@code --protected FILE} replaces the shipped popular-name lists.
 */
public final class TyposquatCommand {

  private TyposquatCommand() {}

  public static int run(List<String> args, InputStream in, PrintStream out) throws Exception {
    Options options = Options.parse(args, Set.of("--protected", "--config"));
    if (!options.positional().isEmpty()) {
      throw new UsageException("typosquat reads names on stdin and takes no arguments besides its options");
    }
    ProtectedNames names;
    if (options.get("--protected").isPresent()) {
      try (Reader reader = Files.newBufferedReader(Path.of(options.get("--protected").get()), StandardCharsets.UTF_8)) {
        names = ProtectedNamesParser.parseProtectedFile(reader);
      }
    } else {
      Path configDir = Path.of(options.get("--config").orElse("conf"));
      names = PopularNamesLoader.load(ConfigLoader.load(configDir, System.getenv()).policy().popularDirectory());
    }
    TyposquatEvaluation evaluation = new TyposquatEvaluation(TyposquatDetector.build(names));
    BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    evaluation.run(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), writer);
    writer.flush();
    return 0;
  }
}
