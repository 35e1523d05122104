package dev.keyward.authority.console;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders the console's templates (src/main/jte, compiled at build time) with the headers every
 * console page has: no caching, no framing, and a content security policy that allows only the
 * authority's own scripts, styles and forms.
 */
public final class ConsoleView {
  static final String CSP =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'; connect-src 'self'";

  private final TemplateEngine engine =
      TemplateEngine.createPrecompiled(
          null,
          ContentType.Html,
          ConsoleView.class.getClassLoader(),
          "dev.keyward.authority.console.templates");

  /** Answers with {@code template} (e.g. {@code vendor/keys.jte}) given {@code page} and more. */
  public void render(
      Context ctx, int status, String template, Page page, Map<String, Object> more) {
    Map<String, Object> params = new LinkedHashMap<>(more);
    params.put("page", page);
    StringOutput out = new StringOutput();
    engine.render(template, params, out);
    headers(ctx);
    dev.keyward.authority.http.Api.answered(ctx);
    ctx.status(status).contentType("text/html; charset=utf-8").result(out.toString());
  }

  public void render(Context ctx, String template, Page page, Map<String, Object> more) {
    render(ctx, 200, template, page, more);
  }

  static void headers(Context ctx) {
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("Cache-Control", "no-store");
    ctx.header("X-Frame-Options", "DENY");
  }
}
