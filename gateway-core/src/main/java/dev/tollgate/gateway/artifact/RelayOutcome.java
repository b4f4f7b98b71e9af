package dev.tollgate.gateway.artifact;

import java.util.Optional;

/**
 * How a relayed artifact download ended, for the audit log.
 *
 * @param mismatch whether it failed because the bytes disagreed with the index (digest or size),
 *     as opposed to a broken transfer or a client that went away
 */
public record RelayOutcome(boolean verified, long bytes, Optional<String> failure, boolean mismatch) {}
