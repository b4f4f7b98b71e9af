package dev.tollgate.gateway.oci;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Optional;

/**
 * Bearer tokens from upstream registries' token servers, kept per upstream and scope until shortly
 * before they expire, so a pull's dozen requests cost one token fetch. Tokens never leave the
 * gateway: clients are answered without any challenge from the upstream.
 */
final class TokenCache {

  /** Tokens are dropped this long before their stated expiry, so none expires in flight. */
  static final Duration MARGIN = Duration.ofSeconds(10);
  private static final long MAX_ENTRIES = 10_000;

  /** Which token: the upstream's key and the scope it grants, e.g. {@code repository:library/alpine:pull}. */
  record Key(String upstream, String scope) {}

  private record Token(String value, Duration lifetime) {}

  private final Cache<Key, Token> tokens;

  TokenCache(Ticker ticker) {
    this.tokens = Caffeine.newBuilder()
        .ticker(ticker)
        .maximumSize(MAX_ENTRIES)
        .expireAfter(new Expiry<Key, Token>() {
          @Override
          public long expireAfterCreate(Key key, Token token, long now) {
            return token.lifetime().toNanos();
          }

          @Override
          public long expireAfterUpdate(Key key, Token token, long now, long current) {
            return token.lifetime().toNanos();
          }

          @Override
          public long expireAfterRead(Key key, Token token, long now, long current) {
            return current;
          }
        })
        .build();
  }

  Optional<String> get(Key key) {
    return Optional.ofNullable(tokens.getIfPresent(key)).map(Token::value);
  }

  /** Keeps {@code token} for its {@code lifetime} less the safety margin. */
  void put(Key key, String token, Duration lifetime) {
    Duration usable = lifetime.minus(MARGIN);
    if (!usable.isNegative() && !usable.isZero()) {
      tokens.put(key, new Token(token, usable));
    }
  }

  /** Forgets a token the upstream refused (revoked, or its clock disagrees). */
  void invalidate(Key key) {
    tokens.invalidate(key);
  }
}
