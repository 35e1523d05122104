package dev.keyward.authority.console;

import dev.keyward.authority.http.ApiException;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Optional;

/** Reading a console request: its session, its form fields, the reason a change needs. */
final class ConsoleRequest {
  static final String SESSION = "keyward.console.session";
  static final int MAX_REASON = 500;

  private ConsoleRequest() {}

  static ConsoleSessions.Session session(Context ctx) {
    Object s = ctx.attribute(SESSION);
    if (s instanceof ConsoleSessions.Session session) {
      return session;
    }
    throw new IllegalStateException("a console page ran without its session check");
  }

  /** A page for the signed-in operator. */
  static Page page(Context ctx, String title, String nav) {
    ConsoleSessions.Session s = session(ctx);
    return new Page(title, nav, s.actor(), s.csrf(), notice(ctx), null);
  }

  /**
   * The form field or query parameter, stripped; empty when absent. A GET has no form to read:
   * reading its (empty) body anyway would let the edge's minimum data rate refuse a page that was
   * merely slow to be served.
   */
  static String field(Context ctx, String name) {
    boolean hasForm = ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD;
    String v = hasForm ? ctx.formParam(name) : null;
    if (v == null) {
      v = ctx.queryParam(name);
    }
    return v == null ? "" : v.strip();
  }

  static Optional<String> optional(Context ctx, String name) {
    return Optional.of(field(ctx, name)).filter(s -> !s.isEmpty());
  }

  /** Every support action says why: required, recorded in the audit log with the actor. */
  static String reason(Context ctx) {
    String reason = field(ctx, "reason").replaceAll("[\\x00-\\x1f\\x7f]", " ");
    if (reason.isEmpty()) {
      throw ApiException.badRequest(
          "Give a reason (a ticket number, what the customer said): it is kept in the audit log.");
    }
    if (reason.length() > MAX_REASON) {
      throw ApiException.badRequest("The reason is longer than " + MAX_REASON + " characters.");
    }
    return reason;
  }

  static int number(Context ctx, String name, int min, int max) {
    String text = field(ctx, name);
    try {
      int n = Integer.parseInt(text);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // refused below, in words
    }
    throw ApiException.badRequest(
        "'" + name + "' must be a whole number from " + min + " to " + max + ".");
  }

  /** What the last change did, from the redirect's {@code done} parameter (a fixed set). */
  static String notice(Context ctx) {
    String done = ctx.queryParam("done");
    if (done == null) {
      return "";
    }
    return switch (done) {
      case "block" -> "The key is blocked; the audit log has the reason.";
      case "unblock" -> "The key is unblocked; the audit log has the reason.";
      case "extend" -> "The pool is extended; the audit log has the reason.";
      case "release" -> "The key's activations are released; the audit log has the reason.";
      case "signed-out" -> "You are signed out.";
      default -> "";
    };
  }
}
