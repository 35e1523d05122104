package dev.keyward.cli;

import dev.keyward.authority.AuthorityServer;
import dev.keyward.authority.ConfigSources;
import dev.keyward.authority.StartupException;
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
            + " [--allow-simulated-machines]; --help lists them."
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
        parsed = ConfigSources.parse(flags.toArray(String[]::new), ctx.env());
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
      return """
          Usage: keyward authority serve [--data DIR] [--port N] [--bind ADDR] [--db JDBC_URL]
                                         [--catalog FILE|builtin:winserver] [--allow-simulated-machines]

            --data DIR                  data directory (secrets, admin token, SQLite database);
                                        default ./keyward-data, env KEYWARD_DATA
            --port N                    TCP port, 0 picks a free one; default 8080, env KEYWARD_PORT
            --bind ADDR                 address to listen on; default 127.0.0.1, env KEYWARD_BIND
            --db JDBC_URL               jdbc:postgresql://... or jdbc:sqlite:FILE; default SQLite
                                        <data>/keyward.db, env KEYWARD_DB
            --catalog FILE|builtin:NAME catalog to serve; default builtin:winserver, env KEYWARD_CATALOG
            --allow-simulated-machines  accept lab machines; env KEYWARD_ALLOW_SIMULATED=true

          The address it listens on is written to <data>/authority.url.
          """;
    }
  }
}
