package net.cdapkit.event;

import java.time.Duration;
import java.util.Optional;

/**
 * How a logical call ended.
 *
 * @param outcome success, denial, failure, unknown outcome or cancellation
 * @param attempts HTTP attempts made for the call itself (renewals and lookups not counted)
 * @param duration from {@link CdapEventListener#callStart} to now
 * @param errorType the simple name of the exception the caller got, when not a success
 */
public record CallEnd(
    CallOutcome outcome, int attempts, Duration duration, Optional<String> errorType) {}
