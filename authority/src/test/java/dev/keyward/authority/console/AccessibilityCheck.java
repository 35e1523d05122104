package dev.keyward.authority.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The console's own accessibility check, run in the browser on every page (axe-core is not
 * available offline): the document has a language and a title, one h1 and no skipped heading level,
 * every form control has a label, every button and link has a name, every chart has an accessible
 * name, and the keyboard reaches every control in order with a visible focus ring.
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

  /** Runs the rules and the keyboard walk on the browser's current page. */
  @SuppressWarnings("unchecked")
  public static void check(ConsoleBrowser browser) {
    List<String> problems = new ArrayList<>((List<String>) browser.script(RULES));
    assertThat(problems).as("accessibility of " + browser.path()).isEmpty();
    keyboard(browser);
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
