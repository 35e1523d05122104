package dev.keyward.authority;

import dev.keyward.authority.startup.StartupException;
import java.io.PrintStream;
import java.util.Map;

/**
 * {@code keyward authority serve}: starts an authority from flags, environment and {@code
 * <data>/authority.yaml} and serves until the process is stopped. Errors are one clear message and
 * a non-zero exit status (2: usage, 1: cannot start), never a stack trace.
 */
public final class AuthorityMain {
  private AuthorityMain() {}

  public static void main(String[] args) {
    int status = run(args, System.getenv(), System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  /**
   * Runs the authority and blocks until it is stopped (shutdown hook: SIGTERM, Ctrl-C).
   *
   * @return the exit status
   */
  public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    AuthorityServer server;
    try {
      ConfigSources.Parsed parsed = ConfigSources.parse(args, env);
      if (parsed instanceof ConfigSources.Parsed.Help) {
        out.print(ConfigSources.USAGE);
        return 0;
      }
      server = AuthorityServer.start(((ConfigSources.Parsed.Serve) parsed).config());
    } catch (ConfigSources.UsageException e) {
      err.println("keyward authority: " + e.getMessage());
      return 2;
    } catch (StartupException e) {
      err.println("keyward authority: " + e.getMessage());
      return 1;
    } catch (RuntimeException e) {
      err.println("keyward authority: cannot start: " + e);
      return 1;
    }
    out.println("Keyward authority listening on " + server.uri());
    out.flush();
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "keyward-authority-stop"));
    try {
      server.awaitClosed();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      server.close();
    }
    return 0;
  }
}
