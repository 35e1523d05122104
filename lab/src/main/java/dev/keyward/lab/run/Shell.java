package dev.keyward.lab.run;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs one {@code keyward} command line in-process, as an administrator types it on a machine's
 * console. The cli module implements it with {@code KeywardCli.run}; the lab module cannot depend
 * on the cli (the cli depends on the lab for {@code keyward lab}), so it asks through this.
 */
@FunctionalInterface
public interface Shell {

  /**
   * @param args the command line after {@code keyward}, global options included
   * @param workingDirectory the directory relative paths are resolved against
   * @param clock the clock every timer of the command reads (the lab's virtual clock)
   * @param env the environment the command sees (nothing of the real one leaks in)
   * @param input what the administrator types at the command's questions (its standard input;
   *     {@code slui 4} reads the confirmation ID there), empty for nothing
   */
  record Invocation(
      List<String> args,
      Path workingDirectory,
      Clock clock,
      Map<String, String> env,
      String input) {
    public Invocation {
      args = List.copyOf(args);
      Objects.requireNonNull(workingDirectory, "workingDirectory");
      Objects.requireNonNull(clock, "clock");
      env = Map.copyOf(env);
      Objects.requireNonNull(input, "input");
    }

    /** A command that nobody types anything into. */
    public Invocation(
        List<String> args, Path workingDirectory, Clock clock, Map<String, String> env) {
      this(args, workingDirectory, clock, env, "");
    }
  }

  /** What the command did: its exit status and everything it printed. */
  record Result(int exit, String out, String err) {
    public Result {
      Objects.requireNonNull(out, "out");
      Objects.requireNonNull(err, "err");
    }
  }

  Result run(Invocation invocation);
}
