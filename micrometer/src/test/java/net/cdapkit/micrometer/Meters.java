package net.cdapkit.micrometer;

import io.micrometer.core.instrument.MeterRegistry;

/** What the tests read back from a registry the listener recorded in. */
final class Meters {
  private Meters() {}

  /** The denials counted for this operation and kind. */
  static double denials(MeterRegistry registry, String operation, String kind) {
    return registry
        .get(MicrometerEventListener.DENIALS)
        .tags("operation", operation, "kind", kind)
        .counter()
        .count();
  }
}
