package net.cdapkit.internal.json;

import java.util.List;

/** The body of every error response: {@code {"errors":[{"code":"37003",…}]}}. Not API. */
public record ErrorBody(List<ErrorItem> errors) implements WirePayload {
  public ErrorBody {
    errors = WirePayload.copy(errors);
  }

  @Override
  public void validate() {
    WirePayload.require(errors, "ErrorBody.errors");
  }

  /** The first error, which the contract says is always there; null if a server broke that. */
  public ErrorItem first() {
    return errors == null || errors.isEmpty() ? null : errors.get(0);
  }
}
