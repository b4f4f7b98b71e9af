package dev.tollgate.gateway.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The programs the OCI end-to-end tests run: Debian's docker-registry as the upstream, skopeo and
 * podman (with runc, which works here where crun does not) as clients, and the JDK's keytool for
 * the token server's key. They are found, not installed: when one is missing the tests fail naming
 * it, because a skipped end-to-end test looks like a passing one in a CI summary.
 */
record OciTools(Path registry, Path skopeo, Path podman, Path runc, Path keytool) {

  private static final String INSTALL_HINT = "run scripts/test as root, which installs them, or: apt-get install"
      + " docker-registry skopeo podman runc";

  /** Finds every tool or fails, naming each one that is missing. */
  static OciTools require() {
    List<String> missing = new ArrayList<>();
    Path registry = onPath("docker-registry", missing);
    Path skopeo = onPath("skopeo", missing);
    Path podman = onPath("podman", missing);
    Path runc = onPath("runc", missing);
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    if (!Files.isExecutable(keytool)) {
      missing.add(keytool + " (the JDK's keytool)");
    }
    if (!missing.isEmpty()) {
      throw new AssertionError("the OCI end-to-end tests cannot run: missing " + String.join(", ", missing) + "; "
          + INSTALL_HINT);
    }
    return new OciTools(registry, skopeo, podman, runc, keytool);
  }

  private static Path onPath(String program, List<String> missing) {
    for (String dir : (System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin").split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
        return Path.of(dir, program);
      }
    }
    missing.add(program);
    return null;
  }
}
