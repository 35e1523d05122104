package dev.keyward.authority.http;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

/**
 * One route of the authority. The server registers exactly the routes of its table; {@code
 * /openapi.json}, the admin-token tests and the console's session tests are checked against the
 * same table.
 *
 * @param path Javalin path, which is also the OpenAPI path ({@code /v1/admin/keys/{key}})
 * @param access who may call it
 */
public record Route(HandlerType method, String path, Access access, Handler handler) {

  /** Who may call a route. */
  public enum Access {
    /** Anyone (client endpoints, health, metrics). */
    PUBLIC,
    /** The admin bearer token. */
    ADMIN_TOKEN,
    /** A console page anyone may open: the sign-in page and the console's own assets. */
    CONSOLE_PUBLIC,
    /** A console page that needs a signed-in session (and a CSRF token on every change). */
    CONSOLE_SESSION
  }

  /** An API route: {@code admin} routes need the bearer token. */
  public Route(HandlerType method, String path, boolean admin, Handler handler) {
    this(method, path, admin ? Access.ADMIN_TOKEN : Access.PUBLIC, handler);
  }

  /** Whether it needs the admin bearer token. */
  public boolean admin() {
    return access == Access.ADMIN_TOKEN;
  }

  /** Whether it is a page of the vendor console (HTML, not described by openapi.json). */
  public boolean console() {
    return access == Access.CONSOLE_PUBLIC || access == Access.CONSOLE_SESSION;
  }
}
