package dev.keyward.volumehost.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * Accessibility checks of a console page in the browser: axe-core's WCAG 2 A/AA rules when it is
 * installed (.ci/run puts it in .ci/node from npm), and always checks of our own: every form field
 * has a label, one h1 and no skipped heading level, every link, button and field is reached with
 * the Tab key, and the page does not scroll sideways at the window's width.
 */
final class Accessibility {
  private Accessibility() {}

  static Optional<Path> axe() {
    Path file = Path.of("..", ".ci", "node", "node_modules", "axe-core", "axe.min.js");
    if (Files.isRegularFile(file)) {
      return Optional.of(file);
    }
    if ("require".equals(System.getenv("KEYWARD_BROWSER_TESTS"))) {
      throw new AssertionError("axe-core is not installed in .ci/node (run .ci/run's npm step)");
    }
    return Optional.empty();
  }

  static void check(ChromeDriver driver, String where) throws java.io.IOException {
    labels(driver, where);
    headings(driver, where);
    keyboard(driver, where);
    Number overflow =
        (Number)
            driver.executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth;");
    assertThat(overflow.intValue())
        .as(where + ": the page scrolls sideways")
        .isLessThanOrEqualTo(0);
    Optional<Path> axe = axe();
    if (axe.isPresent()) {
      driver.executeScript(Files.readString(axe.get()));
      Object result =
          driver.executeAsyncScript(
              "const done = arguments[arguments.length - 1];"
                  + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa',"
                  + " 'wcag21a', 'wcag21aa', 'best-practice']}})"
                  + ".then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' ' +"
                  + " v.nodes.map(n => n.target.join(' ')).join(', '))))"
                  + ".catch(e => done(['axe failed: ' + e]));");
      assertThat((List<?>) result).as(where + ": axe-core violations").isEmpty();
    }
  }

  private static void labels(ChromeDriver driver, String where) {
    @SuppressWarnings("unchecked")
    List<String> unlabelled =
        (List<String>)
            driver.executeScript(
                "return [...document.querySelectorAll('input:not([type=hidden]), select,"
                    + " textarea')].filter(e => !(e.labels && e.labels.length) &&"
                    + " !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby'))"
                    + ".map(e => e.outerHTML);");
    assertThat(unlabelled).as(where + ": fields without a label").isEmpty();
  }

  private static void headings(ChromeDriver driver, String where) {
    List<WebElement> h1 = driver.findElements(By.tagName("h1"));
    assertThat(h1).as(where + ": one h1").hasSize(1);
    @SuppressWarnings("unchecked")
    List<Long> levels =
        (List<Long>)
            driver.executeScript(
                "return [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')]"
                    + ".map(h => Number(h.tagName.substring(1)));");
    for (int i = 1; i < levels.size(); i++) {
      assertThat(levels.get(i))
          .as(where + ": heading levels " + levels)
          .isLessThanOrEqualTo(levels.get(i - 1) + 1);
    }
  }

  /** Tabs through the page: every focusable element gets the focus, in a bounded walk. */
  private static void keyboard(ChromeDriver driver, String where) {
    @SuppressWarnings("unchecked")
    List<String> focusable =
        (List<String>)
            driver.executeScript(
                "let n = 0; const all = [...document.querySelectorAll('a[href], button,"
                    + " input:not([type=hidden]), select, textarea, [tabindex=\"0\"]')]"
                    + ".filter(e => !e.disabled && e.getClientRects().length);"
                    + "all.forEach(e => e.dataset.kwFocus = 'f' + (n++));"
                    + "return all.map(e => e.dataset.kwFocus);");
    driver.executeScript(
        "document.activeElement && document.activeElement.blur(); window.focus();");
    java.util.Set<String> reached = new java.util.HashSet<>();
    Actions keys = new Actions(driver);
    for (int i = 0; i < focusable.size() + 3 && reached.size() < focusable.size(); i++) {
      keys.sendKeys(Keys.TAB).perform();
      Object id = driver.executeScript("return document.activeElement.dataset.kwFocus || null;");
      if (id != null) {
        reached.add(id.toString());
      }
    }
    assertThat(reached)
        .as(where + ": reached with Tab (of " + focusable + ")")
        .containsExactlyInAnyOrderElementsOf(focusable);
  }
}
