package dev.tollgate.gateway.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenCacheTest {

  private static final TokenCache.Key KEY = new TokenCache.Key("docker.io", "repository:library/alpine:pull");

  @ParameterizedTest(name = "lifetime {0}s, asked after {1}s: cached={2}")
  @CsvSource({
      "300, 0, true",
      "300, 289, true",
      "300, 291, false",
      "5, 0, false"})
  void aTokenServesUntilShortlyBeforeItExpires(long lifetimeSeconds, long laterSeconds, boolean cached) {
    AtomicLong nanos = new AtomicLong();
    Ticker ticker = nanos::get;
    TokenCache cache = new TokenCache(ticker);
    cache.put(KEY, "tok", Duration.ofSeconds(lifetimeSeconds));
    nanos.addAndGet(Duration.ofSeconds(laterSeconds).toNanos());

    assertEquals(cached ? Optional.of("tok") : Optional.empty(), cache.get(KEY));
  }

  @ParameterizedTest(name = "{0} / {1}")
  @CsvSource({
      "docker.io, repository:library/busybox:pull",
      "ghcr.io, repository:library/alpine:pull"})
  void tokensAreKeptPerUpstreamAndScope(String upstream, String scope) {
    TokenCache cache = new TokenCache(Ticker.disabledTicker());
    cache.put(KEY, "tok", Duration.ofMinutes(5));

    assertEquals(Optional.empty(), cache.get(new TokenCache.Key(upstream, scope)));
  }
}
