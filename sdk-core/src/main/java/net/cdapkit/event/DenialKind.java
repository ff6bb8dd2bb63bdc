package net.cdapkit.event;

/** What refused a call before (or instead of) sending it. */
public enum DenialKind {
  /** The session's profile has not this tab or action ({@code CapabilityDeniedException}). */
  CAPABILITY,
  /** The declared finalité is not among the session's ({@code CapabilityDeniedException}). */
  FINALITE,
  /**
   * The CAF is not among the session's CAFs ({@code CapabilityDeniedException}); reported by {@code
   * selectCaf} as a {@link CdapOperation#CAF_SELECTION} call.
   */
  CAF,
  /** The usage guard refused an atypical use ({@code AtypicalUseException}). */
  USAGE_GUARD,
  /** The caller's input was malformed ({@code InvalidInputException}). */
  INVALID_INPUT
}
