package net.cdapkit.benchmarks.client;

/**
 * What every flow consults, as plain strings: the hand-written flows must not load a single SDK
 * class, or the cold start would charge the SDK's class loading to them.
 */
public final class Demo {
  /** The simulator's demo agent; the canned server accepts any credentials. */
  public static final String LOGIN = "demo-t1";

  /** The simulator's demo password, valid on the simulator only. */
  public static final String PASSWORD = "demo-password";

  public static final String CAF = "751";
  public static final String NUMERO = "9900001";
  public static final String FINALITE = "ACCOMPAGNEMENT_SOCIAL";

  /** Lines asked for per page of a history: the contract's maximum, as the SDK asks. */
  public static final int PAGE_SIZE = 100;

  private Demo() {}
}
