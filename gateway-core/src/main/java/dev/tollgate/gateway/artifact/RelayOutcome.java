package dev.tollgate.gateway.artifact;

import java.util.Optional;

/** How a relayed artifact download ended, for the audit log. */
public record RelayOutcome(boolean verified, long bytes, Optional<String> failure) {}
