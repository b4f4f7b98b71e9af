package dev.tollgate.gateway.oci;

import dev.tollgate.adapter.oci.Digest;
import dev.tollgate.adapter.oci.ManifestMediaType;
import dev.tollgate.adapter.oci.ManifestParser;
import dev.tollgate.adapter.oci.RoutedRepository;
import dev.tollgate.adapter.sigstore.CosignTags;
import dev.tollgate.adapter.sigstore.SignatureLayer;
import dev.tollgate.adapter.sigstore.SignatureManifests;
import dev.tollgate.gateway.upstream.UpstreamException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * Fetches a manifest's signatures from its upstream, the way cosign finds them: the tag-scheme
 * manifest {@code sha256-<hex>.sig} and its simple-signing layers, and the Sigstore bundles that
 * refer to the manifest through the referrers API (or its tag-schema fallback). Everything is
 * bounded: at most {@link #MAX_SIGNATURES} signatures of each kind, layers of at most
 * {@link #MAX_LAYER_BYTES}, and every layer's bytes checked against its digest before use.
 */
final class UpstreamSignatures implements SignatureSource {

  static final int MAX_SIGNATURES = 16;
  static final long MAX_LAYER_BYTES = 256 * 1024;

  private static final Map<String, List<String>> MANIFEST_ACCEPT = Map.of("Accept", List.of(
      ManifestMediaType.OCI_MANIFEST.value(), ManifestMediaType.DOCKER_MANIFEST.value()));

  private final OciMount mount;

  UpstreamSignatures(OciMount mount) {
    this.mount = mount;
  }

  @Override
  public CompletableFuture<SignatureEvidence> find(RoutedRepository repository, Digest digest) {
    RegistryUpstream upstream = mount.upstream(repository);
    return cosignSignatures(upstream, repository, digest)
        .thenCombine(bundles(upstream, repository, digest), (cosign, bundles) ->
            SignatureEvidence.merge(List.of(cosign, bundles)));
  }

  private CompletableFuture<SignatureEvidence> cosignSignatures(RegistryUpstream upstream, RoutedRepository repository,
      Digest digest) {
    String tag = CosignTags.signatureTag(digest.text());
    return upstream.fetch(repository, manifestPath(repository, tag), false, MANIFEST_ACCEPT, ManifestParser.MAX_SIZE)
        .thenCompose(response -> {
          if (response.statusCode() == 404) {
            return CompletableFuture.completedFuture(SignatureEvidence.NONE);
          }
          requireOk(response, tag);
          List<SignatureLayer> layers;
          try {
            layers = SignatureManifests.cosignLayers(response.body());
          } catch (IllegalArgumentException e) {
            return done(SignatureEvidence.problem("the signature manifest " + tag + " cannot be read: " + e.getMessage()));
          }
          return layers(upstream, repository, tag, layers);
        });
  }

  private CompletableFuture<SignatureEvidence> bundles(RegistryUpstream upstream, RoutedRepository repository,
      Digest digest) {
    String api = "/v2/" + repository.repository() + "/referrers/" + digest.text() + "?artifactType="
        + URLEncoder.encode(SignatureManifests.BUNDLE_TYPE, StandardCharsets.UTF_8);
    return upstream.referrers(repository, api, digest).thenCompose(response -> {
      if (response.statusCode() == 404) {
        return done(SignatureEvidence.NONE);
      }
      requireOk(response, "the referrers of " + digest.text());
      List<String> referrers;
      try {
        referrers = SignatureManifests.bundleReferrers(response.body());
      } catch (IllegalArgumentException e) {
        return done(SignatureEvidence.problem("the referrers index of " + digest.text() + " cannot be read: "
            + e.getMessage()));
      }
      return all(referrers.stream().limit(MAX_SIGNATURES).toList(),
          referrer -> bundleReferrer(upstream, repository, digest, referrer));
    });
  }

  private CompletableFuture<SignatureEvidence> bundleReferrer(RegistryUpstream upstream, RoutedRepository repository,
      Digest image, String referrer) {
    Digest expected;
    try {
      expected = Digest.parse(referrer);
    } catch (IllegalArgumentException e) {
      return done(SignatureEvidence.problem("a referrer of " + image.text() + " has an invalid digest: "
          + e.getMessage()));
    }
    return upstream.fetch(repository, manifestPath(repository, referrer), false, MANIFEST_ACCEPT,
        ManifestParser.MAX_SIZE).thenCompose(response -> {
          if (response.statusCode() == 404) {
            return done(SignatureEvidence.problem("the bundle referrer " + referrer + " is listed but missing"));
          }
          requireOk(response, "the bundle referrer " + referrer);
          if (!Digest.compute(expected.algorithm(), response.body()).equals(expected)) {
            return done(SignatureEvidence.problem("the bundle referrer " + referrer
                + " does not match its digest (tampered or corrupted)"));
          }
          try {
            return layers(upstream, repository, referrer, SignatureManifests.bundleLayers(response.body(), image.text()));
          } catch (IllegalArgumentException e) {
            return done(SignatureEvidence.problem("the bundle referrer " + referrer + " cannot be read: "
                + e.getMessage()));
          }
        });
  }

  private CompletableFuture<SignatureEvidence> layers(RegistryUpstream upstream, RoutedRepository repository,
      String holder, List<SignatureLayer> layers) {
    return all(layers.stream().limit(MAX_SIGNATURES).toList(), layer -> layer(upstream, repository, holder, layer));
  }

  /** One layer's bytes, checked against its descriptor, as a candidate; or why it cannot be one. */
  private CompletableFuture<SignatureEvidence> layer(RegistryUpstream upstream, RoutedRepository repository,
      String holder, SignatureLayer layer) {
    String where = "signature layer " + layer.digest() + " of " + holder;
    Digest digest;
    try {
      digest = Digest.parse(layer.digest());
    } catch (IllegalArgumentException e) {
      return done(SignatureEvidence.problem(where + " has an invalid digest: " + e.getMessage()));
    }
    if (layer.size() < 0 || layer.size() > MAX_LAYER_BYTES) {
      return done(SignatureEvidence.problem(where + " declares " + layer.size() + " bytes, more than the "
          + MAX_LAYER_BYTES + " a signature may have"));
    }
    String path = "/v2/" + repository.repository() + "/blobs/" + digest.text();
    return upstream.fetchBlob(repository, path, MAX_LAYER_BYTES).thenApply(response -> {
      if (response.statusCode() != 200) {
        return SignatureEvidence.problem(where + ": the upstream answered " + response.statusCode());
      }
      byte[] bytes = response.body();
      if (bytes.length != layer.size() || !Digest.compute(digest.algorithm(), bytes).equals(digest)) {
        return SignatureEvidence.problem(where + " does not match its digest (tampered or corrupted)");
      }
      return SignatureEvidence.of(layer.toCandidate(bytes));
    });
  }

  private static <T> CompletableFuture<SignatureEvidence> all(List<T> items,
      Function<T, CompletableFuture<SignatureEvidence>> each) {
    List<CompletableFuture<SignatureEvidence>> parts = items.stream().map(each).toList();
    return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new))
        .thenApply(ignored -> SignatureEvidence.merge(parts.stream().map(CompletableFuture::join).toList()));
  }

  private static void requireOk(HttpResponse<byte[]> response, String what) {
    if (response.statusCode() != 200) {
      throw new CompletionException(new UpstreamException(UpstreamException.Kind.BAD_STATUS,
          "the upstream answered " + response.statusCode() + " for " + what));
    }
  }

  private static String manifestPath(RoutedRepository repository, String reference) {
    return "/v2/" + repository.repository() + "/manifests/" + reference;
  }

  private static CompletableFuture<SignatureEvidence> done(SignatureEvidence evidence) {
    return CompletableFuture.completedFuture(evidence);
  }
}
