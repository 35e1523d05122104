package dev.keyward.authority.http;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

/**
 * One route of the authority and its policies: who may call it, what body it takes, whether it
 * counts against the per-address request limit. {@link Api} enforces exactly these properties, and
 * the server registers exactly the routes of its table; {@code /openapi.json}, the admin-token
 * tests and the console's session tests are checked against the same table.
 *
 * @param path Javalin path, which is also the OpenAPI path ({@code /v1/admin/keys/{key}})
 * @param access who may call it
 * @param payload what its body is, and so its size limit and content type
 * @param limit whether each call spends from the caller's address bucket
 */
public record Route(
    HandlerType method, String path, Access access, Payload payload, Limit limit, Handler handler) {

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

  /** What a route's body is: JSON up to the body limit, a catalog up to its own, or a form. */
  public enum Payload {
    JSON,
    /** The YAML or JSON text of a catalog ({@code PUT /v1/admin/catalog}), any content type. */
    CATALOG,
    /** An HTML form or upload of the console (its pages check what they read). */
    FORM
  }

  /** Whether a call spends from its address's bucket (the client endpoints a machine calls). */
  public enum Limit {
    NONE,
    PER_ADDRESS
  }

  /** An API route taking JSON, not limited per address: {@code admin} routes need the token. */
  public Route(HandlerType method, String path, boolean admin, Handler handler) {
    this(method, path, admin ? Access.ADMIN_TOKEN : Access.PUBLIC, handler);
  }

  /** A route with this access; console routes take forms, the others JSON. */
  public Route(HandlerType method, String path, Access access, Handler handler) {
    this(
        method,
        path,
        access,
        access == Access.CONSOLE_PUBLIC || access == Access.CONSOLE_SESSION
            ? Payload.FORM
            : Payload.JSON,
        Limit.NONE,
        handler);
  }

  /** This route, each call spending from the caller's address bucket. */
  public Route limitedPerAddress() {
    return new Route(method, path, access, payload, Limit.PER_ADDRESS, handler);
  }

  /** This route, taking a catalog's text instead of JSON. */
  public Route takingCatalog() {
    return new Route(method, path, access, Payload.CATALOG, limit, handler);
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
