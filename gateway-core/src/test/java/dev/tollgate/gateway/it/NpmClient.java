package dev.tollgate.gateway.it;

/** The npm registry clients the end-to-end tests drive, with the lockfile each one writes. */
enum NpmClient {
  NPM("package-lock.json"),
  PNPM("pnpm-lock.yaml"),
  YARN_CLASSIC("yarn.lock"),
  YARN_BERRY("yarn.lock");

  private final String lockfileName;

  NpmClient(String lockfileName) {
    this.lockfileName = lockfileName;
  }

  String lockfileName() {
    return lockfileName;
  }
}
