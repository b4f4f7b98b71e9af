package dev.tollgate.adapter.pypi;

/**
 * Where a written page sends the client for each file: the gateway's own URL, never the upstream's,
 * so that every download passes the gateway's policy and digest check. Core metadata and signature
 * links follow from it ({@code <link>.metadata}, {@code <link>.asc}).
 */
@FunctionalInterface
public interface FileLinker {

  /**
   * The absolute or root-relative URL, without fragment, at which the client fetches {@code file}.
   */
  String link(DistributionFile file);

  /**
   * Links {@code /files/<project>/<file>} below {@code mountPath} (e.g. {@code /pypi}), the routes
   * {@link PypiPaths#parse} reads back.
   */
  static FileLinker underMount(String mountPath, String normalizedProject) {
    return file -> mountPath + PypiPaths.filePath(normalizedProject, file.filename());
  }
}
