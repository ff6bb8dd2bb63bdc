package net.cdapkit.internal.json;

import java.util.Map;

/**
 * One error of an {@link ErrorBody}: a five-digit code, a title, and optionally a detail and string
 * metadata (e.g. {@code provider}). Not API. The detail is server prose that may quote the request:
 * {@link #toString()} masks it.
 */
public record ErrorItem(String code, String title, String detail, Map<String, String> meta)
    implements WirePayload {
  public ErrorItem {
    meta = WirePayload.copy(meta);
  }

  @Override
  public void validate() {
    WirePayload.require(code, "ErrorItem.code");
    WirePayload.require(title, "ErrorItem.title");
  }

  @Override
  public String toString() {
    return "ErrorItem[code="
        + code
        + ", title="
        + title
        + ", detail="
        + (detail == null ? "null" : "****")
        + ", meta="
        + meta
        + "]";
  }
}
