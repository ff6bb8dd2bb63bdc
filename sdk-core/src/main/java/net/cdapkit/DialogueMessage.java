package net.cdapkit;

import java.util.Optional;
import net.cdapkit.error.InvalidInputException;

/**
 * A message to the CAF through "Dialogue": a subject, a plain-text body and, optionally, the
 * dossier it is about. Validated when built, so a bad message fails before any request.
 *
 * <pre>{@code
 * DialogueMessage message = DialogueMessage.builder()
 *     .objet("Demande de précision sur un indu")
 *     .message("Bonjour, pourriez-vous préciser …")
 *     .dossier(dossier)
 *     .build();
 * }</pre>
 */
public final class DialogueMessage {
  /** Longest subject accepted, in characters. */
  public static final int MAX_OBJET = 120;

  /** Longest body accepted, in characters. */
  public static final int MAX_MESSAGE = 4000;

  private final String objet;
  private final String message;
  private final Dossier dossier;

  private DialogueMessage(String objet, String message, Dossier dossier) {
    this.objet = objet;
    this.message = message;
    this.dossier = dossier;
  }

  /**
   * Starts a message; subject and body are required.
   *
   * @return a new empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The message's subject.
   *
   * @return the subject, never blank
   */
  public String objet() {
    return objet;
  }

  /**
   * The message's body.
   *
   * @return the body, never blank; may hold line breaks
   */
  public String message() {
    return message;
  }

  /**
   * The dossier the message is about.
   *
   * @return the dossier; empty for a message about no dossier
   */
  public Optional<Dossier> dossier() {
    return Optional.ofNullable(dossier);
  }

  /** Shows lengths only: subject and body may describe the household. */
  @Override
  public String toString() {
    return "DialogueMessage{objet="
        + objet.length()
        + " chars, message="
        + message.length()
        + " chars, dossier="
        + (dossier != null)
        + "}";
  }

  /** Builds a {@link DialogueMessage}. */
  public static final class Builder {
    private String objet;
    private String message;
    private Dossier dossier;

    private Builder() {}

    /**
     * The message's subject, short and without line breaks.
     *
     * @param objet the subject
     * @return this builder
     */
    public Builder objet(String objet) {
      this.objet = objet;
      return this;
    }

    /**
     * The message's body; line breaks and tabs are kept.
     *
     * @param message the body
     * @return this builder
     */
    public Builder message(String message) {
      this.message = message;
      return this;
    }

    /**
     * The dossier the message is about; the CAF receives its reference, not the numéro.
     *
     * @param dossier the opened dossier the message concerns
     * @return this builder
     */
    public Builder dossier(Dossier dossier) {
      this.dossier = dossier;
      return this;
    }

    /**
     * Checks the subject and body and builds the message.
     *
     * @return the immutable message
     * @throws InvalidInputException if the subject or body is missing, blank, too long, or holds
     *     control characters other than line breaks and tabs
     */
    public DialogueMessage build() {
      check("objet", objet, MAX_OBJET, false);
      check("message", message, MAX_MESSAGE, true);
      return new DialogueMessage(objet.strip(), message.strip(), dossier);
    }

    private static void check(String field, String value, int max, boolean multiline) {
      if (value == null || value.isBlank()) {
        throw new InvalidInputException("Dialogue " + field + " is required and must not be blank");
      }
      if (value.strip().length() > max) {
        throw new InvalidInputException(
            "Dialogue " + field + " must be at most " + max + " characters");
      }
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        boolean allowedControl = multiline && (c == '\n' || c == '\r' || c == '\t');
        if (Character.isISOControl(c) && !allowedControl) {
          throw new InvalidInputException(
              "Dialogue " + field + " must be plain text without control characters");
        }
      }
    }
  }
}
