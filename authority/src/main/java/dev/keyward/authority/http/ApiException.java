package dev.keyward.authority.http;

import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error answer: an HTTP status and a catalogue failure, rendered as RFC 9457 problem+json
 * (docs/api.md). Thrown anywhere in a request; a write transaction it crosses is rolled back.
 */
public final class ApiException extends RuntimeException {
  private final int status;
  private final Failure failure;
  private final Map<String, Object> extra;
  private final Map<String, String> headers;

  public ApiException(
      int status, Failure failure, Map<String, Object> extra, Map<String, String> headers) {
    // The message is the code only: a detail may spell suggested keys in full.
    super(failure.error().hex() + " " + failure.error().symbolicName(), null, false, false);
    this.status = status;
    this.failure = failure;
    this.extra = Map.copyOf(extra);
    this.headers = Map.copyOf(headers);
  }

  public ApiException(int status, Failure failure) {
    this(status, failure, Map.of(), Map.of());
  }

  public static ApiException badRequest(String detail) {
    return new ApiException(400, Failure.of(ErrorCode.BAD_REQUEST, detail));
  }

  /** A licensing refusal: 422 with the decision's code. */
  public static ApiException refusal(Failure failure) {
    return new ApiException(422, failure);
  }

  public static ApiException refusal(Failure failure, Map<String, Object> extra) {
    return new ApiException(422, failure, extra, Map.of());
  }

  public int status() {
    return status;
  }

  public Failure failure() {
    return failure;
  }

  public Map<String, Object> extra() {
    return extra;
  }

  public Map<String, String> headers() {
    return headers;
  }

  /** The problem+json body. */
  public Map<String, Object> problem() {
    return problem(status, failure, extra);
  }

  public static Map<String, Object> problem(
      int status, Failure failure, Map<String, Object> extra) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("type", "https://keyward.dev/errors/" + failure.error().hex());
    json.put("title", failure.error().symbolicName());
    json.put("status", status);
    json.put("detail", failure.message());
    json.put("code", failure.error().hex());
    json.put("name", failure.error().symbolicName());
    json.put("message", failure.message());
    json.put("remedy", failure.remedy());
    json.putAll(extra);
    return json;
  }
}
