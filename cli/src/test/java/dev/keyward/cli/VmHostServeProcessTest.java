package dev.keyward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.core.catalog.CatalogLoader;
import dev.keyward.core.catalog.Channel;
import dev.keyward.machines.LabProfile;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keyward vm-host serve} as its own JVM, as an administrator runs it on the host: started on
 * an unlicensed Datacenter host it says it refuses guests, and a guest is refused with the reason;
 * once the host's own {@code slmgr /ato} (another process, the same store) has activated it, the
 * running agent serves, the guest is Licensed, and the host's log has the guest's 12310.
 */
class VmHostServeProcessTest {
  private static final Pattern LISTENING =
      Pattern.compile("^Keyward host agent listening on (\\S+) \\(refusing guests: (0x[0-9A-F]+) ");

  @TempDir Path dir;

  @Test
  void theAgentProcessRefusesAnUnlicensedHostThenServesOnceTheHostIsActivated() throws Exception {
    try (Site site = new Site(dir, 2029)) {
      SiteMachine host = site.named("hv", LabProfile.PHYSICAL_SERVER);
      host.ok(
          "init", "--product", "winserver", "--version", "2022", "--edition", "ServerDatacenter");
      host.ok("slmgr", "/ipk", site.issue("2022", "ServerDatacenter", Channel.RETAIL.name()));
      Process agent = launch(host, site.trustFile());
      try {
        BufferedReader out =
            new BufferedReader(
                new InputStreamReader(agent.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).as(Files.readString(dir.resolve("vm-host-stderr.txt"))).isNotNull();
        Matcher m = LISTENING.matcher(line);
        assertThat(m.find()).as(line).isTrue();
        assertThat(m.group(2)).as(line).isEqualTo("0xC0DE0038");
        String channel = m.group(1);
        assertThat(Files.readString(host.store.resolve(VmHostCommand.CHANNEL_FILE)).strip())
            .isEqualTo(channel);

        SiteMachine guest = site.named("vm", LabProfile.HYPERV_VM).moveTo(Optional.of(channel));
        guest.ok(
            "init", "--product", "winserver", "--version", "2022", "--edition", "ServerDatacenter");
        guest.ok("slmgr", "/ipk", vmKey());
        assertThat(guest.refusal("slmgr", "/ato"))
            .startsWith("0xC0DE0038")
            .contains("not activated");

        host.ok("slmgr", "/ato");
        assertThat(guest.ok("slmgr", "/ato").out()).contains("Product activated successfully");
        assertThat(guest.status()).isEqualTo("Licensed");
        assertThat(host.events(12310))
            .anySatisfy(
                e -> {
                  assertThat(e.get("guest")).isEqualTo(guest.name);
                  assertThat(e.get("edition")).isEqualTo("ServerDatacenter");
                  assertThat(e.get("result")).isEqualTo("0x0");
                });
        assertThat(agent.isAlive()).isTrue();
      } finally {
        agent.destroy(); // SIGTERM: the shutdown hook closes the agent
        assertThat(agent.waitFor(30, TimeUnit.SECONDS)).isTrue();
      }
    }
  }

  private Process launch(SiteMachine host, Path trust) throws Exception {
    return host.startProcess(trust, dir.resolve("vm-host-stderr.txt"), "vm-host", "serve");
  }

  private static String vmKey() {
    return CatalogLoader.winserver()
        .product("winserver")
        .orElseThrow()
        .publicKey("2022", "ServerDatacenter", Channel.VIRTUAL_MACHINE_ACTIVATION)
        .orElseThrow()
        .key();
  }
}
