package dev.keyward.volumehost.console;

import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The console's route table and its sign-in, sign-out and static assets; the pages themselves are
 * in {@link InventoryPages}, {@link MachineUpload}, {@link ProxyDesk} and {@link EvidencePage}.
 */
final class ConsoleRoutes {
  private final ConsoleContext context;
  private final Sessions sessions;
  private final Pages pages;

  ConsoleRoutes(ConsoleContext context, Sessions sessions, Pages pages) {
    this.context = context;
    this.sessions = sessions;
    this.pages = pages;
  }

  List<Route> all() {
    InventoryPages inventory = new InventoryPages(context, pages);
    MachineUpload upload = new MachineUpload(context, pages);
    ProxyDesk proxy = new ProxyDesk(context, pages);
    EvidencePage evidence = new EvidencePage(context, pages);
    String p = SiteConsole.PREFIX;
    return List.of(
        Route.open("GET", p + "/sign-in", this::signInPage),
        Route.open("POST", p + "/sign-in", this::signIn),
        Route.open("GET", p + "/static/console.css", c -> asset("console.css", "text/css")),
        Route.open("GET", p + "/static/favicon.svg", c -> asset("favicon.svg", "image/svg+xml")),
        Route.signedIn("GET", p, c -> Reply.redirect(p + "/machines")),
        Route.signedIn("GET", p + "/", c -> Reply.redirect(p + "/machines")),
        Route.signedIn("GET", p + "/machines", inventory::machines),
        Route.signedIn("GET", p + "/expiring", inventory::expiring),
        Route.signedIn("GET", p + "/events", inventory::events),
        Route.signedIn("GET", p + "/add-machine", upload::form),
        Route.signedIn("POST", p + "/add-machine", upload::add),
        Route.signedIn("GET", p + "/proxy", proxy::page),
        Route.signedIn("POST", p + "/proxy/request", proxy::request),
        Route.signedIn("POST", p + "/proxy/response", proxy::response),
        Route.signedIn("GET", p + "/evidence", evidence::page),
        Route.signedIn("GET", p + "/evidence/pack.zip", evidence::pack),
        Route.signedIn("POST", p + "/sign-out", this::signOut));
  }

  private Reply signInPage(Call call) {
    if (call.session().isPresent()) {
      return Reply.redirect(SiteConsole.PREFIX + "/machines");
    }
    return Reply.html(200, signInHtml(call, null));
  }

  private String signInHtml(Call call, Failure failure) {
    View.Frame f =
        Pages.frame(
            new Call("GET", call.path(), Form.EMPTY, java.util.Optional.empty()),
            "Sign in",
            "sign-in");
    if (failure != null) {
      f = Pages.withError(f, failure);
    }
    return pages.render("signIn.jte", f, "tokenFile", context.token().file().toString());
  }

  private Reply signIn(Call call) {
    if (!context.token().matches(call.form().first("token").orElse(null))) {
      return Reply.html(
          401,
          signInHtml(
              call,
              Failure.of(
                  ErrorCode.CONSOLE_SIGN_IN_REFUSED,
                  "That is not this host's console token; no session was opened.")));
    }
    call.session().ifPresent(s -> sessions.close(s.id()));
    Sessions.Session s = sessions.open();
    return Reply.redirect(SiteConsole.PREFIX + "/machines")
        .withHeader("Set-Cookie", cookie(s.id(), -1));
  }

  private Reply signOut(Call call) {
    call.session().ifPresent(s -> sessions.close(s.id()));
    return Reply.redirect(SiteConsole.PREFIX + "/sign-in").withHeader("Set-Cookie", cookie("", 0));
  }

  /**
   * The session cookie: never readable by scripts, never sent by another site's page; without
   * Max-Age it ends with the browser, and the host ends it earlier (idle 30 minutes).
   */
  static String cookie(String value, long maxAgeSeconds) {
    return SiteConsole.COOKIE
        + "="
        + value
        + "; Path="
        + SiteConsole.PREFIX
        + (maxAgeSeconds < 0 ? "" : "; Max-Age=" + maxAgeSeconds)
        + "; HttpOnly; SameSite=Strict";
  }

  private static Reply asset(String name, String type) throws IOException {
    try (InputStream in = ConsoleRoutes.class.getResourceAsStream("static/" + name)) {
      if (in == null) {
        throw new IOException("missing asset " + name);
      }
      return new Reply(
          200, type, in.readAllBytes(), java.util.Map.of("Cache-Control", "max-age=3600"));
    }
  }
}
