package net.cdapkit.internal.http;

import java.time.Duration;

/**
 * What the pipeline needs to know about one logical call besides the request itself. Not API.
 *
 * @param operation a stable name for logs and errors, e.g. {@code tab.paiements}; never personal
 * @param profile the session's profile code, for capability errors; may be empty
 * @param capability the capability exercised, e.g. {@code tab paiements}, for capability errors
 * @param retryable whether the call may be sent again: reads, and effects with an idempotency key
 * @param timeout the time allowed for each attempt, or null for the client's call timeout
 */
public record CallContext(
    String operation, String profile, String capability, boolean retryable, Duration timeout) {}
