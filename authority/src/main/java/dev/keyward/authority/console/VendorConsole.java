package dev.keyward.authority.console;

import dev.keyward.authority.http.AdminTokens;
import dev.keyward.authority.http.ApiException;
import dev.keyward.authority.http.Route;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The vendor console under {@code /console} (docs/console.md): its route table, the session check
 * and CSRF check in front of every page but sign-in and the assets, sign-in with an admin token and
 * sign-out. The pages themselves are {@link DashboardPage}, {@link KeyPages}, {@link
 * ActivationCenterPage} and {@link AuditPage}.
 */
public final class VendorConsole {
  private static final Logger LOG = LoggerFactory.getLogger(VendorConsole.class);
  static final String COOKIE = "keyward_console";
  static final String SIGN_IN_COOKIE = "keyward_sign_in";
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

  private final ConsoleSessions sessions;
  private final AdminTokens tokens;
  private final ConsoleView view;
  private final boolean tls;
  private final List<Route> pages = new ArrayList<>();

  /**
   * @param tls whether the authority answers over TLS (the cookies are then {@code Secure})
   */
  public VendorConsole(
      VendorServices services,
      ConsoleQueries queries,
      ErrorTally errors,
      ConsoleSessions sessions,
      AdminTokens tokens,
      java.time.Clock clock,
      boolean tls) {
    this.sessions = sessions;
    this.tokens = tokens;
    this.tls = tls;
    this.view = new ConsoleView();
    pages.addAll(new DashboardPage(view, queries, errors, clock).routes());
    pages.addAll(new KeyPages(view, services, queries).routes());
    pages.addAll(new ActivationCenterPage(view, services).routes());
    pages.addAll(new AuditPage(view, services, queries).routes());
  }

  /** Every console route, each with its access: sign-in and assets are the only public ones. */
  public List<Route> routes() {
    List<Route> r = new ArrayList<>();
    r.add(open(HandlerType.GET, "/console/sign-in", this::signInPage));
    r.add(open(HandlerType.POST, "/console/sign-in", this::signIn));
    r.add(open(HandlerType.GET, "/console/assets/{name}", ConsoleAssets::serve));
    r.add(guarded(HandlerType.POST, "/console/sign-out", this::signOut));
    for (Route p : pages) {
      r.add(guarded(p.method(), p.path(), p.handler()));
    }
    return r;
  }

  private Route open(HandlerType method, String path, Handler h) {
    return new Route(method, path, Route.Access.CONSOLE_PUBLIC, h);
  }

  private Route guarded(HandlerType method, String path, Handler h) {
    return new Route(method, path, Route.Access.CONSOLE_SESSION, ctx -> withSession(ctx, h));
  }

  /** The session check, the CSRF check on changes, and errors shown as pages. */
  private void withSession(Context ctx, Handler h) throws Exception {
    Optional<ConsoleSessions.Session> session = sessions.find(ctx.cookie(COOKIE));
    if (session.isEmpty()) {
      if (ctx.method() == HandlerType.GET) {
        ConsoleView.headers(ctx);
        // a first visit (no cookie at all) is sent to sign in; only a session that ended says so
        boolean ended = ctx.cookie(COOKIE) != null;
        ctx.redirect(
            ended ? "/console/sign-in?expired=1" : "/console/sign-in", HttpStatus.SEE_OTHER);
        return;
      }
      signInPage(ctx, 401, Failure.of(ErrorCode.CONSOLE_SESSION_EXPIRED, expiredText()));
      return;
    }
    ctx.attribute(ConsoleRequest.SESSION, session.get());
    Page page = new Page("Error", "", session.get().actor(), session.get().csrf(), "", null);
    try {
      if (ctx.method() != HandlerType.GET && !session.get().csrfMatches(ctx.formParam("csrf"))) {
        throw new ApiException(
            403,
            Failure.of(
                ErrorCode.CONSOLE_CSRF_REFUSED,
                "This change did not carry the page's CSRF token, so nothing was done."));
      }
      h.handle(ctx);
    } catch (ApiException e) {
      view.render(ctx, e.status(), "vendor/error.jte", page.withError(e.failure()), Map.of());
    } catch (RuntimeException e) {
      LOG.error("console page failed on {}", ctx.method(), e);
      Failure f =
          Failure.of(
              ErrorCode.BAD_REQUEST,
              "The console failed to process the request; it was not applied.");
      view.render(ctx, 500, "vendor/error.jte", page.withError(f), Map.of());
    }
  }

