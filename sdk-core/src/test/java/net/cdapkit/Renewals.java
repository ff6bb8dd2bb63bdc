package net.cdapkit;

import java.lang.reflect.Field;
import java.util.concurrent.CompletableFuture;

/** What tests can see of a session's token renewal in flight. */
final class Renewals {
  private Renewals() {}

  /**
   * How many calls wait on the session's renewal in flight, the one that started it included (0
   * when none is under way). A positive signal that a call is waiting on a renewal, where a sleep
   * would only hope so.
   */
  static int waiters(CdapSession session) {
    try {
      Field renewing = CdapSession.class.getDeclaredField("renewing");
      renewing.setAccessible(true);
      CompletableFuture<?> flight = (CompletableFuture<?>) renewing.get(session);
      return flight == null ? 0 : flight.getNumberOfDependents();
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }
}
