package dev.keyward.cli;

import dev.keyward.client.KeywardClient;
import dev.keyward.client.KeywardException;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import dev.keyward.core.json.Json;
import dev.keyward.core.vmhost.VmHostChannel;
import dev.keyward.volumehost.VmGuestRoster;
import dev.keyward.volumehost.VmHostAgent;
import dev.keyward.volumehost.VolumeHostException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code keyward vm-host serve|guests}: the host agent of host-based VM activation (SPEC §12),
 * serving from the store that this machine's {@code keyward slmgr} uses, and its report of the
 * guests it activated.
 */
@Command(
    name = "vm-host",
    mixinStandardHelpOptions = true,
    description = "Host-based VM activation: run the host agent, list the guests it activated.",
    subcommands = {VmHostCommand.Serve.class, VmHostCommand.Guests.class})
final class VmHostCommand {
  /** Where the running agent writes the channel its guests name ({@code vmHost:}). */
  static final String CHANNEL_FILE = "vm-host.channel";

  @ParentCommand KeywardCommand root;

  @Command(
      name = "serve",
      mixinStandardHelpOptions = true,
      description = {
        "Serve this host's guests until stopped (Ctrl-C). The channel is written to"
            + " <store>/vm-host.channel; guests name it in their machine file (vmHost:)."
      })
  static final class Serve implements Callable<Integer> {
    @ParentCommand VmHostCommand parent;

    @Option(
        names = "--listen",
        paramLabel = "CHANNEL",
        description =
            "unix:/PATH (a Unix domain socket) or a loopback HOST:PORT (port 0: any free one);"
                + " default unix:<store>/vm-host.sock.")
    String listen;

    @Override
    public Integer call() {
      KeywardCommand root = parent.root;
      KeywardCli.Context ctx = root.ctx;
      KeywardClient client = root.client();
      String typed =
          listen == null ? "unix:" + client.store().root().resolve("vm-host.sock") : listen;
      VmHostChannel channel =
          VmHostChannel.parse(typed)
              .orElseThrow(
                  () ->
                      KeywardException.of(
                          ErrorCode.USAGE,
                          "'"
                              + typed
                              + "' is not a channel for --listen (unix:/PATH or HOST:PORT)."));
      VmHostAgent agent;
      try {
        agent = VmHostAgent.start(new VmHostAgent.Config(client, channel, ctx.clock()));
      } catch (VolumeHostException e) {
        throw new KeywardException(e.failure());
      }
      writeChannelFile(client.store().root(), agent.channel());
      Optional<Failure> refusal = agent.refusal();
      ctx.out()
          .println(
              "Keyward host agent listening on "
                  + agent.channel()
                  + refusal
                      .map(f -> " (refusing guests: " + f.error().hex() + " " + f.message() + ")")
                      .orElse("")
                  + ". Ctrl-C stops it.");
      ctx.out().flush();
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    agent.close();
                    stopped.countDown();
                  },
                  "keyward-vm-host-stop"));
      try {
        stopped.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        agent.close();
      }
      return KeywardCli.OK;
    }

    private static void writeChannelFile(Path store, VmHostChannel channel) {
      try {
        Files.writeString(store.resolve(CHANNEL_FILE), channel + "\n");
      } catch (IOException e) {
        // the agent serves anyway; the channel was printed
      }
    }
  }

  @Command(
      name = "guests",
      mixinStandardHelpOptions = true,
      description = "List the guests this host's agent activated (name, edition, version, dates).")
  static final class Guests implements Callable<Integer> {
    @ParentCommand VmHostCommand parent;

    @Override
    public Integer call() {
      KeywardCommand root = parent.root;
      KeywardClient client = root.client();
      String product = client.status().product();
      List<VmGuestRoster.Guest> guests = new VmGuestRoster(client.store().root(), product).read();
      java.time.Instant now = root.ctx.clock().instant();
      if (root.json) {
        List<Object> list = new ArrayList<>();
        for (VmGuestRoster.Guest g : guests) {
          Map<String, Object> o = new java.util.LinkedHashMap<>();
          o.put("name", g.name());
          o.put("cmid", g.cmid());
          o.put("product", g.product());
          o.put("version", g.version());
          o.put("edition", g.edition());
          o.put("lastActivation", g.lastActivation().toString());
          o.put("expiresAt", g.expiresAt().toString());
          o.put("active", now.isBefore(g.expiresAt()));
          list.add(o);
        }
        root.ctx.out().println(Json.write(Map.of("guests", list)));
        return KeywardCli.OK;
      }
      if (guests.isEmpty()) {
        root.ctx.out().println("This host's agent has activated no guest.");
        return KeywardCli.OK;
      }
      String format = "  %-16s %-22s %-8s %-21s %s";
      root.ctx.out().println("Guests activated by this host:");
      root.ctx
          .out()
          .println(
              String.format(format, "NAME", "EDITION", "VERSION", "LAST ACTIVATION", "EXPIRES"));
      for (VmGuestRoster.Guest g : guests) {
        root.ctx
            .out()
            .println(
                String.format(
                    format,
                    g.name(),
                    g.edition(),
                    g.version(),
                    g.lastActivation(),
                    g.expiresAt() + (now.isBefore(g.expiresAt()) ? "" : " (expired)")));
      }
      return KeywardCli.OK;
    }
  }
}
