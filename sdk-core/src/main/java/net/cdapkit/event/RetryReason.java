package net.cdapkit.event;

/** Why the SDK is about to try a call again. */
public enum RetryReason {
  /** The server answered 429; the delay honours its {@code Retry-After} when given. */
  RATE_LIMITED,
  /** The server answered 5xx. */
  SERVER_ERROR,
  /** No usable answer: connection refused or reset, timeout, truncated body. */
  TRANSPORT,
  /** The token expired during the call and was renewed. */
  TOKEN_EXPIRED,
  /** The session-scoped dossier reference expired and the dossier was looked up again. */
  REFERENCE_EXPIRED
}
