package dev.keyward.volumehost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.core.catalog.CatalogLoader;
import dev.keyward.core.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Type;

/**
 * The host publishes {@code _keyward._tcp.volume.test} SRV in a real BIND 9 by RFC 2136 update
 * signed with TSIG (event 12294); a second host adds its own record beside it; a host with a wrong
 * TSIG key is refused and logs 12293 with the DNS answer.
 */
class VolumeHostDnsTest {

  private static VolumeHost serve(HostSite.HostMachine m, Bind9 bind, Path tsig) {
    return VolumeHost.start(
        new VolumeHost.Config(
            m.client(),
            "127.0.0.1",
            0,
            Optional.of(
                new VolumeHost.Publishing(Bind9.ZONE, "127.0.0.1", bind.port, Optional.of(tsig))),
            Clock.systemUTC()));
  }

  private static List<Map<String, Object>> events(HostSite.HostMachine m, int id) throws Exception {
    return Files.readAllLines(m.store().resolve("winserver").resolve("events.jsonl")).stream()
        .map(l -> Json.readObject(l).orElseThrow())
        .filter(e -> Integer.valueOf(id).equals(e.get("id")))
        .toList();
  }

  @Test
  @SuppressWarnings("unchecked")
  void theSrvRecordAppearsInBindAndAWrongKeyIsRefused(@TempDir Path dir) throws Exception {
    Path bindDir = Files.createDirectories(dir.resolve("bind"));
    try (Bind9 bind = Bind9.start(bindDir);
        HostSite site = new HostSite(dir.resolve("site"))) {
      HostSite.HostMachine a = site.activatedHost("2022");
      HostSite.HostMachine b = site.activatedHost("2022");
      try (VolumeHost hostA = serve(a, bind, bind.keyFile);
          VolumeHost hostB = serve(b, bind, bind.keyFile)) {
        assertThat(hostA.publishNow()).contains("published");
        assertThat(hostB.publishNow()).contains("published");
        List<Record> srv = bind.records("_keyward._tcp." + Bind9.ZONE + ".", Type.SRV);
        assertThat(srv)
            .map(r -> ((SRVRecord) r).getPort())
            .containsExactlyInAnyOrder(hostA.port(), hostB.port());
        String target = ((SRVRecord) srv.get(0)).getTarget().toString();
        assertThat(target).endsWith("." + Bind9.ZONE + ".");
        assertThat(bind.records(target, Type.A))
            .map(r -> ((ARecord) r).getAddress().getHostAddress())
            .containsExactly("127.0.0.1");
        assertThat(events(a, 12294)).isNotEmpty();
        assertThat(events(a, 12294).get(0))
            .containsEntry("record", "_keyward._tcp." + Bind9.ZONE + ".")
            .containsEntry("port", hostA.port());
        Map<String, Object> block =
            HostReport.read(
                    HostFiles.of(a.client().store(), "winserver"),
                    CatalogLoader.winserver(),
                    Instant.now())
                .orElseThrow();
        assertThat((Map<String, Object>) block.get("publishing"))
            .containsEntry("state", "published")
            .containsEntry("tsig", true);
      }

      Path wrong = Bind9.keygen(dir.resolve("wrong.key"), Bind9.KEY_NAME);
      HostSite.HostMachine c = site.activatedHost("2022");
      try (VolumeHost hostC = serve(c, bind, wrong)) {
        assertThat(hostC.publishNow()).contains("failed");
        List<Map<String, Object>> failed = events(c, 12293);
        assertThat(failed).isNotEmpty();
        assertThat((String) failed.get(failed.size() - 1).get("answer"))
            .containsAnyOf("NOTAUTH", "BADSIG", "BADKEY", "REFUSED");
        assertThat(events(c, 12294)).isEmpty();
        assertThat(bind.records("_keyward._tcp." + Bind9.ZONE + ".", Type.SRV))
            .map(r -> ((SRVRecord) r).getPort())
            .doesNotContain(hostC.port());
      }
    }
  }
}
