package dev.keyward.volumehost.console;

import dev.keyward.core.error.Failure;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Renders the console's jte templates ({@code src/main/jte}, compiled to Java classes at build
 * time: no template compiler at run time). HTML output escapes every value by default.
 */
final class Pages {
  static final String PACKAGE = "dev.keyward.volumehost.console.pages";
  private final TemplateEngine engine =
      TemplateEngine.createPrecompiled(
          null, ContentType.Html, Pages.class.getClassLoader(), PACKAGE);

  /** Renders {@code template} with {@code page} and the other parameters, in pairs. */
  String render(String template, View.Frame page, Object... params) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("page", page);
    for (int i = 0; i + 1 < params.length; i += 2) {
      model.put((String) params[i], params[i + 1]);
    }
    StringOutput out = new StringOutput();
    engine.render(template, model, out);
    return out.toString();
  }

  static View.Frame frame(Call call, String title, String active) {
    return new View.Frame(
        title,
        active,
        call.session().map(Sessions.Session::csrf),
        Optional.empty(),
        Optional.empty());
  }

  static View.Frame withError(View.Frame f, Failure failure) {
    return new View.Frame(
        f.title(), f.active(), f.csrf(), Optional.of(View.ErrorBox.of(failure)), f.notice());
  }

  static View.Frame withNotice(View.Frame f, String notice) {
    return new View.Frame(f.title(), f.active(), f.csrf(), f.error(), Optional.of(notice));
  }

  /** A page that only shows an error: code, meaning, remedy. */
  Reply problem(Call call, int status, Failure failure) {
    View.Frame f = withError(frame(call, "Error " + failure.error().hex(), ""), failure);
    return Reply.html(status, render("problem.jte", f));
  }
}
