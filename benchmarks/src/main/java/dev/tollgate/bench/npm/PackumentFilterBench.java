package dev.tollgate.bench.npm;

import dev.tollgate.adapter.npm.MalformedPackumentException;
import dev.tollgate.adapter.npm.NpmPaths;
import dev.tollgate.adapter.npm.PackumentFilter;
import dev.tollgate.adapter.npm.TarballUrlRewriter;
import dev.tollgate.adapter.npm.VersionInfo;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What the gateway spends on an npm packument: filtering it for a client (two streaming passes,
 * tarball URLs rewritten) and looking up one version's facts for a tarball download. Measured
 * against copying the same bytes once, the least any proxy does with a body, so results read as
 * ratios. The packuments are synthetic ({@link SyntheticPackuments}), 5 MB and 30 MB, with
 * thousands of versions; the policy keeps versions without install scripts published before a
 * cutoff, which removes about a fifth of them and moves {@code latest}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PackumentFilterBench {

  private static final TarballUrlRewriter VIA_GATEWAY =
      (name, version, upstreamUrl) ->
          "http://127.0.0.1:8080/npm" + NpmPaths.tarballPath(name, version);

  @Param({"5", "30"})
  public int megabytes;

  private byte[] packument;
  private Predicate<VersionInfo> policy;
  private String lastVersion;

  @Setup
  public void setUp() throws MalformedPackumentException {
    packument = SyntheticPackuments.ofSize(megabytes << 20);
    int versions =
        PackumentFilter.filter(packument, SyntheticPackuments.NAME, v -> true, VIA_GATEWAY)
            .summary()
            .kept()
            .size();
    lastVersion = SyntheticPackuments.version(versions - 1);
    Instant cutoff =
        PackumentFilter.versionInfo(
                packument, SyntheticPackuments.NAME, SyntheticPackuments.version(versions * 9 / 10))
            .orElseThrow()
            .publishedAt()
            .orElseThrow();
    policy = v -> !v.hasInstallScript() && v.publishedAt().orElseThrow().isBefore(cutoff);
  }

  @Benchmark
  public byte[] copyBaseline() {
    return Arrays.copyOf(packument, packument.length);
  }

  @Benchmark
  public byte[] filter() throws MalformedPackumentException {
    return PackumentFilter.filter(packument, SyntheticPackuments.NAME, policy, VIA_GATEWAY).json();
  }

  @Benchmark
  public Optional<VersionInfo> versionInfoForTarball() throws MalformedPackumentException {
    return PackumentFilter.versionInfo(packument, SyntheticPackuments.NAME, lastVersion);
  }
}
