package dev.tollgate.adapter.pypi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * A project's simple-API page in a form independent of HTML or JSON: what the gateway reads from
 * the upstream, filters by policy, and writes in the format its own client negotiated.
 *
 * <p>File names are unique within a page: the gateway serves files by name, so when an upstream
 * lists one name twice the first entry is kept and the others are dropped.
 */
public final class SimpleProjectPage {

  private final String name;
  private final String apiVersion;
  private final Optional<List<String>> declaredVersions;
  private final Map<String, DistributionFile> filesByName;
  private final List<DistributionFile> files;

  /**
   * @param name the normalised project name
   * @param apiVersion the upstream's simple API version ({@code 1.0} when it declared none)
   * @param declaredVersions the upstream's PEP 700 {@code versions}, if it sent them
   * @param files the files in upstream order
   */
  public SimpleProjectPage(
      String name,
      String apiVersion,
      Optional<List<String>> declaredVersions,
      List<DistributionFile> files) {
    this.name = Objects.requireNonNull(name, "name");
    this.apiVersion = Objects.requireNonNull(apiVersion, "apiVersion");
    this.declaredVersions = declaredVersions.map(List::copyOf);
    Map<String, DistributionFile> byName = new LinkedHashMap<>();
    for (DistributionFile file : files) {
      byName.putIfAbsent(file.filename(), file);
    }
    this.filesByName = byName;
    this.files = List.copyOf(byName.values());
  }

  /** The normalised project name. */
  public String name() {
    return name;
  }

  /** The simple API version the upstream declared; informative, the writers state their own. */
  public String apiVersion() {
    return apiVersion;
  }

  /**
   * The versions the upstream declared (PEP 700), unfiltered and never rendered: written pages list
   * {@link #fileVersions()} instead, so a filtered-out version cannot reappear through them.
   */
  public Optional<List<String>> declaredVersions() {
    return declaredVersions;
  }

  /** The files, in upstream order. */
  public List<DistributionFile> files() {
    return files;
  }

  /** The file of that name, to find the upstream URL and digest of a download. */
  public Optional<DistributionFile> file(String filename) {
    return Optional.ofNullable(filesByName.get(filename));
  }

  /** The version {@code file}'s name declares for this project, empty if it cannot be read. */
  public Optional<String> versionOf(DistributionFile file) {
    return DistributionFilename.versionOf(file.filename(), name);
  }

  /** The distinct versions of the listed files, in order of first appearance. */
  public List<String> fileVersions() {
    Set<String> versions = new LinkedHashSet<>();
    for (DistributionFile file : files) {
      versionOf(file).ifPresent(versions::add);
    }
    return List.copyOf(versions);
  }

  /**
   * The same page with only the files {@code keep} accepts; it is given each file and its version
   * (empty when the file name declares none, so a version policy can drop it).
   */
  public SimpleProjectPage filter(BiPredicate<DistributionFile, Optional<String>> keep) {
    List<DistributionFile> kept = new ArrayList<>(filesByName.size());
    for (DistributionFile file : files) {
      if (keep.test(file, versionOf(file))) {
        kept.add(file);
      }
    }
    return new SimpleProjectPage(name, apiVersion, declaredVersions, kept);
  }
}
