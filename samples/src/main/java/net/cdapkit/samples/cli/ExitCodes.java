package net.cdapkit.samples.cli;

import net.cdapkit.audit.AtypicalUseException;
import net.cdapkit.error.AuthenticationException;
import net.cdapkit.error.CapabilityDeniedException;
import net.cdapkit.error.ConfigurationException;
import net.cdapkit.error.InvalidInputException;
import net.cdapkit.error.NotFoundException;

/** The command's exit codes, documented in the README. */
final class ExitCodes {
  static final int OK = 0;
  static final int BAD_INPUT = 2;
  static final int DENIED = 3;
  static final int NOT_FOUND = 4;
  static final int FAILURE = 5;
  static final int JOURNAL_NOT_INTACT = 6;

  /**
   * The client does not reach a CDAP API at the URL given ({@code --server}): most often a base URL
   * without the {@code /api/v1/} prefix.
   */
  static final int CONFIGURATION = 7;

  private ExitCodes() {}

  static int of(Exception e) {
    if (e instanceof ConfigurationException) {
      return CONFIGURATION;
    }
    if (e instanceof InvalidInputException) {
      return BAD_INPUT;
    }
    if (e instanceof AuthenticationException
        && ((AuthenticationException) e).reason()
            == AuthenticationException.Reason.BAD_CREDENTIALS) {
      return BAD_INPUT;
    }
    if (e instanceof CapabilityDeniedException || e instanceof AtypicalUseException) {
      return DENIED;
    }
    if (e instanceof NotFoundException) {
      return NOT_FOUND;
    }
    return FAILURE;
  }
}
