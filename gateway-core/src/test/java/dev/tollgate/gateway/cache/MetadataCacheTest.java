package dev.tollgate.gateway.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.tollgate.gateway.cache.MetadataCache.Cached;
import dev.tollgate.gateway.cache.MetadataCache.Freshness;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetadataCacheTest {

  private static final Duration TTL = Duration.ofMinutes(5);
  private static final Duration STALE_FOR = Duration.ofHours(1);

  /** Caffeine's clock, moved by hand. */
  private static final class ManualTicker implements Ticker {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    @Override
    public long read() {
      return nanos.get();
    }

    void advance(Duration by) {
      nanos.addAndGet(by.toNanos());
    }
  }

  /** An upstream that answers "v1", "v2", ... and counts how often it was asked; it can be made to fail. */
  private static final class CountingLoader implements Function<String, CompletableFuture<String>> {
    final AtomicInteger calls = new AtomicInteger();
    volatile boolean failing;

    @Override
    public CompletableFuture<String> apply(String key) {
      int n = calls.incrementAndGet();
      return failing
          ? CompletableFuture.failedFuture(new IOException("upstream down"))
          : CompletableFuture.completedFuture(key + " v" + n);
    }
  }

  private final ManualTicker ticker = new ManualTicker();
  private final MetadataCache<String, String> cache = new MetadataCache<>(TTL, STALE_FOR, 100, ticker);
  private final CountingLoader upstream = new CountingLoader();

  private Cached<String> get(String key) throws Exception {
    return cache.get(key, upstream).get(5, TimeUnit.SECONDS);
  }

  @Test
  void theFirstGetIsAMissAndLoads() throws Exception {
    Cached<String> first = get("requests");

    assertEquals(Freshness.MISS, first.freshness());
    assertEquals("requests v1", first.value());
    assertEquals(ticker.read(), first.fetchedAt());
    assertEquals(1, upstream.calls.get());
  }

  @ParameterizedTest(name = "after {0}: {1} {2}")
  @CsvSource(delimiter = '|', textBlock = """
      PT0S          | HIT  | requests v1
      PT4M59.999S   | HIT  | requests v1
      PT5M          | MISS | requests v2
      PT30M         | MISS | requests v2
      PT2H          | MISS | requests v2
      """)
  void aValueIsFreshForTheTtlThenLoadedAgain(Duration later, Freshness freshness, String value) throws Exception {
    get("requests");
    ticker.advance(later);

    Cached<String> again = get("requests");

    assertEquals(freshness, again.freshness());
    assertEquals(value, again.value());
  }

  @ParameterizedTest(name = "after {0}: {1}")
  @CsvSource(delimiter = '|', textBlock = """
      PT29S   | HIT
      PT30S   | MISS
      """)
  void anAnswerThatNothingExistsStaysFreshOnlyBriefly(Duration later, Freshness freshness) throws Exception {
    cache.absenceIs(value -> value.startsWith("missing"));
    get("missing-package");
    ticker.advance(later);

    assertEquals(freshness, get("missing-package").freshness());
  }

  @Test
  void keysAreCachedSeparately() throws Exception {
    get("requests");

    assertEquals(Freshness.MISS, get("flask").freshness());
    assertEquals(Freshness.HIT, get("requests").freshness());
  }

  @Test
  void concurrentGetsShareOneLoad() throws Exception {
    int callers = 8;
    CompletableFuture<String> answer = new CompletableFuture<>();
    AtomicInteger loads = new AtomicInteger();
    Function<String, CompletableFuture<String>> slowUpstream = key -> {
      loads.incrementAndGet();
      return answer;
    };
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<CompletableFuture<Cached<String>>>> asked = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        asked.add(pool.submit(() -> {
          start.await();
          return cache.get("numpy", slowUpstream);
        }));
      }
      start.countDown();
      List<CompletableFuture<Cached<String>>> results = new ArrayList<>();
      for (Future<CompletableFuture<Cached<String>>> f : asked) {
        results.add(f.get(5, TimeUnit.SECONDS));
      }
      answer.complete("numpy page");

      for (CompletableFuture<Cached<String>> r : results) {
        assertEquals("numpy page", r.get(5, TimeUnit.SECONDS).value());
      }
      assertEquals(1, loads.get());
    } finally {
      pool.shutdownNow();
    }
  }

  @ParameterizedTest(name = "reload fails {0} after the fetch")
  @CsvSource({"PT5M", "PT30M", "PT1H4M59S"})
  void aStaleValueIsServedWhileTheUpstreamFails(Duration later) throws Exception {
    Cached<String> fresh = get("requests");
    ticker.advance(later);
    upstream.failing = true;

    Cached<String> stale = get("requests");

    assertEquals(Freshness.STALE, stale.freshness());
    assertEquals("requests v1", stale.value());
    assertEquals(fresh.fetchedAt(), stale.fetchedAt());
    assertEquals(2, upstream.calls.get());
  }

  @Test
  void theFailureReachesTheCallerWhenNothingIsCached() {
    upstream.failing = true;

    ExecutionException e = assertThrows(ExecutionException.class, () -> get("requests"));

    assertTrue(e.getCause() instanceof IOException, e.toString());
    assertEquals("upstream down", e.getCause().getMessage());
  }

  @Test
  void theFailureReachesTheCallerOnceTheStalePeriodIsOver() throws Exception {
    get("requests");
    ticker.advance(TTL.plus(STALE_FOR));
    upstream.failing = true;

    ExecutionException e = assertThrows(ExecutionException.class, () -> get("requests"));

    assertTrue(e.getCause() instanceof IOException, e.toString());
  }

  @Test
  void aFailedLoadIsNotCached() throws Exception {
    upstream.failing = true;
    assertThrows(ExecutionException.class, () -> get("requests"));
    upstream.failing = false;

    Cached<String> next = get("requests");

    assertEquals(Freshness.MISS, next.freshness());
    assertEquals("requests v2", next.value());
  }

  @Test
  void aLoaderThatThrowsIsAFailedLoad() {
    IllegalStateException boom = new IllegalStateException("bad upstream URL");

    ExecutionException e = assertThrows(ExecutionException.class,
        () -> cache.get("requests", key -> { throw boom; }).get(5, TimeUnit.SECONDS));

    assertSame(boom, e.getCause());
  }

  @Test
  void clearForgetsEverything() throws Exception {
    get("requests");
    cache.clear();

    assertEquals(Freshness.MISS, get("requests").freshness());
  }
}
