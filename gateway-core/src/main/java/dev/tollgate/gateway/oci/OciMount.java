package dev.tollgate.gateway.oci;

import dev.tollgate.adapter.oci.RoutedRepository;
import dev.tollgate.gateway.policy.PolicyHolder;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * What every service on the OCI mount works with: the upstreams by key, the policy in force (asked
 * before any upstream request, on the image coordinates each routed request names), the way answers
 * are sent and audited, and the worker pool that upstream callbacks continue on.
 */
record OciMount(Map<String, RegistryUpstream> upstreams, PolicyHolder policy, OciAnswers answers,
    Executor workers) {

  OciMount {
    upstreams = Map.copyOf(upstreams);
  }

  /** The upstream a routed request goes to. */
  RegistryUpstream upstream(RoutedRepository repository) {
    return upstreams.get(repository.upstream());
  }
}
