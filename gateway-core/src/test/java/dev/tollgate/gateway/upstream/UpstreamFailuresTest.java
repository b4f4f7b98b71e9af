package dev.tollgate.gateway.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UpstreamFailuresTest {

  static Stream<Arguments> failures() {
    return Stream.of(
        Arguments.of(new UpstreamException(UpstreamException.Kind.TIMEOUT, "no answer in time"), 504,
            "Upstream unavailable: no answer in time"),
        Arguments.of(new CompletionException(new HttpTimeoutException("request timed out")), 504,
            "Upstream unavailable: no answer in time: request timed out"),
        Arguments.of(new CompletionException(new ConnectException("Connection refused")), 502,
            "Upstream unavailable: cannot connect: Connection refused"),
        Arguments.of(new UpstreamException(UpstreamException.Kind.TOO_LARGE, "page too large"), 502,
            "Upstream unavailable: page too large"),
        Arguments.of(new IOException("connection reset"), 502, "Upstream unavailable: connection reset"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failures")
  void aTimeoutIs504AndAnythingElse502WithTheCauseSaid(Throwable failure, int status, String sentence) {
    assertEquals(status, UpstreamFailures.status(failure));
    assertEquals(sentence, UpstreamFailures.describe(failure));
  }
}
