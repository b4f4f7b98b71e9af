package dev.tollgate.gateway.admin;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An authenticated admin request, copied off the connection: method, decoded path segments after
 * {@code /admin/}, query parameters, {@code If-Match} and the (bounded) body.
 */
record AdminRequest(String method, List<String> segments, Map<String, List<String>> query, Optional<String> ifMatch,
    String body) {

  /** The first value of query parameter {@code name}, if given and not blank. */
  Optional<String> param(String name) {
    return query.getOrDefault(name, List.of()).stream().filter(v -> !v.isBlank()).findFirst();
  }
}
