package dev.tollgate.gateway.pypi;

import dev.tollgate.adapter.pypi.SimpleProjectPage;

/** What the upstream index says of a project: its page, or that it has none (cached like a page). */
sealed interface UpstreamProject {

  record Found(SimpleProjectPage page) implements UpstreamProject {}

  record Missing(int status) implements UpstreamProject {}
}
