package net.cdapkit.model;

import java.util.List;
import net.cdapkit.internal.CdapStyle;
import org.immutables.value.Value;

/** One page of the courriers tab, newest first, so years of letters are read a page at a time. */
@Value.Immutable
@CdapStyle
public abstract class CourriersPage {
  /** {@return the items of this page} */
  public abstract List<Courrier> elements();

  /** {@return where this page sits in the whole list} */
  public abstract PageInfo page();

  /** {@return a new builder of {@link CourriersPage}} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link CourriersPage}; {@code build()} throws {@link IllegalStateException} when a
   * required attribute is missing or invalid.
   */
  public static final class Builder extends ImmutableCourriersPage.Builder {}
}
