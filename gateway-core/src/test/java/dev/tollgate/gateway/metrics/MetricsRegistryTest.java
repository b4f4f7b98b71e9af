package dev.tollgate.gateway.metrics;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetricsRegistryTest {

  private final MetricsRegistry registry = new MetricsRegistry();

  @Test
  void countersAreExposedPerLabelValuesWithHelpAndType() {
    Counter requests = registry.counter("demo_requests_total", "Requests.\nSecond line \\ too.", "ecosystem", "status");
    requests.labels("pypi", "2xx").increment();
    requests.labels("pypi", "2xx").add(2);
    requests.labels("npm", "4xx").increment();

    assertEquals("""
        # HELP demo_requests_total Requests.\\nSecond line \\\\ too.
        # TYPE demo_requests_total counter
        demo_requests_total{ecosystem="npm",status="4xx"} 1
        demo_requests_total{ecosystem="pypi",status="2xx"} 3
        """, registry.scrape());
  }

  @Test
  void labelValuesAreEscapedSoAScraperReadsThemBack() {
    registry.counter("demo_total", "Demo.", "name").labels("a \"quoted\"\\name\nnext").increment();

    PrometheusText parsed = PrometheusText.parse(registry.scrape());

    assertEquals("a \"quoted\"\\name\nnext", parsed.samples().get(0).labels().get("name"));
  }

  @Test
  void aHistogramCountsCumulativelyPerBucketWithSumAndCount() {
    Histogram latency = registry.histogram("demo_seconds", "Latency.", new double[] {0.1, 1}, "kind");
    Histogram.Child metadata = latency.labels("metadata");
    metadata.observe(0.05);
    metadata.observe(0.1);
    metadata.observe(0.5);
    metadata.observe(3);

    PrometheusText parsed = PrometheusText.parse(registry.scrape());
    assertAll(
        () -> assertEquals("histogram", parsed.types().get("demo_seconds")),
        () -> assertEquals(2.0, parsed.valueOrZero("demo_seconds_bucket", Map.of("le", "0.1"))),
        () -> assertEquals(3.0, parsed.valueOrZero("demo_seconds_bucket", Map.of("le", "1"))),
        () -> assertEquals(4.0, parsed.valueOrZero("demo_seconds_bucket", Map.of("le", "+Inf"))),
        () -> assertEquals(4.0, parsed.valueOrZero("demo_seconds_count", Map.of("kind", "metadata"))),
        () -> assertEquals(3.65, parsed.valueOrZero("demo_seconds_sum", Map.of("kind", "metadata")), 1e-9));
  }

  @Test
  void valuesOwnedElsewhereAreReadAtEachScrape() {
    AtomicLong reloads = new AtomicLong();
    registry.counterFrom("demo_reloads_total", "Reloads.", reloads::get);
    registry.gauge("demo_entries", "Entries.", () -> 2.5);

    reloads.set(7);
    PrometheusText parsed = PrometheusText.parse(registry.scrape());

    assertAll(
        () -> assertEquals(7.0, parsed.valueOrZero("demo_reloads_total", Map.of())),
        () -> assertEquals("counter", parsed.types().get("demo_reloads_total")),
        () -> assertEquals(2.5, parsed.valueOrZero("demo_entries", Map.of())),
        () -> assertEquals("gauge", parsed.types().get("demo_entries")));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"1bad, ok", "ok, bad-label", "ok, le", "ok, __reserved"})
  void badNamesAreRefusedAtRegistration(String name, String label) {
    assertThrows(IllegalArgumentException.class, () -> registry.counter(name, "help", label));
  }

  @Test
  void aNameIsRegisteredOnce() {
    registry.counter("demo_total", "Demo.");
    assertThrows(IllegalArgumentException.class, () -> registry.gauge("demo_total", "Again.", () -> 1));
  }
}
