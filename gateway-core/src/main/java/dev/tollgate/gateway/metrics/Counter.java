package dev.tollgate.gateway.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * A counter family: one monotonic count per combination of label values. Counting is a lock-free
 * add; callers on a hot path keep the child they count with.
 */
public final class Counter implements MetricsRegistry.Family {

  private final String name;
  private final String help;
  private final List<String> labelNames;
  private final Map<List<String>, LongAdder> children = new ConcurrentHashMap<>();

  Counter(String name, String help, List<String> labelNames) {
    this.name = name;
    this.help = help;
    this.labelNames = labelNames;
  }

  /** The count for these label values (in the order of the family's label names), created at zero. */
  public LongAdder labels(String... values) {
    if (values.length != labelNames.size()) {
      throw new IllegalArgumentException(name + " has labels " + labelNames + ", not " + values.length + " values");
    }
    return children.computeIfAbsent(List.of(values), k -> new LongAdder());
  }

  @Override
  public void writeTo(StringBuilder out) {
    Exposition.header(out, name, help, "counter");
    List<Map.Entry<List<String>, LongAdder>> sorted = new ArrayList<>(children.entrySet());
    sorted.sort(Map.Entry.comparingByKey(Comparator.comparing(Object::toString)));
    for (Map.Entry<List<String>, LongAdder> child : sorted) {
      Exposition.sample(out, name, labelNames, child.getKey(), child.getValue().sum());
    }
  }
}