  private static String expiredText() {
    return "Your console session has ended (signed out, idle for "
        + ConsoleSessions.IDLE.toMinutes()
        + " minutes, or older than "
        + ConsoleSessions.MAX_AGE.toHours()
        + " hours): sign in again.";
  }

  private void signInPage(Context ctx) {
    Failure expired =
        "1".equals(ctx.queryParam("expired"))
            ? Failure.of(ErrorCode.CONSOLE_SESSION_EXPIRED, expiredText())
            : null;
    signInPage(ctx, 200, expired);
  }

  /** The sign-in form, with a CSRF token of its own (a cookie and the same value in the form). */
  private void signInPage(Context ctx, int status, Failure error) {
    String token = ConsoleSessions.randomToken();
    cookie(ctx, SIGN_IN_COOKIE, token, "/console/sign-in", 600);
    String notice = "signed-out".equals(ctx.queryParam("done")) ? "You are signed out." : "";
    Page page =
        new Page("Sign in", "", "", token, notice, error == null ? null : Page.Shown.of(error));
    view.render(ctx, status, "vendor/signin.jte", page, Map.of());
  }

  private void signIn(Context ctx) {
    String expected = ctx.cookie(SIGN_IN_COOKIE);
    String presented = ctx.formParam("csrf");
    if (expected == null || presented == null || !expected.equals(presented)) {
      signInPage(
          ctx,
          403,
          Failure.of(
              ErrorCode.CONSOLE_CSRF_REFUSED,
              "The sign-in form did not come from this console; open the sign-in page again."));
      return;
    }
    String name = Optional.ofNullable(ctx.formParam("name")).orElse("").strip();
    if (!name.isEmpty() && !NAME.matcher(name).matches()) {
      signInPage(
          ctx,
          400,
          Failure.of(
              ErrorCode.BAD_REQUEST,
              "Your name in the audit log: 1 to 64 letters, digits, '.', '_', '@' or '-'."));
      return;
    }
    if (!tokens.matches(Optional.ofNullable(ctx.formParam("token")).orElse(""))) {
      signInPage(
          ctx,
          401,
          Failure.of(ErrorCode.UNAUTHORIZED, "The admin token is not valid for this authority."));
      return;
    }
    ConsoleSessions.Session s = sessions.open("console:" + (name.isEmpty() ? "admin" : name));
    cookie(ctx, SIGN_IN_COOKIE, "", "/console/sign-in", 0);
    cookie(ctx, COOKIE, s.id(), "/console", (int) ConsoleSessions.MAX_AGE.toSeconds());
    ConsoleView.headers(ctx);
    ctx.redirect("/console", HttpStatus.SEE_OTHER);
  }

  private void signOut(Context ctx) {
    sessions.close(ctx.cookie(COOKIE));
    cookie(ctx, COOKIE, "", "/console", 0);
    ConsoleView.headers(ctx);
    ctx.redirect("/console/sign-in?done=signed-out", HttpStatus.SEE_OTHER);
  }

  /** HttpOnly, SameSite=Strict, Secure over TLS; {@code maxAge} 0 removes it. */
  private void cookie(Context ctx, String name, String value, String path, int maxAge) {
    ctx.res()
        .addHeader(
            "Set-Cookie",
            name
                + "="
                + value
                + "; Path="
                + path
                + "; Max-Age="
                + maxAge
                + "; HttpOnly; SameSite=Strict"
                + (tls ? "; Secure" : ""));
  }
}
