package dev.keyward.authority.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The console's accessibility check, run in the browser on every page: the project's own rules (the
 * document has a language and a title, one h1 and no skipped heading level, every form control has
 * a label, every button and link has a name, every chart has an accessible name, and the keyboard
 * reaches every control in order with a visible focus ring; and axe-core's rules when .ci/run
 * installed it.
 */
public final class AccessibilityCheck {
  private static final String RULES =
      """
      const problems = [];
      if (!document.documentElement.lang) problems.push('html has no lang');
      if (!document.title.trim()) problems.push('no title');
      const h1 = document.querySelectorAll('h1');
      if (h1.length !== 1) problems.push(h1.length + ' h1 elements');
      let last = 0;
      document.querySelectorAll('h1,h2,h3,h4,h5,h6').forEach(h => {
        const level = Number(h.tagName[1]);
        if (level > last + 1) problems.push('heading ' + h.tagName + ' "' + h.textContent.trim() + '" skips a level');
        last = level;
      });
      document.querySelectorAll('input,select,textarea').forEach(c => {
        if (c.type === 'hidden') return;
        const named = c.getAttribute('aria-label') || c.getAttribute('aria-labelledby')
          || (c.id && document.querySelector('label[for="' + c.id + '"]')) || c.closest('label');
        if (!named) problems.push('control without label: ' + (c.name || c.id || c.outerHTML));
      });
      document.querySelectorAll('button,a[href]').forEach(b => {
        const name = (b.textContent || '').trim() || b.getAttribute('aria-label');
        if (!name) problems.push('unnamed ' + b.tagName + ': ' + b.outerHTML);
      });
      document.querySelectorAll('svg[role=img]').forEach(s => {
        if (!s.getAttribute('aria-label')) problems.push('chart without a name');
      });
      const ids = new Set();
      document.querySelectorAll('[id]').forEach(e => {
        if (ids.has(e.id)) problems.push('duplicate id ' + e.id);
        ids.add(e.id);
      });
      return problems;
      """;

  private AccessibilityCheck() {}

  /** Runs the rules, axe-core's rules and the keyboard walk on the browser's current page. */
  @SuppressWarnings("unchecked")
  public static void check(ConsoleBrowser browser) {
    List<String> problems = new ArrayList<>((List<String>) browser.script(RULES));
    assertThat(problems).as("accessibility of " + browser.path()).isEmpty();
    axe(browser);
    keyboard(browser);
  }

  /**
   * axe-core's WCAG 2 A/AA and best-practice rules, when `.ci/run` installed axe-core from npm into
   * .ci/node (required where the browser tests are: KEYWARD_BROWSER_TESTS=require).
   */
  private static void axe(ConsoleBrowser browser) {
    Path file = Path.of("..", ".ci", "node", "node_modules", "axe-core", "axe.min.js");
    if (!Files.isRegularFile(file)) {
      if ("require".equals(System.getenv("KEYWARD_BROWSER_TESTS"))) {
        throw new AssertionError("axe-core is not installed in .ci/node (run .ci/run's npm step)");
      }
      return;
    }
    try {
      browser.script(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Object violations =
        browser
            .driver()
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa',"
                    + " 'wcag21a', 'wcag21aa', 'best-practice']}})"
                    + ".then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' ' +"
                    + " v.nodes.map(n => n.target.join(' ')).join(', '))))"
                    + ".catch(e => done(['axe failed: ' + e]));");
    assertThat((List<?>) violations).as("axe-core on " + browser.path()).isEmpty();
  }

  /**
   * Tabs through the page from the top: the skip link first, then every visible control, each with
   * an outline when focused.
   */
  private static void keyboard(ConsoleBrowser browser) {
    browser.script(
        "document.activeElement && document.activeElement.blur(); window.scrollTo(0,0);");
    @SuppressWarnings("unchecked")
    List<WebElement> controls =
        (List<WebElement>)
            browser.script(
                "return Array.from(document.querySelectorAll('a[href],button,input,select,textarea'))"
                    + ".filter(e => e.type !== 'hidden' && !e.disabled && e.offsetParent !== null"
                    + " && !e.classList.contains('skip'));");
    Set<WebElement> reached = new LinkedHashSet<>();
    Actions keys = new Actions(browser.driver());
    keys.sendKeys(Keys.TAB).perform();
    WebElement first = browser.driver().switchTo().activeElement();
    assertThat(first.getAttribute("class")).as("first Tab on " + browser.path()).contains("skip");
    for (int i = 0; i < controls.size() + 5 && reached.size() < controls.size(); i++) {
      keys.sendKeys(Keys.TAB).perform();
      WebElement now = browser.driver().switchTo().activeElement();
      if (controls.contains(now)) {
        reached.add(now);
        String outline = now.getCssValue("outline-style");
        assertThat(outline)
            .as("focus ring of " + now.getTagName() + " on " + browser.path())
            .isNotEqualTo("none");
      }
    }
    assertThat(reached).as("controls reached by Tab on " + browser.path()).hasSameSizeAs(controls);
  }
}
