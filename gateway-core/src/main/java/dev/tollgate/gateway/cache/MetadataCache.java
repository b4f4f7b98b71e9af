package dev.tollgate.gateway.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * Upstream metadata held in memory: fresh for the TTL, then fetched again with one fetch per key
 * however many requests wait for it (single flight), and served stale for a further period while
 * the upstream fails. Time comes from an injected {@link Ticker}.
 */
public final class MetadataCache<K, V> {

  /** How a value was obtained, reported to clients in a header. */
  public enum Freshness {
    HIT,
    MISS,
    STALE;

    public String headerValue() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** A value with how it was obtained and when it was fetched (ticker nanos). */
  public record Cached<V>(V value, Freshness freshness, long fetchedAt) {}

  private record Entry<V>(V value, long fetchedAt) {}

  private final Cache<K, Entry<V>> entries;
  private final ConcurrentHashMap<K, CompletableFuture<Entry<V>>> inFlight = new ConcurrentHashMap<>();
  /** How long an answer that something does not exist stays fresh: a package published meanwhile shows soon. */
  public static final Duration ABSENCE_TTL = Duration.ofSeconds(30);

  private final long ttlNanos;
  private final long absenceTtlNanos;
  private volatile Predicate<V> isAbsence = value -> false;
  private final Ticker ticker;

  /** A cache bounded by its number of entries. */
  public MetadataCache(Duration ttl, Duration staleFor, long maxEntries, Ticker ticker) {
    this(ttl, ticker, Caffeine.newBuilder().expireAfterWrite(ttl.plus(staleFor)).maximumSize(maxEntries)
        .ticker(ticker).build());
  }

  /** A cache bounded by the total weight of its values (e.g. bytes, for documents of very different sizes). */
  public MetadataCache(Duration ttl, Duration staleFor, ToLongFunction<V> weigher, long maxWeight, Ticker ticker) {
    this(ttl, ticker, Caffeine.newBuilder().expireAfterWrite(ttl.plus(staleFor)).maximumWeight(maxWeight)
        .<K, Entry<V>>weigher((key, entry) -> (int) Math.min(Integer.MAX_VALUE, weigher.applyAsLong(entry.value())))
        .ticker(ticker).build());
  }

  private MetadataCache(Duration ttl, Ticker ticker, Cache<K, Entry<V>> entries) {
    this.ttlNanos = ttl.toNanos();
    this.absenceTtlNanos = Math.min(ttl.toNanos(), ABSENCE_TTL.toNanos());
    this.ticker = ticker;
    this.entries = entries;
  }

  /**
   * The value for {@code key}: cached while fresh, else loaded (joining a load already under way);
   * when the load fails and a stale value exists, that value, marked {@link Freshness#STALE}.
   */
  public CompletableFuture<Cached<V>> get(K key, Function<K, CompletableFuture<V>> loader) {
    Entry<V> current = entries.getIfPresent(key);
    if (current != null && ticker.read() - current.fetchedAt() < freshFor(current.value())) {
      return CompletableFuture.completedFuture(new Cached<>(current.value(), Freshness.HIT, current.fetchedAt()));
    }
    CompletableFuture<Entry<V>> created = new CompletableFuture<>();
    CompletableFuture<Entry<V>> load = inFlight.putIfAbsent(key, created);
    if (load == null) {
      load = created;
      CompletableFuture<V> fetched;
      try {
        fetched = loader.apply(key);
      } catch (RuntimeException e) {
        fetched = CompletableFuture.failedFuture(e);
      }
      fetched.whenComplete((value, error) -> {
        if (error == null) {
          Entry<V> entry = new Entry<>(value, ticker.read());
          entries.put(key, entry);
          inFlight.remove(key, created);
          created.complete(entry);
        } else {
          inFlight.remove(key, created);
          created.completeExceptionally(error);
        }
      });
    }
    return load.handle((entry, error) -> {
      if (error == null) {
        return new Cached<>(entry.value(), Freshness.MISS, entry.fetchedAt());
      }
      Entry<V> stale = entries.getIfPresent(key);
      if (stale != null) {
        return new Cached<>(stale.value(), Freshness.STALE, stale.fetchedAt());
      }
      throw error instanceof CompletionException ce ? ce : new CompletionException(error);
    });
  }

  /**
   * Marks which values say "does not exist" (an upstream 404): they stay fresh for at most
   * {@link #ABSENCE_TTL}, and otherwise behave like any value (also served stale).
   */
  public MetadataCache<K, V> absenceIs(Predicate<V> absence) {
    this.isAbsence = absence;
    return this;
  }

  private long freshFor(V value) {
    return isAbsence.test(value) ? absenceTtlNanos : ttlNanos;
  }

  /** Drops every cached value (after a policy or upstream change). */
  public void clear() {
    entries.invalidateAll();
  }
}
