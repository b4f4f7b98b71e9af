package dev.tollgate.gateway.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * A histogram family: per combination of label values, how many observations fell at or below each
 * bucket's bound, their count and their sum. Observing is a bucket search and two lock-free adds.
 */
public final class Histogram implements MetricsRegistry.Family {

  private final String name;
  private final String help;
  private final double[] bounds;
  private final List<String> labelNames;
  private final List<String> bucketLabelNames;
  private final Map<List<String>, Child> children = new ConcurrentHashMap<>();

  Histogram(String name, String help, double[] bounds, List<String> labelNames) {
    for (int i = 1; i < bounds.length; i++) {
      if (!(bounds[i] > bounds[i - 1])) {
        throw new IllegalArgumentException(name + ": bucket bounds must ascend: " + Arrays.toString(bounds));
      }
    }
    this.name = name;
    this.help = help;
    this.bounds = bounds.clone();
    this.labelNames = labelNames;
    List<String> withLe = new ArrayList<>(labelNames);
    withLe.add("le");
    this.bucketLabelNames = List.copyOf(withLe);
  }

  /** The histogram for these label values, created empty. */
  public Child labels(String... values) {
    if (values.length != labelNames.size()) {
      throw new IllegalArgumentException(name + " has labels " + labelNames + ", not " + values.length + " values");
    }
    return children.computeIfAbsent(List.of(values), k -> new Child(bounds.length));
  }

  /** One labelled histogram. */
  public final class Child {
    private final LongAdder[] buckets;
    private final LongAdder count = new LongAdder();
    private final DoubleAdder sum = new DoubleAdder();

    private Child(int size) {
      buckets = new LongAdder[size];
      for (int i = 0; i < size; i++) {
        buckets[i] = new LongAdder();
      }
    }

    /** Records one observation (e.g. a latency in seconds). */
    public void observe(double value) {
      int at = Arrays.binarySearch(bounds, value);
      int bucket = at >= 0 ? at : -at - 1;
      if (bucket < buckets.length) {
        buckets[bucket].increment();
      }
      count.increment();
      sum.add(value);
    }
  }

  @Override
  public void writeTo(StringBuilder out) {
    Exposition.header(out, name, help, "histogram");
    List<Map.Entry<List<String>, Child>> sorted = new ArrayList<>(children.entrySet());
    sorted.sort(Map.Entry.comparingByKey(Comparator.comparing(Object::toString)));
    for (Map.Entry<List<String>, Child> entry : sorted) {
      Child child = entry.getValue();
      long cumulative = 0;
      for (int i = 0; i < bounds.length; i++) {
        cumulative += child.buckets[i].sum();
        Exposition.sample(out, name + "_bucket", bucketLabelNames, with(entry.getKey(), Exposition.number(bounds[i])),
            cumulative);
      }
      long total = Math.max(child.count.sum(), cumulative);
      Exposition.sample(out, name + "_bucket", bucketLabelNames, with(entry.getKey(), "+Inf"), total);
      Exposition.sample(out, name + "_sum", labelNames, entry.getKey(), child.sum.sum());
      Exposition.sample(out, name + "_count", labelNames, entry.getKey(), total);
    }
  }

  private static List<String> with(List<String> values, String le) {
    List<String> all = new ArrayList<>(values);
    all.add(le);
    return all;
  }
}
