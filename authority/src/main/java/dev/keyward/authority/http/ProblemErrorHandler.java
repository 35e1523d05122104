package dev.keyward.authority.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty's answer to requests it refuses before they reach the API (malformed request line or URI,
 * headers too large): problem+json like every other error, never a page with a stack trace.
 */
final class ProblemErrorHandler extends ErrorHandler {
  ProblemErrorHandler() {
    setShowStacks(false);
    setShowServlet(false);
    setShowMessageInTitle(false);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    int code = status >= 500 ? 400 : status;
    Failure failure =
        Failure.of(
            ErrorCode.BAD_REQUEST,
            "The HTTP request is malformed ("
                + (reason == null ? "status " + status : reason)
                + ").");
    fields.put(new HttpField(HttpHeader.CONTENT_TYPE, "application/problem+json"));
    try {
      return ByteBuffer.wrap(
          Body.MAPPER
              .writeValueAsString(ApiException.problem(code, failure, Map.of()))
              .getBytes(StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      return ByteBuffer.allocate(0);
    }
  }
}
