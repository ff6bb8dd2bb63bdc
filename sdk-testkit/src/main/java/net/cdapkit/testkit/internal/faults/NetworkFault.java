package net.cdapkit.testkit.internal.faults;

/** A broken answer at the connection level; the bridge maps each to WireMock's own fault. */
public enum NetworkFault {
  /** The connection is closed with a TCP reset before any answer. */
  CONNECTION_RESET,
  /** The connection is closed without a byte of answer. */
  EMPTY_RESPONSE,
  /** A 200 status line, then a chunk that does not parse. */
  MALFORMED_CHUNK,
  /** Garbage bytes, then the connection is closed. */
  RANDOM_DATA_THEN_CLOSE
}
