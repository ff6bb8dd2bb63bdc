package net.cdapkit.benchmarks;

/** A benchmark that measures a broken call measures nothing: set-ups check their results first. */
final class Checks {
  private Checks() {}

  static void expect(boolean condition, String what) {
    if (!condition) {
      throw new IllegalStateException(what + " did not return the expected result");
    }
  }
}
