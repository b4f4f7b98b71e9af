package dev.tollgate.bench.typosquat;

import dev.tollgate.policy.coordinates.Ecosystem;
import dev.tollgate.policy.typosquat.ProtectedNames;
import dev.tollgate.policy.typosquat.ProtectedNamesParser;
import dev.tollgate.policy.typosquat.TyposquatDetector;
import dev.tollgate.policy.typosquat.TyposquatMatch;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Shows that a typosquat check costs the same whatever the number of protected names (the detector
 * looks names up in indexes rather than scanning them) and what building those indexes costs.
 * Protects the shipped PyPI list, padded with generated names to {@code size}; checks a fixed mix
 * of typos of shipped names (hits) and unrelated names (misses). Run from the repository root, as
 * it reads {@code conf/popular/pypi.txt}.
 */
@State(Scope.Thread)
public class TyposquatBench {

  private static final Path SHIPPED_LIST = Path.of("conf/popular/pypi.txt");
  private static final int CANDIDATES = 1024;

  @Param({"5000", "100000"})
  public int size;

  private ProtectedNames names;
  private TyposquatDetector detector;
  private String[] candidates;
  private int next;

  @Setup
  public void setUp() throws IOException {
    List<String> shipped = shippedNames();
    Random random = new Random(42);
    names = protectedNames(shipped, size, random);
    detector = TyposquatDetector.build(names);
    candidates = candidates(shipped, random);
  }

  /** One check of the next candidate; half of them are typos of protected names. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public Optional<TyposquatMatch> check() {
    String candidate = candidates[next];
    next = (next + 1) % CANDIDATES;
    return detector.check(Ecosystem.PYPI, candidate);
  }

  /** Building the detector over {@code size} names, as a policy load or reload does. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public TyposquatDetector build() {
    return TyposquatDetector.build(names);
  }

  /** The shipped names, most popular first, so that every run draws the same names. */
  private static List<String> shippedNames() throws IOException {
    try (Reader reader = Files.newBufferedReader(SHIPPED_LIST)) {
      ProtectedNames shipped = ProtectedNamesParser.parsePopularList(Ecosystem.PYPI, reader);
      return shipped.names(Ecosystem.PYPI).stream()
          .sorted(Comparator.comparingInt(name -> shipped.rank(Ecosystem.PYPI, name).orElseThrow()))
          .toList();
    } catch (NoSuchFileException e) {
      throw new IOException("run from the repository root: " + SHIPPED_LIST + " not found", e);
    }
  }

  /** The shipped names, then names joined from two shipped names' parts until {@code size}. */
  private static ProtectedNames protectedNames(List<String> shipped, int size, Random random) {
    Set<String> all = new LinkedHashSet<>(shipped);
    while (all.size() < size) {
      String head = pick(shipped, random).split("-")[0];
      String tail = pick(shipped, random);
      all.add(head + "-" + tail);
    }
    ProtectedNames.Builder builder = ProtectedNames.builder();
    int rank = 0;
    for (String name : all.stream().limit(size).toList()) {
      builder.add(Ecosystem.PYPI, name, ++rank);
    }
    return builder.build();
  }

  /** Alternately a typo of a shipped name and a random lower-case name of 6 to 13 letters. */
  private static String[] candidates(List<String> shipped, Random random) {
    List<String> candidates = new ArrayList<>(CANDIDATES);
    while (candidates.size() < CANDIDATES) {
      candidates.add(typo(pick(shipped, random), random));
      candidates.add(randomName(random));
    }
    return candidates.toArray(String[]::new);
  }

  private static String typo(String name, Random random) {
    int at = random.nextInt(name.length() - 1);
    return switch (random.nextInt(4)) {
      case 0 -> name.substring(0, at) + name.charAt(at + 1) + name.charAt(at) + name.substring(at + 2);
      case 1 -> name.substring(0, at) + name.substring(at + 1);
      case 2 -> name.substring(0, at) + 'x' + name.substring(at);
      default -> "python3-" + name;
    };
  }

  private static String randomName(Random random) {
    StringBuilder name = new StringBuilder();
    int length = 6 + random.nextInt(8);
    for (int i = 0; i < length; i++) {
      name.append((char) ('a' + random.nextInt(26)));
    }
    return name.toString();
  }

  private static String pick(List<String> names, Random random) {
    return names.get(random.nextInt(names.size()));
  }
}
