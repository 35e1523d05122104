package dev.keyward.cli;

import dev.keyward.authority.AuthorityServer;
import dev.keyward.authority.ConfigSources;
import dev.keyward.authority.startup.StartupException;
import dev.keyward.client.KeywardException;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.FileProblems;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code keyward authority serve}: the activation authority, with the flags of SPEC §8. */
@Command(
    name = "authority",
    mixinStandardHelpOptions = true,
    description = "Run the activation authority.",
    subcommands = {AuthorityCommand.Serve.class})
final class AuthorityCommand {
  @ParentCommand KeywardCommand root;

  @Command(
      name = "serve",
      description = {
        "Serve the activation authority until stopped (Ctrl-C).",
        "[--data DIR] [--port N] [--bind ADDR] [--db JDBC_URL] [--catalog FILE|builtin:winserver]"
            + " [--allow-simulated-machines] [--tls-cert FILE --tls-key FILE | --tls-keystore FILE]"
            + " [--insecure-http]; --help lists them."
      })
  static final class Serve implements Callable<Integer> {
    @ParentCommand AuthorityCommand authority;

    @Parameters(arity = "0..*", paramLabel = "FLAGS", description = "The authority's flags.")
    List<String> flags = new ArrayList<>();

    @Override
    public Integer call() {
      KeywardCli.Context ctx = authority.root.ctx;
      ConfigSources.Parsed parsed;
      try {
        parsed = ConfigSources.parse(resolveFiles(flags, ctx.workingDirectory()), ctx.env());
      } catch (ConfigSources.UsageException e) {
        throw new UsageError("keyward authority serve: " + e.getMessage());
      }
      if (parsed instanceof ConfigSources.Parsed.Help) {
        return authority.root.help(helpText());
      }
      var config = ((ConfigSources.Parsed.Serve) parsed).config();
      if (!config.dataDir().isAbsolute()) {
        config =
            config.toBuilder().dataDir(ctx.workingDirectory().resolve(config.dataDir())).build();
      }
      AuthorityServer server;
      try {
        server = AuthorityServer.start(config);
      } catch (ConfigSources.UsageException e) {
        // A setting the operator must change (plain HTTP on a public address, a bad proxy list).
        ctx.err().println("keyward authority: " + e.getMessage());
        return KeywardCli.USAGE;
      } catch (StartupException e) {
        throw KeywardException.of(
            ErrorCode.AUTHORITY_NOT_STARTED, "The authority cannot start: " + e.getMessage() + ".");
      }
      try {
        Files.writeString(
            server.dataDir().resolve("authority.url"), server.uri() + "\n", StandardCharsets.UTF_8);
      } catch (IOException e) {
        ctx.err()
            .println(
                "keyward authority: "
                    + FileProblems.writing(
                            "The address file", server.dataDir().resolve("authority.url"), e)
                        .message());
      }
      ctx.out()
          .println(
              "Keyward authority listening on "
                  + server.uri()
                  + " (data: "
                  + server.dataDir()
                  + "; admin token in "
                  + server.dataDir().resolve("admin-token")
                  + "). Ctrl-C stops it.");
      ctx.out().flush();
      Runtime.getRuntime().addShutdownHook(new Thread(server::close, "keyward-authority-stop"));
      try {
        server.awaitClosed();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        server.close();
      }
      return KeywardCli.OK;
    }

    private static String helpText() {
      return ConfigSources.USAGE
          + "\nThe address it listens on is written to <data>/authority.url.\n";
    }

    private static final java.util.Set<String> FILE_FLAGS =
        java.util.Set.of("--tls-cert", "--tls-key", "--tls-keystore");

    /** The TLS files of the flags, relative to the working directory like --data. */
    private static String[] resolveFiles(List<String> flags, java.nio.file.Path cwd) {
      List<String> out = new ArrayList<>();
      for (int i = 0; i < flags.size(); i++) {
        String f = flags.get(i);
        int eq = f.indexOf('=');
        if (eq > 0 && FILE_FLAGS.contains(f.substring(0, eq))) {
          out.add(f.substring(0, eq + 1) + resolve(cwd, f.substring(eq + 1)));
        } else if (FILE_FLAGS.contains(f) && i + 1 < flags.size()) {
          out.add(f);
          out.add(resolve(cwd, flags.get(++i)));
        } else {
          out.add(f);
        }
      }
      return out.toArray(String[]::new);
    }

    private static String resolve(java.nio.file.Path cwd, String file) {
      try {
        return cwd.resolve(file).toString();
      } catch (java.nio.file.InvalidPathException e) {
        return file;
      }
    }
  }
}
