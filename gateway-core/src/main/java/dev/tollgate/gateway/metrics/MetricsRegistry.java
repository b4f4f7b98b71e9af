package dev.tollgate.gateway.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.DoubleSupplier;
import java.util.regex.Pattern;

/**
 * The gateway's metrics and their Prometheus text exposition (format 0.0.4). Counters and
 * histograms are owned here and updated lock-free on the request path; values owned elsewhere
 * (the policy reloader's counts, say) are registered as suppliers and read at scrape time.
 * Written here rather than taken from a client library: the format is small, and the gateway
 * needs only these three kinds.
 */
public final class MetricsRegistry {

  /** The content type of {@link #scrape()}. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

  private final List<Family> families = new CopyOnWriteArrayList<>();
  private final Map<String, Boolean> names = new ConcurrentHashMap<>();

  /** One metric family: its name, help and samples, written in the exposition format. */
  interface Family {
    void writeTo(StringBuilder out);
  }

  /** A counter family with {@code labelNames}; its children are counted by label values. */
  public Counter counter(String name, String help, String... labelNames) {
    return register(new Counter(checked(name), help, checkedLabels(labelNames)));
  }

  /** A histogram family with upper bounds {@code buckets} (ascending; +Inf is added). */
  public Histogram histogram(String name, String help, double[] buckets, String... labelNames) {
    return register(new Histogram(checked(name), help, buckets, checkedLabels(labelNames)));
  }

  /**
   * A counter whose value someone else owns and only ever increases (e.g. policy reloads, counted
   * by the reloader): read from {@code value} at each scrape.
   */
  public void counterFrom(String name, String help, DoubleSupplier value) {
    register(new Observed(checked(name), help, "counter", value));
  }

  /** A gauge read from {@code value} at each scrape (a size, a state, a time). */
  public void gauge(String name, String help, DoubleSupplier value) {
    register(new Observed(checked(name), help, "gauge", value));
  }

  /** Every family, in the order registered, as Prometheus text. */
  public String scrape() {
    StringBuilder out = new StringBuilder(4096);
    for (Family family : families) {
      family.writeTo(out);
    }
    return out.toString();
  }

  private <F extends Family> F register(F family) {
    families.add(family);
    return family;
  }

  private String checked(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("'" + name + "' is not a Prometheus metric name");
    }
    if (names.putIfAbsent(name, Boolean.TRUE) != null) {
      throw new IllegalArgumentException("the metric '" + name + "' is registered already");
    }
    return name;
  }

  private static List<String> checkedLabels(String... labelNames) {
    List<String> checked = new ArrayList<>();
    for (String label : labelNames) {
      if (!LABEL.matcher(label).matches() || label.startsWith("__") || label.equals("le")) {
        throw new IllegalArgumentException("'" + label + "' is not a label name this registry accepts");
      }
      checked.add(label);
    }
    return List.copyOf(checked);
  }

  /** A value read at scrape time. */
  private record Observed(String name, String help, String type, DoubleSupplier value) implements Family {
    @Override
    public void writeTo(StringBuilder out) {
      Exposition.header(out, name, help, type);
      Exposition.sample(out, name, List.of(), List.of(), value.getAsDouble());
    }
  }
}
