package net.cdapkit.error;

/** No such dossier in the selected CAF, or a dossier reference that expired with its session. */
public final class NotFoundException extends ServerException {
  /**
   * Creates the exception.
   *
   * @param message what went wrong, without personal data
   * @param status the HTTP status
   * @param errorCode the contract's error code, or {@code null}
   * @param requestId the request id of the last attempt, or {@code null}
   * @param attempts how many HTTP attempts were made
   */
  public NotFoundException(
      String message, int status, String errorCode, String requestId, int attempts) {
    super(message, status, errorCode, requestId, attempts);
  }
}
