package dev.keyward.cli;

import dev.keyward.client.KeywardException;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import dev.keyward.core.error.FileProblems;
import dev.keyward.core.hardware.MachineFacts;
import dev.keyward.hardware.oshi.OshiMachineReader;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * The {@code keyward} command. {@link #main} is the jar's entry point; tests and the lab call
 * {@link #run} in-process with their own streams, environment, clock and machine.
 *
 * <p>Exit statuses: 0 success, 1 the operation was refused (a catalogue error), 2 the command line
 * is wrong, 3 an unexpected internal error. No stack trace reaches the user unless {@code
 * KEYWARD_DEBUG=1}.
 */
public final class KeywardCli {
  public static final int OK = 0;
  public static final int REFUSED = 1;
  public static final int USAGE = 2;
  public static final int INTERNAL = 3;

  /**
   * Everything a run reads from its surroundings.
   *
   * @param in what the user types ({@code keyward slui 4}); a terminal or a pipe
   */
  public record Context(
      PrintStream out,
      PrintStream err,
      Map<String, String> env,
      Clock clock,
      Supplier<MachineFacts> machine,
      Path workingDirectory,
      boolean stderrIsTerminal,
      InputStream in) {
    public Context {
      Objects.requireNonNull(out, "out");
      Objects.requireNonNull(err, "err");
      env = Map.copyOf(env);
      Objects.requireNonNull(clock, "clock");
      Objects.requireNonNull(machine, "machine");
      Objects.requireNonNull(workingDirectory, "workingDirectory");
      Objects.requireNonNull(in, "in");
    }

    /** Surroundings with nothing to read: every interactive question finds the input ended. */
    public Context(
        PrintStream out,
        PrintStream err,
        Map<String, String> env,
        Clock clock,
        Supplier<MachineFacts> machine,
        Path workingDirectory,
        boolean stderrIsTerminal) {
      this(
          out,
          err,
          env,
          clock,
          machine,
          workingDirectory,
          stderrIsTerminal,
          InputStream.nullInputStream());
    }

    /** This process's surroundings: real streams, environment, clock and hardware. */
    public static Context system() {
      return new Context(
          new PrintStream(System.out, true, StandardCharsets.UTF_8),
          new PrintStream(System.err, true, StandardCharsets.UTF_8),
          System.getenv(),
          Clock.systemUTC(),
          () -> new OshiMachineReader().read(),
          Path.of("").toAbsolutePath(),
          Boolean.getBoolean("keyward.stderr.tty"),
          System.in);
    }

    boolean debug() {
      return "1".equals(env.get("KEYWARD_DEBUG")) || "true".equals(env.get("KEYWARD_DEBUG"));
    }
  }

  private KeywardCli() {}

  public static void main(String[] args) {
    int status = run(Context.system(), args);
    System.out.flush();
    System.err.flush();
    System.exit(status);
  }

  /** Runs one command line; returns the exit status. Never throws. */
  public static int run(Context ctx, String... args) {
    KeywardCommand root = new KeywardCommand(ctx);
    try {
      java.util.OptionalInt fast = FastPath.run(root, args);
      if (fast.isPresent()) {
        return fast.getAsInt();
      }
      root = new KeywardCommand(ctx); // picocli reads the whole line afresh
      CommandLine cl = commandLine(root, CommandChoice.named(args));
      return cl.execute(args);
    } catch (RuntimeException | Error e) {
      return internal(ctx, root, e);
    }
  }

  /** The whole command tree (help walks it). */
  static CommandLine commandLine(KeywardCommand root) {
    return commandLine(root, java.util.Optional.empty());
  }

  /** The tree with only {@code command} below the root, or every command when empty. */
  static CommandLine commandLine(KeywardCommand root, java.util.Optional<Class<?>> command) {
    Context ctx = root.ctx;
    CommandLine cl = new CommandLine(root);
    java.util.Set<Class<?>> added = new java.util.HashSet<>();
    for (Class<?> c : KeywardCommand.COMMANDS.values()) {
      if ((command.isEmpty() || command.get() == c) && added.add(c)) {
        cl.addSubcommand(c);
      }
    }
    cl.setOut(new PrintWriter(ctx.out(), true, StandardCharsets.UTF_8));
    cl.setErr(new PrintWriter(ctx.err(), true, StandardCharsets.UTF_8));
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    // SLMGR /DLI, Slmgr.vbs, DISM: the names administrators type, whatever their case
    cl.setSubcommandsCaseInsensitive(true);
    // wide enough that a path in a description is not cut in two
    cl.setUsageHelpWidth(100);
    // slmgr's verbs may be written -ipk as well as /ipk
    if (cl.getSubcommands().get("slmgr") != null) {
      cl.getSubcommands().get("slmgr").setUnmatchedOptionsArePositionalParams(true);
    }
    // authority serve hands its flags to the authority's own parser
    if (cl.getSubcommands().get("authority") != null) {
      cl.getSubcommands()
          .get("authority")
          .getSubcommands()
          .get("serve")
          .setUnmatchedOptionsArePositionalParams(true);
    }
    CommandHelp.addEverywhere(cl);
    cl.setExecutionStrategy(new CommandHelp.Strategy(root));
    cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> failed(ctx, root, e));
    cl.setParameterExceptionHandler(
        (e, args) -> {
          CommandLine failed = e.getCommandLine();
          String message = e.getMessage();
          if (root.json) {
            root.printer().error(Failure.of(ErrorCode.USAGE, message));
          } else {
            ctx.err().println("keyward: " + message);
            ctx.err()
                .println(
                    "Usage: "
                        + failed.getCommandSpec().qualifiedName()
                        + " --help shows the options.");
          }
          return USAGE;
        });
    cl.setExitCodeExceptionMapper(e -> e instanceof KeywardException ? REFUSED : INTERNAL);
    return cl;
  }

  /** A command stopped with {@code e}: a refusal, a usage mistake, a file problem, or a bug. */
  static int failed(Context ctx, KeywardCommand root, Exception e) {
    if (e instanceof KeywardException k) {
      root.printer().error(k.failure());
      // a usage mistake found below the command line (a malformed address, a bad --listen) is
      // still a usage mistake: exit 2, as docs/cli.md says
      return k.failure().error() == ErrorCode.USAGE ? USAGE : REFUSED;
    }
    if (e instanceof UsageError u) {
      root.printer().error(u.failure());
      return USAGE;
    }
    if (e instanceof UncheckedIOException io && io.getCause() != null) {
      // a file the command touched, said in words (never the exception's text)
      Path path =
          io.getCause() instanceof FileSystemException fs && fs.getFile() != null
              ? Path.of(fs.getFile())
              : ctx.workingDirectory();
      root.printer().error(FileProblems.writing("The file", path, io.getCause()));
      if (ctx.debug()) {
        e.printStackTrace(ctx.err());
      }
      return REFUSED;
    }
    return internal(ctx, root, e);
  }

  private static int internal(Context ctx, KeywardCommand root, Throwable e) {
    // the exception's text is for the report, not for the user: KEYWARD_DEBUG=1 prints it
    Failure failure =
        Failure.of(
            ErrorCode.INTERNAL,
            "keyward stopped on something it did not expect; nothing more was done. This is a"
                + " bug in keyward: run the same command again with KEYWARD_DEBUG=1 for the"
                + " details, and report them.");
    root.printer().error(failure);
    if (ctx.debug()) {
      e.printStackTrace(ctx.err());
    }
    return INTERNAL;
  }
}
