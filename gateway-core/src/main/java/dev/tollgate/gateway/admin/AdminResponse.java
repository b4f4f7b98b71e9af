package dev.tollgate.gateway.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Optional;

/** What the admin API answers: a status, a JSON body and, for a policy list, its ETag. */
record AdminResponse(int status, JsonNode body, Optional<String> etag) {

  static AdminResponse ok(JsonNode body) {
    return new AdminResponse(200, body, Optional.empty());
  }

  /** An error: {@code {"error": message}}, what the CLI prints. */
  static AdminResponse error(int status, String message) {
    return new AdminResponse(status, JsonNodeFactory.instance.objectNode().put("error", message), Optional.empty());
  }
}
