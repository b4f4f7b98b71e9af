package dev.tollgate.gateway.artifact;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Where a verified artifact stream goes (the client's connection). Its contract is what keeps a
 * wrong artifact from ever being complete at the client: the most recent chunk is held back until
 * {@link #finish} (digest matched) or dropped by {@link #abort} (it did not).
 */
public interface ArtifactDownstream {

  /** The upstream answered 200: send the response head. {@code contentLength} is -1 when unknown. */
  void begin(long contentLength, Runnable cancelUpstream);

  /** Passes bytes on (holding back the latest); runs {@code more} when ready for the next chunk. */
  void write(List<ByteBuffer> chunk, Runnable more);

  /** The digest matched: send what was held back and end the response. */
  void finish();

  /** Something went wrong: end the connection without completing the response. */
  void abort(String why);
}
