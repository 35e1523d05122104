package dev.keyward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/keyward on a fresh copy of the sources, started twice at once (two terminals following the
 * README): one builds, the other waits for it and says so, both answer. One full build: slow.
 */
class LauncherBuildTest {
  private static final long MINUTES = 20;

  @TempDir Path clone;

  @Test
  void twoLaunchersStartedTogetherOnAFreshCloneBothSucceed() throws Exception {
    Path root = Path.of("").toAbsolutePath().getParent();
    assertThat(root.resolve("bin/keyward")).exists();
    copySources(root, clone);
    assertThat(clone.resolve("cli/target")).doesNotExist();

    Process first = launcher(clone, "first");
    Process second = launcher(clone, "second");
    assertThat(first.waitFor(MINUTES, TimeUnit.MINUTES)).as("first launcher ends").isTrue();
    assertThat(second.waitFor(MINUTES, TimeUnit.MINUTES)).as("second launcher ends").isTrue();

    String err = read(clone, "first.err") + read(clone, "second.err");
    String log =
        Files.exists(clone.resolve("cli/target/keyward-build.log"))
            ? Files.readString(clone.resolve("cli/target/keyward-build.log"))
            : "(no build log)";
    assertThat(first.exitValue()).as("%s\n%s", err, log).isZero();
    assertThat(second.exitValue()).as("%s\n%s", err, log).isZero();
    assertThat(read(clone, "first.out")).startsWith("keyward ");
    assertThat(read(clone, "second.out")).startsWith("keyward ");
    // one built, the other waited for it, and the log stayed in the clone's build directory
    assertThat(err.split("keyward: building", -1)).hasSize(2);
    assertThat(err).contains("another keyward is building cli/target/keyward.jar; waiting");
    assertThat(clone.resolve("cli/target/keyward-build.log")).exists();

    serversRunWithTheServerOptions();
  }

  /**
   * The launcher starts a server with bin/server-java-options (the optimising compiler, G1), not
   * with the short-lived command's client compiler and serial collector: seen in the running JVM's
   * command line.
   */
  private void serversRunWithTheServerOptions() throws Exception {
    Path data = clone.resolve("authority-data");
    ProcessBuilder pb =
        new ProcessBuilder(
                clone.resolve("bin/keyward").toString(),
                "authority",
                "serve",
                "--data",
                data.toString(),
                "--port",
                "0")
            .directory(clone.toFile())
            .redirectOutput(clone.resolve("server.out").toFile())
            .redirectError(clone.resolve("server.err").toFile());
    pb.environment().put("KEYWARD_NO_ARCHIVE", "1");
    pb.environment().put("KEYWARD_SERVER_JAVA_OPTS", "-Xmx256m");
    Process server = pb.start();
    try {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
      while (!Files.exists(data.resolve("authority.url")) && System.nanoTime() < deadline) {
        assertThat(server.isAlive()).as(read(clone, "server.err")).isTrue();
        Thread.sleep(100);
      }
      // the launcher execs java: the process started is the JVM
      List<String> command =
          List.of(
              Files.readString(Path.of("/proc", String.valueOf(server.pid()), "cmdline"))
                  .split("\0"));
      assertThat(command)
          .contains("-XX:+UseG1GC", "-XX:MaxTenuringThreshold=1", "-Xmx256m")
          .doesNotContain("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    } finally {
      server.destroy();
      server.waitFor(30, TimeUnit.SECONDS);
    }
  }

  private static Process launcher(Path clone, String name) throws IOException {
    ProcessBuilder pb =
        new ProcessBuilder(clone.resolve("bin/keyward").toString(), "--version")
            .directory(clone.toFile())
            .redirectOutput(clone.resolve(name + ".out").toFile())
            .redirectError(clone.resolve(name + ".err").toFile());
    // the archive's training run is another launcher feature; this test is about the build
    pb.environment().put("KEYWARD_NO_ARCHIVE", "1");
    return pb.start();
  }

  private static String read(Path dir, String file) throws IOException {
    return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
  }

  /** The files git knows (committed or not, ignored ones left out): what a clone would hold. */
  private static void copySources(Path root, Path to) throws Exception {
    Process git =
        new ProcessBuilder("git", "ls-files", "-co", "--exclude-standard", "-z")
            .directory(root.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    byte[] listing = git.getInputStream().readAllBytes();
    assertThat(git.waitFor(1, TimeUnit.MINUTES)).isTrue();
    assertThat(git.exitValue()).isZero();
    List<String> files =
        List.of(new String(listing, StandardCharsets.UTF_8).split("\0")).stream()
            .filter(f -> !f.isEmpty())
            .toList();
    for (String f : files) {
      Path source = root.resolve(f);
      if (!Files.isRegularFile(source)) {
        continue; // deleted in the work tree
      }
      Path target = to.resolve(f);
      Files.createDirectories(target.getParent());
      Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
    }
  }
}
