package net.cdapkit.testkit.internal.server;

/**
 * An error answer of the simulator, thrown by a handler and turned into the contract's error body.
 * Its detail is sent to the client: it never quotes a personal value (numéro, NIR, name).
 */
public class ApiError extends RuntimeException {
  public final ErrorCode code;
  public final String detail;

  public ApiError(ErrorCode code, String detail) {
    super(code.code + " " + code.title, null, false, false);
    this.code = code;
    this.detail = detail;
  }

  public static ApiError badRequest(String detail) {
    return new ApiError(ErrorCode.BAD_REQUEST, detail);
  }
}
