package dev.keyward.volumehost.console;

/**
 * One route of the console. Every route but the sign-in page and the static assets needs a
 * signed-in session, and every POST of a session carries its CSRF token; the browser tests walk
 * this table route by route.
 */
record Route(String method, String path, boolean open, Handler handler) {
  /** Answers a call that passed the route's checks. */
  @FunctionalInterface
  interface Handler {
    Reply handle(Call call) throws java.io.IOException;
  }

  static Route open(String method, String path, Handler handler) {
    return new Route(method, path, true, handler);
  }

  static Route signedIn(String method, String path, Handler handler) {
    return new Route(method, path, false, handler);
  }

  boolean isChange() {
    return method.equals("POST");
  }
}
