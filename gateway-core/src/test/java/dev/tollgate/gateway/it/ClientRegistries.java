package dev.tollgate.gateway.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The containers configuration (containers-registries.conf(5) and a signature policy) that points
 * skopeo and podman at Tollgate as a {@code [[registry.mirror]]} for a registry name. Mirror
 * failures fall back silently to the registry's own location, so the tests name a registry whose
 * location is a closed loopback port: whatever the client gets, it got through Tollgate.
 *
 * @param registry the registry name images are pulled by ({@code 127.0.0.1:CLOSED})
 * @param registriesConf the registries.conf file
 * @param policy a signature policy accepting anything (signatures are the gateway's job here)
 */
record ClientRegistries(String registry, Path registriesConf, Path policy) {

  /** Writes the files into {@code dir}, mirroring a closed-port registry name at {@code mirror} (host:port). */
  static ClientRegistries mirroredAt(Path dir, String mirror) throws IOException {
    Files.createDirectories(dir);
    String registry = "127.0.0.1:" + OciRegistry.freeLoopbackPort();
    Path conf = dir.resolve("registries.conf");
    Files.writeString(conf, """
        unqualified-search-registries = []
        [[registry]]
        prefix = "%1$s"
        location = "%1$s"
        insecure = true
        [[registry.mirror]]
        location = "%2$s"
        insecure = true
        """.formatted(registry, mirror), StandardCharsets.UTF_8);
    Path policy = dir.resolve("policy.json");
    Files.writeString(policy, "{\"default\":[{\"type\":\"insecureAcceptAnything\"}]}\n", StandardCharsets.UTF_8);
    return new ClientRegistries(registry, conf, policy);
  }

  /** The reference a client pulls {@code repository:tag} by. */
  String reference(String repository, String tag) {
    return registry + "/" + repository + ":" + tag;
  }
}
