package dev.keyward.authority.console;

import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import java.util.List;

/**
 * What every console page's layout needs.
 *
 * @param title the page's title and first heading
 * @param nav the navigation entry to mark current ({@code dashboard}, {@code keys}, …)
 * @param actor who is signed in ({@code console:admin}); empty when signed out
 * @param csrf the session's CSRF token for the page's forms; empty when signed out
 * @param notice what the last change did (after a redirect), or empty
 * @param error the error to show, or null
 */
public record Page(
    String title, String nav, String actor, String csrf, String notice, Shown error) {

  /** An error as the console shows it: code, name, what happened, meaning and remedies. */
  public record Shown(
      String code, String name, String message, String meaning, List<String> remedies) {
    public static Shown of(Failure f) {
      ErrorCode e = f.error();
      return new Shown(e.hex(), e.symbolicName(), f.message(), e.meaning(), e.remedies());
    }
  }

  public boolean signedIn() {
    return !actor.isEmpty();
  }

  public Page withError(Failure f) {
    return new Page(title, nav, actor, csrf, notice, Shown.of(f));
  }
}
