package net.cdapkit.error;

/** No such dossier in the selected CAF, or a dossier reference that expired with its session. */
public final class NotFoundException extends ServerException {
  public NotFoundException(
      String message, int status, String errorCode, String requestId, int attempts) {
    super(message, status, errorCode, requestId, attempts);
  }
}
