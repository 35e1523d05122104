package dev.keyward.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.keyward.machines.LabProfile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keyward slui 4} on a real terminal: the command runs in its own JVM inside a tmux pane,
 * and the test types as a person would, one group at a time. One mistyped group is refused on the
 * spot, typed again, and the machine ends Licensed.
 *
 * <p>Needs tmux. Without it the test is skipped, unless {@code KEYWARD_TERMINAL_TESTS=require}
 * (what {@code .ci/run} sets after installing tmux), when it fails.
 */
class SluiTerminalTest {
  private static final Duration WAIT = Duration.ofSeconds(90);

  @TempDir static Path dir;

  private final String socket = "keyward-slui-test-" + ProcessHandle.current().pid();

  @Test
  void aMistypedGroupIsRefusedCorrectedAndTheMachineEndsLicensed() throws Exception {
    requireTmux();
    try (Site site = new Site(dir, 44)) {
      String key = site.issue("2022", "ServerStandard", "RETAIL");
      SiteMachine m = site.isolated(LabProfile.VMWARE_VM).init("2022", "ServerStandard");
      m.ok("slmgr", "/ipk", key);
      String iid = m.iid();
      List<String> groups =
          Arrays.asList(site.phone("agent.terminal", iid, "ticket 11: slui 4").split("-"));

      Path script = dir.resolve("slui.sh");
      Files.writeString(
          script,
          String.join(
                  " ",
                  List.of(
                      quote(javaCommand()),
                      "--enable-native-access=ALL-UNNAMED",
                      "-Dkeyward.stdin.tty=true",
                      "-cp",
                      quote(classPath()),
                      "dev.keyward.cli.KeywardCli",
                      "--store",
                      quote(m.store.toString()),
                      "--machine",
                      quote(m.file.toString()),
                      "--authority",
                      "http://127.0.0.1:9",
                      "--trust",
                      quote(site.trustFile().toString()),
                      "slui",
                      "4"))
              + "\necho KEYWARD-EXIT=$?\nsleep 600\n");
      try {
        tmux("new-session", "-d", "-s", "slui", "-x", "200", "-y", "100", "sh " + script);
        String screen = waitFor("Group 1 of 20:");
        assertThat(screen).contains(" 1: " + iid.substring(0, 7)).contains("Step 1.");
        for (int g = 1; g <= groups.size(); g++) {
          if (g == 5) {
            char[] wrong = groups.get(4).toCharArray();
            wrong[3] = (char) ('0' + (wrong[3] - '0' + 1) % 10);
            typeLine(new String(wrong));
            waitFor("Type group 5 again");
          }
          typeLine(groups.get(g - 1));
          if (g < groups.size()) {
            waitFor("Group " + (g + 1) + " of 20:");
          }
        }
        screen = waitFor("KEYWARD-EXIT=");
        assertThat(screen)
            .contains("Group 5 does not match its check digit")
            .contains("Product activated successfully")
            .contains("KEYWARD-EXIT=0");
      } finally {
        tmux("kill-server");
      }
      assertThat(m.dli()).containsEntry("licenseStatus", "Licensed");
    }
  }

  private static void requireTmux() {
    boolean present;
    try {
      Process p = new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start();
      present = p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      present = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      present = false;
    }
    if (!present && "require".equals(System.getenv("KEYWARD_TERMINAL_TESTS"))) {
      fail("tmux is not installed, and KEYWARD_TERMINAL_TESTS=require");
    }
    Assumptions.assumeTrue(present, "tmux is not installed");
  }

  private static String javaCommand() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** The test's class path: surefire's own, else this JVM's. */
  private static String classPath() {
    return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  private void typeLine(String text) throws Exception {
    tmux("send-keys", "-t", "slui", "-l", text);
    tmux("send-keys", "-t", "slui", "Enter");
  }

  private String waitFor(String text) throws Exception {
    Instant deadline = Instant.now().plus(WAIT);
    String screen = "";
    while (Instant.now().isBefore(deadline)) {
      screen = tmux("capture-pane", "-p", "-t", "slui", "-S", "-");
      if (screen.contains(text)) {
        return screen;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the terminal never showed '" + text + "':\n" + screen);
  }

  private String tmux(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("tmux", "-L", socket));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("tmux " + String.join(" ", args) + " hung");
    }
    if (p.exitValue() != 0 && !args[0].equals("kill-server")) {
      throw new AssertionError("tmux " + String.join(" ", args) + " failed: " + out);
    }
    return out;
  }
}
