package dev.tollgate.gateway.cli;

import dev.tollgate.gateway.sandbox.AgentCredentials;
import dev.tollgate.gateway.sandbox.MirroredRegistry;
import dev.tollgate.gateway.sandbox.Sandbox;
import dev.tollgate.gateway.sandbox.SandboxRequest;
import dev.tollgate.gateway.sandbox.SandboxUnavailableException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code tollgate sandbox [--gateway URL] [--profile NAME [--token-file FILE]] [--rw DIR]...
 * [--registry HOST[=PATH]]... [--gvisor] -- COMMAND [ARGS]}: runs COMMAND where the gateway is its
 * only network route. Exits with COMMAND's exit code; 2 when the command line is wrong or the
 * sandbox cannot be set up here.
 */
public final class SandboxCommand {

  /** The gateway when {@code --gateway} is not given and {@code TOLLGATE_GATEWAY} is not set. */
  static final String DEFAULT_GATEWAY = "http://127.0.0.1:8080";
  static final String TOKEN_VARIABLE = "TOLLGATE_AGENT_TOKEN";
  /** Image registries mirrored by the gateway, comma-separated, before those of {@code --registry}. */
  static final String REGISTRIES_VARIABLE = "TOLLGATE_SANDBOX_REGISTRIES";

  private SandboxCommand() {}

  public static int run(List<String> args, PrintStream err) throws Exception {
    SandboxRequest request = parse(args, System.getenv(), Path.of("").toAbsolutePath());
    try {
      return Sandbox.run(request);
    } catch (SandboxUnavailableException e) {
      err.println("tollgate: " + e.getMessage());
      return 2;
    }
  }

  /** Reads the command line against the environment {@code env}, as started in {@code workingDirectory}. */
  static SandboxRequest parse(List<String> args, Map<String, String> env, Path workingDirectory)
      throws UsageException, IOException {
    int separator = args.indexOf("--");
    if (separator < 0 || separator == args.size() - 1) {
      throw new UsageException("sandbox needs the command after '--': tollgate sandbox [options] -- COMMAND [ARGS]");
    }
    Optional<String> gateway = Optional.empty();
    Optional<String> profile = Optional.empty();
    Optional<String> tokenFile = Optional.empty();
    List<Path> writable = new ArrayList<>();
    List<MirroredRegistry> registries = registries(env);
    boolean gvisor = false;
    List<String> options = args.subList(0, separator);
    for (int i = 0; i < options.size(); i++) {
      String option = options.get(i);
      if (option.equals("--gvisor")) {
        gvisor = true;
        continue;
      }
      if (i + 1 >= options.size()) {
        throw new UsageException(option.startsWith("--") ? option + " needs a value" : "unexpected '" + option + "'");
      }
      String value = options.get(++i);
      switch (option) {
        case "--gateway" -> gateway = Optional.of(value);
        case "--profile" -> profile = Optional.of(value);
        case "--token-file" -> tokenFile = Optional.of(value);
        case "--rw" -> writable.add(writableDirectory(value, workingDirectory));
        case "--registry" -> registries.add(registry(value, "--registry"));
        default -> throw new UsageException("unknown option " + option);
      }
    }
    return new SandboxRequest(gatewayUri(gateway.or(() -> Optional.ofNullable(env.get("TOLLGATE_GATEWAY")))
        .orElse(DEFAULT_GATEWAY)), credentials(profile, tokenFile, env, workingDirectory), writable, gvisor,
        args.subList(separator + 1, args.size()), workingDirectory, env, registries);
  }

  private static List<MirroredRegistry> registries(Map<String, String> env) throws UsageException {
    List<MirroredRegistry> registries = new ArrayList<>();
    for (String entry : env.getOrDefault(REGISTRIES_VARIABLE, "").split(",")) {
      if (!entry.isBlank()) {
        registries.add(registry(entry.strip(), REGISTRIES_VARIABLE));
      }
    }
    return registries;
  }

  private static MirroredRegistry registry(String text, String source) throws UsageException {
    try {
      return MirroredRegistry.parse(text);
    } catch (IllegalArgumentException e) {
      throw new UsageException(source + ": " + e.getMessage());
    }
  }

  private static URI gatewayUri(String text) throws UsageException {
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new UsageException("--gateway '" + text + "' is not a URL: " + e.getMessage());
    }
    if (!"http".equals(uri.getScheme()) || uri.getHost() == null || uri.getRawUserInfo() != null
        || !(uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))
        || uri.getRawQuery() != null) {
      throw new UsageException("--gateway must be http://HOST[:PORT], as 'tollgate serve' prints it; got '" + text + "'");
    }
    try {
      return new URI("http", null, uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort(), null, null, null);
    } catch (URISyntaxException e) {
      throw new UsageException("--gateway '" + text + "': " + e.getMessage());
    }
  }

  /**
   * No profile: the clients are configured anonymously. A profile: its token from the file named
   * with {@code --token-file}, else from {@code TOLLGATE_AGENT_TOKEN}; never from the command line,
   * where every user of the machine could read it.
   */
  private static Optional<AgentCredentials> credentials(Optional<String> profile, Optional<String> tokenFile,
      Map<String, String> env, Path workingDirectory) throws UsageException, IOException {
    if (profile.isEmpty()) {
      if (tokenFile.isPresent()) {
        throw new UsageException("--token-file needs --profile NAME: the profile the token belongs to");
      }
      return Optional.empty();
    }
    String token;
    if (tokenFile.isPresent()) {
      Path file = workingDirectory.resolve(tokenFile.get());
      if (!Files.isReadable(file)) {
        throw new UsageException("--token-file " + tokenFile.get() + " cannot be read");
      }
      token = Files.readString(file, StandardCharsets.UTF_8).strip();
    } else {
      token = Optional.ofNullable(env.get(TOKEN_VARIABLE)).map(String::strip).orElseThrow(() -> new UsageException(
          "--profile " + profile.get() + " needs its agent token: --token-file FILE or " + TOKEN_VARIABLE));
    }
    try {
      return Optional.of(new AgentCredentials(profile.get(), token));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private static Path writableDirectory(String text, Path workingDirectory) throws UsageException, IOException {
    Path dir = workingDirectory.resolve(text);
    if (!Files.isDirectory(dir)) {
      throw new UsageException("--rw " + text + " is not a directory");
    }
    Path real = dir.toRealPath();
    if (real.getParent() == null) {
      throw new UsageException("--rw / would make the whole filesystem writable; name the directories the command needs");
    }
    return real;
  }
}
