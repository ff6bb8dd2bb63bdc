package net.cdapkit.model;

import java.util.List;
import net.cdapkit.internal.CdapStyle;
import org.immutables.value.Value;

/** One page of the courriers tab, newest first, so years of letters are read a page at a time. */
@Value.Immutable
@CdapStyle
public abstract class CourriersPage {
  public abstract List<Courrier> elements();

  public abstract PageInfo page();

  public static Builder builder() {
    return new Builder();
  }

  public static final class Builder extends ImmutableCourriersPage.Builder {}
}
