package dev.tollgate.gateway.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of Prometheus text format 0.0.4, as a scraper reads it: every line is a HELP or
 * TYPE comment or a sample, every sample belongs to a family whose TYPE came first, and label values
 * are unescaped. A line it cannot read fails the test.
 */
public record PrometheusText(Map<String, String> types, List<Sample> samples) {

  /** One sample: the metric name, its labels (unescaped) and its value. */
  public record Sample(String name, Map<String, String> labels, double value) {}

  private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\[\\\\\"n])*)\",?");
  private static final Pattern TYPE = Pattern.compile("# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram)");
  private static final Pattern HELP = Pattern.compile("# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) .*");

  public static PrometheusText parse(String text) {
    Map<String, String> types = new LinkedHashMap<>();
    List<Sample> samples = new ArrayList<>();
    for (String line : text.split("\n")) {
      Matcher type = TYPE.matcher(line);
      if (type.matches()) {
        types.put(type.group(1), type.group(2));
        continue;
      }
      if (HELP.matcher(line).matches()) {
        continue;
      }
      Matcher sample = SAMPLE.matcher(line);
      if (!sample.matches()) {
        throw new AssertionError("not a line of the Prometheus text format: '" + line + "'");
      }
      String name = sample.group(1);
      String family = name.replaceAll("_(bucket|sum|count)$", "");
      if (!types.containsKey(name) && !"histogram".equals(types.get(family))) {
        throw new AssertionError("a sample before its family's TYPE: '" + line + "'");
      }
      Map<String, String> labels = new LinkedHashMap<>();
      if (sample.group(3) != null) {
        Matcher label = LABEL.matcher(sample.group(3));
        int at = 0;
        while (label.find() && label.start() == at) {
          labels.put(label.group(1), unescape(label.group(2)));
          at = label.end();
        }
        if (at != sample.group(3).length()) {
          throw new AssertionError("unreadable labels in '" + line + "'");
        }
      }
      samples.add(new Sample(name, labels, parseValue(sample.group(4))));
    }
    return new PrometheusText(types, samples);
  }

  private static String unescape(String escaped) {
    StringBuilder out = new StringBuilder(escaped.length());
    for (int i = 0; i < escaped.length(); i++) {
      char c = escaped.charAt(i);
      if (c == '\\') {
        char next = escaped.charAt(++i);
        out.append(next == 'n' ? '\n' : next);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static double parseValue(String text) {
    return switch (text) {
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      case "NaN" -> Double.NaN;
      default -> Double.parseDouble(text);
    };
  }

  /** The value of the sample {@code name} whose labels include {@code labels}; empty when none is exposed. */
  public Optional<Double> value(String name, Map<String, String> labels) {
    return samples.stream()
        .filter(s -> s.name().equals(name) && s.labels().entrySet().containsAll(labels.entrySet()))
        .map(Sample::value)
        .reduce(Double::sum);
  }

  /** As {@link #value}, with 0 for a series not exposed yet. */
  public double valueOrZero(String name, Map<String, String> labels) {
    return value(name, labels).orElse(0.0);
  }
}
