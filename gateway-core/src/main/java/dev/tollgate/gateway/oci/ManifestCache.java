package dev.tollgate.gateway.oci;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.tollgate.adapter.oci.Digest;
import dev.tollgate.adapter.oci.ParsedManifest;
import dev.tollgate.adapter.oci.Reference;
import dev.tollgate.adapter.oci.RoutedRepository;
import dev.tollgate.adapter.oci.Tag;
import dev.tollgate.policy.decision.Decision;
import dev.tollgate.policy.decision.Reason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Manifests that passed every check, in memory: by digest for as long as space allows (a digest
 * names its bytes forever), and which digest a tag pointed to, for the metadata TTL (tags move).
 * A tag is remembered per set of {@code Accept} values, since a registry may answer a multi-arch
 * index to one client and a single manifest to another. An entry holds only while the signature
 * policy it was checked under is in force: after a reload, the manifest is fetched and checked again.
 */
final class ManifestCache {

  /**
   * A verified manifest: its bytes as the upstream sent them, their type and what they reference,
   * and the reasons its signature check gave (who signed it), which every cache hit's audit line
   * repeats.
   */
  record Stored(byte[] bytes, String contentType, Digest digest, ParsedManifest parsed, List<Reason> checks) {

    Stored {
      checks = List.copyOf(checks);
    }

    /** The decision a cache hit is served with: the name's decision plus the signature check's reasons. */
    Decision decision(Decision nameDecision) {
      if (checks.isEmpty()) {
        return nameDecision;
      }
      List<Reason> reasons = new ArrayList<>(nameDecision.reasons());
      reasons.addAll(checks);
      return new Decision(nameDecision.subject(), nameDecision.verdict(), reasons);
    }
  }

  private record ByDigest(String upstream, String repository, Digest digest) {}

  private record ByTag(String upstream, String repository, String tag, List<String> accept) {}

  private record Entry(Stored stored, Object checkedUnder) {}

  private final Cache<ByDigest, Entry> manifests;
  private final Cache<ByTag, Digest> tags;
  private final Supplier<?> policyInForce;

  ManifestCache(long maxBytes, Duration tagTtl, Supplier<?> policyInForce) {
    this.manifests = Caffeine.newBuilder()
        .maximumWeight(maxBytes)
        .weigher((ByDigest key, Entry entry) -> entry.stored().bytes().length + 256)
        .build();
    this.policyInForce = policyInForce;
    this.tags = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(tagTtl).build();
  }

  Optional<Stored> find(RoutedRepository repository, Reference reference, List<String> accept) {
    Digest digest = reference instanceof Digest d ? d
        : tags.getIfPresent(new ByTag(repository.upstream(), repository.repository(), reference.text(), accept));
    if (digest == null) {
      return Optional.empty();
    }
    ByDigest key = new ByDigest(repository.upstream(), repository.repository(), digest);
    Entry entry = manifests.getIfPresent(key);
    if (entry == null || entry.checkedUnder() != policyInForce.get()) {
      return Optional.empty();
    }
    return Optional.of(entry.stored());
  }

  void put(RoutedRepository repository, Reference reference, List<String> accept, Stored stored) {
    manifests.put(new ByDigest(repository.upstream(), repository.repository(), stored.digest()),
        new Entry(stored, policyInForce.get()));
    if (reference instanceof Tag tag) {
      tags.put(new ByTag(repository.upstream(), repository.repository(), tag.text(), accept), stored.digest());
    }
  }
}
