package dev.keyward.cli;

import dev.keyward.client.KeywardException;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.volumehost.VolumeHost;
import dev.keyward.volumehost.VolumeHostException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code keyward volume-host serve}: the volume activation host (SPEC §11), serving from the store
 * that this machine's {@code keyward slmgr} uses (the global {@code --store}, {@code --machine},
 * {@code --trust}, {@code --product}).
 */
@Command(
    name = "volume-host",
    mixinStandardHelpOptions = true,
    description = "Run the volume activation host.",
    subcommands = {VolumeHostCommand.Serve.class})
final class VolumeHostCommand {
  @ParentCommand KeywardCommand root;

  @Command(
      name = "serve",
      mixinStandardHelpOptions = true,
      description = {
        "Serve volume clients from this machine's activated host store until stopped (Ctrl-C).",
        "The address is written to <store>/volume-host.url."
      })
  static final class Serve implements Callable<Integer> {
    @ParentCommand VolumeHostCommand parent;

    @Option(
        names = "--port",
        paramLabel = "N",
        description = "TCP port (0: any free one); default 1688.")
    int port = 1688;

    @Option(
        names = "--bind",
        paramLabel = "ADDR",
        description = "Address to listen on; default 0.0.0.0 (every interface).")
    String bind = "0.0.0.0";

    @Option(
        names = "--publish",
        paramLabel = "DOMAIN",
        description = "Publish _keyward._tcp.DOMAIN SRV by RFC 2136 dynamic update.")
    String publish;

    @Option(
        names = "--dns-server",
        paramLabel = "HOST:PORT",
        description = "DNS server that takes the updates (with --publish).")
    String dnsServer;

    @Option(
        names = "--tsig",
        paramLabel = "FILE",
        description = "TSIG key file as tsig-keygen writes it, to sign the updates.")
    Path tsig;

    @Override
    public Integer call() {
      KeywardCommand root = parent.root;
      KeywardCli.Context ctx = root.ctx;
      Optional<VolumeHost.Publishing> publishing = publishing(ctx);
      VolumeHost host;
      try {
        host =
            VolumeHost.start(
                new VolumeHost.Config(root.client(), bind, port, publishing, ctx.clock()));
      } catch (VolumeHostException e) {
        throw new KeywardException(e.failure());
      }
      ctx.out()
          .println(
              "Keyward volume host listening on "
                  + host.url()
                  + (host.activated()
                      ? ""
                      : " (not activated: answering 0xC004F041 until the store is)")
                  + ". Ctrl-C stops it.");
      ctx.out()
          .println(
              "Site console: "
                  + host.consoleUrl()
                  + " (sign in with the token in "
                  + host.consoleTokenFile()
                  + ")");
      ctx.out().flush();
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    host.close();
                    stopped.countDown();
                  },
                  "keyward-volume-host-stop"));
      try {
        stopped.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        host.close();
      }
      return KeywardCli.OK;
    }

    private Optional<VolumeHost.Publishing> publishing(KeywardCli.Context ctx) {
      if (publish == null) {
        if (dnsServer != null || tsig != null) {
          throw KeywardException.of(
              ErrorCode.BAD_REQUEST, "--dns-server and --tsig go with --publish DOMAIN.");
        }
        return Optional.empty();
      }
      if (dnsServer == null) {
        throw KeywardException.of(
            ErrorCode.BAD_REQUEST,
            "--publish DOMAIN needs --dns-server HOST:PORT (the server that takes the updates).");
      }
      int colon = dnsServer.lastIndexOf(':');
      String host = colon < 0 ? dnsServer : dnsServer.substring(0, colon);
      int dnsPort = 53;
      if (colon >= 0) {
        try {
          dnsPort = Integer.parseInt(dnsServer.substring(colon + 1));
        } catch (NumberFormatException e) {
          dnsPort = -1;
        }
      }
      if (host.isBlank() || dnsPort < 1 || dnsPort > 65535) {
        throw KeywardException.of(
            ErrorCode.BAD_REQUEST, "'" + dnsServer + "' is not HOST:PORT for --dns-server.");
      }
      return Optional.of(
          new VolumeHost.Publishing(
              publish,
              host.replaceAll("^\\[|]$", ""),
              dnsPort,
              Optional.ofNullable(tsig).map(t -> ctx.workingDirectory().resolve(t))));
    }
  }
}
