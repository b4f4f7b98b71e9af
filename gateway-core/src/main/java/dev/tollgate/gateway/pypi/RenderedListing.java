package dev.tollgate.gateway.pypi;

import dev.tollgate.adapter.pypi.FileLinker;
import dev.tollgate.adapter.pypi.SimpleApiCodec;
import dev.tollgate.adapter.pypi.SimpleFormat;
import dev.tollgate.adapter.pypi.SimpleProjectPage;
import dev.tollgate.gateway.audit.Refusals;
import dev.tollgate.policy.coordinates.Ecosystem;
import dev.tollgate.policy.coordinates.PackageCoordinates;
import dev.tollgate.policy.decision.Decision;
import dev.tollgate.policy.decision.Verdict;
import dev.tollgate.policy.engine.PolicyEngine;
import dev.tollgate.policy.version.pep440.Pep440Version;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A project page as one policy lets a client see it: the files of refused versions removed, written
 * in one format, with the decision the page stands for. Depends only on the upstream page, the
 * policy engine and the format, so it is computed once per combination and reused.
 *
 * <p>Files whose name declares no version of this project cannot be checked and are never listed.
 * When the name is refused, or every version is, the page keeps its files (each download is then
 * refused with the reason, which pip prints) and {@link #decision} is that refusal.
 */
record RenderedListing(byte[] body, Decision decision, Map<String, Object> details) {

  private static final int MAX_AUDITED_VERSIONS = 50;

  static RenderedListing of(PolicyEngine engine, Decision nameDecision, SimpleProjectPage page, SimpleFormat format) {
    Decision pageDecision = nameDecision;
    SimpleProjectPage listing = page;
    Map<String, Object> details = new LinkedHashMap<>();
    if (nameDecision.permits()) {
      Map<String, Decision> byVersion = new HashMap<>();
      SimpleProjectPage kept = page.filter((file, version) -> version.isPresent()
          && byVersion.computeIfAbsent(version.get(),
              v -> engine.decide(PackageCoordinates.of(Ecosystem.PYPI, page.name(), v))).verdict() != Verdict.DENY);
      List<String> hidden = byVersion.entrySet().stream()
          .filter(e -> e.getValue().verdict() == Verdict.DENY).map(Map.Entry::getKey).sorted().toList();
      if (!hidden.isEmpty()) {
        details.put("hiddenVersions", hidden.subList(0, Math.min(hidden.size(), MAX_AUDITED_VERSIONS)));
      }
      if (kept.files().isEmpty() && !page.files().isEmpty()) {
        pageDecision = Refusals.mostTelling(byVersion, Pep440Version::tryParse).orElse(nameDecision);
      } else {
        listing = kept;
      }
    }
    details.put("files", listing.files().size());
    byte[] body = SimpleApiCodec.writeProjectPage(listing, format, FileLinker.underMount(PypiRoute.MOUNT, page.name()));
    return new RenderedListing(body, pageDecision, Map.copyOf(details));
  }
}
