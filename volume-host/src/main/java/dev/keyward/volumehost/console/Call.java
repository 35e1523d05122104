package dev.keyward.volumehost.console;

import java.util.Optional;

/** One request to the console, read: the route's path, the form, the signed-in session. */
record Call(String method, String path, Form form, Optional<Sessions.Session> session) {
  String csrf() {
    return session.map(Sessions.Session::csrf).orElse("");
  }
}
