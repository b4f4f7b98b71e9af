package dev.tollgate.gateway.npm;

import dev.tollgate.adapter.npm.FilteredPackument;
import dev.tollgate.adapter.npm.MalformedPackumentException;
import dev.tollgate.adapter.npm.NpmPaths;
import dev.tollgate.adapter.npm.PackumentFilter;
import dev.tollgate.adapter.npm.VersionInfo;
import dev.tollgate.gateway.audit.Refusals;
import dev.tollgate.policy.coordinates.Ecosystem;
import dev.tollgate.policy.coordinates.PackageCoordinates;
import dev.tollgate.policy.coordinates.PackageNames;
import dev.tollgate.policy.coordinates.ReleaseFacts;
import dev.tollgate.policy.decision.Decision;
import dev.tollgate.policy.decision.Verdict;
import dev.tollgate.policy.engine.PolicyEngine;
import dev.tollgate.policy.rules.PackagePolicy;
import dev.tollgate.policy.version.npm.NpmVersion;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A packument as one policy lets a client see it: refused versions (and versions without a digest
 * to check) removed, dist-tags re-pointed, tarball URLs leading back through the gateway, with an
 * ETag for conditional requests. Depends only on the upstream document, the policy engine and the
 * gateway's public URL, so it is computed once per combination and reused.
 *
 * @param refusal when versions existed but none is left, the refusal that best says why (see
 *     {@link Refusals#mostTelling})
 */
record RenderedPackument(byte[] json, String etag, Optional<Decision> refusal, Map<String, Object> details) {

  private static final int MAX_AUDITED_VERSIONS = 50;

  static RenderedPackument of(PolicyEngine engine, String name, byte[] upstream, String publicMount)
      throws MalformedPackumentException {
    Map<String, Decision> decisions = new LinkedHashMap<>();
    FilteredPackument filtered = PackumentFilter.filter(upstream, name,
        info -> decide(engine, name, info, decisions).verdict() != Verdict.DENY && info.expectedDigest().isPresent(),
        (n, version, original) -> publicMount + NpmPaths.tarballPath(n, version));
    List<String> removed = filtered.summary().removed();
    Map<String, Object> details = new LinkedHashMap<>();
    if (!removed.isEmpty()) {
      details.put("hiddenVersions", removed.subList(0, Math.min(removed.size(), MAX_AUDITED_VERSIONS)));
    }
    details.put("versions", filtered.summary().kept().size());
    List<String> deprecated = filtered.summary().kept().values().stream()
        .filter(VersionInfo::isDeprecated).map(VersionInfo::version).toList();
    if (!deprecated.isEmpty()) {
      details.put("deprecatedVersions", deprecated.subList(0, Math.min(deprecated.size(), MAX_AUDITED_VERSIONS)));
    }
    Optional<Decision> refusal = Optional.empty();
    if (!filtered.summary().anyKept() && !removed.isEmpty()) {
      refusal = Refusals.mostTelling(decisions, NpmVersion::tryParse);
    }
    return new RenderedPackument(filtered.json(), etag(filtered.json()), refusal, Map.copyOf(details));
  }

  static Decision decide(PolicyEngine engine, String name, VersionInfo info, Map<String, Decision> memo) {
    return memo.computeIfAbsent(info.version(), v -> decide(engine, name, info));
  }

  /** The decision on one version, with its install scripts and publish time. */
  static Decision decide(PolicyEngine engine, String name, VersionInfo info) {
    return engine.decide(PackageCoordinates.of(Ecosystem.NPM, name, info.version()),
        new ReleaseFacts(info.hasInstallScript(), info.publishedAt()));
  }

  /**
   * Whether a minimum release age applies to {@code name}: then the gateway needs each version's
   * publish time, which only the full packument carries.
   */
  static boolean needsPublishTimes(PolicyEngine engine, String name) {
    PackagePolicy policy = engine.policy(Ecosystem.NPM);
    String normalised = PackageNames.normalize(Ecosystem.NPM, name);
    return policy.minimumReleaseAge().filter(age -> !age.isZero()).isPresent()
        || policy.allow().stream().anyMatch(e -> e.name().matches(normalised)
            && e.minimumAge().filter(age -> !age.isZero()).isPresent());
  }

  private static String etag(byte[] json) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(json);
      return "\"tg-" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
