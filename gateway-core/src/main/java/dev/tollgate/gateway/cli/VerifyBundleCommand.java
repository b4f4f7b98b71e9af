package dev.tollgate.gateway.cli;

import dev.tollgate.adapter.sigstore.ArtifactDigest;
import dev.tollgate.adapter.sigstore.BundleVerifier;
import dev.tollgate.adapter.sigstore.SignatureFailure;
import dev.tollgate.adapter.sigstore.TrustRoot;
import dev.tollgate.adapter.sigstore.TrustRootException;
import dev.tollgate.policy.signature.KeylessIdentity;
import dev.tollgate.policy.signature.SignatureAuthority;
import dev.tollgate.policy.signature.TextMatch;
import dev.tollgate.policy.signature.TrustedKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code tollgate verify-bundle}: checks one Sigstore bundle file with the gateway's own verifier,
 * offline against a given trusted root, so a signature the gateway refused can be examined by
 * hand and the verifier can be run over conformance cases. Exit 0 when verified, 1 when not.
 */
public final class VerifyBundleCommand {

  private VerifyBundleCommand() {}

  public static int run(List<String> args, PrintStream out) throws UsageException, IOException {
    Options options = Options.parse(args, Set.of("--bundle", "--artifact", "--digest", "--trusted-root",
        "--identity", "--key"));
    if (!options.positional().isEmpty()) {
      throw new UsageException("verify-bundle takes only options, not '" + options.positional().get(0) + "'");
    }
    Path bundle = Path.of(required(options, "--bundle"));
    Path root = Path.of(required(options, "--trusted-root"));
    ArtifactDigest digest = digest(options);
    SignatureAuthority authority = authority(options);
    byte[] json = Files.readAllBytes(bundle);
    Optional<SignatureFailure> failure;
    try {
      failure = new BundleVerifier(TrustRoot.load(List.of(root))).verify(json, digest, authority, Optional.empty());
    } catch (TrustRootException e) {
      failure = Optional.of(new SignatureFailure(SignatureFailure.Kind.UNTRUSTED_ROOT, e.getMessage()));
    }
    if (failure.isPresent()) {
      out.println("REFUSED " + bundle + " over " + digest + ": " + failure.get());
      return 1;
    }
    out.println("VERIFIED " + bundle + " over " + digest + ": signed by " + describe(authority));
    return 0;
  }

  private static ArtifactDigest digest(Options options) throws UsageException, IOException {
    Optional<String> artifact = options.get("--artifact");
    Optional<String> digest = options.get("--digest");
    if (artifact.isPresent() == digest.isPresent()) {
      throw new UsageException("verify-bundle needs exactly one of --artifact FILE and --digest sha256:HEX");
    }
    if (digest.isPresent()) {
      try {
        return ArtifactDigest.parse(digest.get());
      } catch (IllegalArgumentException e) {
        throw new UsageException("--digest: " + e.getMessage());
      }
    }
    return new ArtifactDigest("sha256", sha256(Path.of(artifact.get())));
  }

  private static SignatureAuthority authority(Options options) throws UsageException, IOException {
    Optional<String> identity = options.get("--identity");
    Optional<String> key = options.get("--key");
    if (identity.isPresent() == key.isPresent()) {
      throw new UsageException("verify-bundle needs exactly one of --identity ISSUER=SUBJECT and --key PEM");
    }
    try {
      if (key.isPresent()) {
        return new SignatureAuthority.Key(key.get(),
            TrustedKey.parse(Files.readString(Path.of(key.get()), StandardCharsets.UTF_8)));
      }
      int eq = identity.get().indexOf('=');
      if (eq <= 0 || eq == identity.get().length() - 1) {
        throw new UsageException("--identity must be ISSUER=SUBJECT");
      }
      return new SignatureAuthority.Keyless("identity", List.of(new KeylessIdentity(
          TextMatch.exact(identity.get().substring(0, eq)), TextMatch.exact(identity.get().substring(eq + 1)))));
    } catch (IllegalArgumentException e) {
      throw new UsageException((key.isPresent() ? "--key " : "--identity ") + e.getMessage());
    }
  }

  private static String describe(SignatureAuthority authority) {
    return authority instanceof SignatureAuthority.Keyless keyless
        ? keyless.identities().get(0).toString()
        : "the key in " + authority.name();
  }

  private static byte[] sha256(Path file) throws IOException {
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return ((DigestInputStream) in).getMessageDigest().digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static String required(Options options, String name) throws UsageException {
    return options.get(name).orElseThrow(() -> new UsageException("verify-bundle needs " + name));
  }
}
