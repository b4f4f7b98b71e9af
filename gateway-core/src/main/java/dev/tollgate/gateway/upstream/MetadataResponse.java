package dev.tollgate.gateway.upstream;

import java.net.URI;
import java.util.Optional;

/** An upstream metadata document (index page, packument): status, type, decoded body and where it came from. */
public record MetadataResponse(int status, URI uri, Optional<String> contentType, byte[] body) {

  public boolean ok() {
    return status == 200;
  }
}
