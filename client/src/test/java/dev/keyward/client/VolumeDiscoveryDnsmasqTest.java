package dev.keyward.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.core.catalog.CatalogLoader;
import dev.keyward.core.discovery.HostPort;
import dev.keyward.core.discovery.SrvTarget;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.hardware.MachineFacts;
import dev.keyward.core.license.LicenseState;
import dev.keyward.core.time.MutableClock;
import dev.keyward.machines.LabProfile;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Volume host discovery against a real dnsmasq on a loopback port. */
class VolumeDiscoveryDnsmasqTest {
  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  private final MachineFacts machine = LabProfile.VMWARE_VM.newMachine(new Random(3));
  private final KeyPair authority = SigningVolumeHost.keyPair();
  private Dnsmasq dns;
  private SigningVolumeHost first;
  private SigningVolumeHost second;

  @AfterEach
  void stop() {
    for (AutoCloseable c : new AutoCloseable[] {dns, first, second}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception e) {
        // already stopped
      }
    }
  }

  private void startAll() throws Exception {
    first = new SigningVolumeHost(authority, "2022", 1, clock);
    second = new SigningVolumeHost(authority, "2022", 1, clock);
    dns =
        Dnsmasq.start(
            dir,
            List.of("contoso.lan", "fabrikam.lan"),
            List.of(
                "--srv-host=_keyward._tcp.contoso.lan,kms1.contoso.lan," + first.port() + ",0,100",
                "--srv-host=_keyward._tcp.contoso.lan,kms2.contoso.lan,"
                    + second.port()
                    + ",10,100",
                "--srv-host=_keyward._tcp.contoso.lan,kms3.contoso.lan," + second.port() + ",10,0",
                "--host-record=kms1.contoso.lan,127.0.0.1",
                "--host-record=kms2.contoso.lan,127.0.0.1",
                "--host-record=kms3.contoso.lan,127.0.0.1"));
  }

  private VolumeNetwork network(String domain) {
    return new VolumeNetwork(
        Optional.of(new HostPort("127.0.0.1", dns.port)), () -> Optional.ofNullable(domain));
  }

  private KeywardClient client(String store, String domain) {
    KeywardClient c =
        KeywardClient.builder()
            .store(dir.resolve(store))
            .machine(() -> machine)
            .clock(clock)
            .trust(List.of(SigningVolumeHost.trusted(authority)))
            .pinTrustOnFirstUse(false)
            .catalog(CatalogLoader.winserver())
            .volumeNetwork(network(domain))
            .build();
    c.init("winserver", "2022", "ServerStandard");
    c.installKey("K8DYQ-F3DK7-2FDRB-XQDFJ-DKKCC");
    return c;
  }

  @Test
  void srvRecordsComeBackWithTheirPrioritiesWeightsAndAddresses() throws Exception {
    startAll();
    VolumeDiscovery discovery = new VolumeDiscovery(network("contoso.lan"));
    VolumeDiscovery.Answer answer = discovery.lookup("contoso.lan");
    assertThat(answer).isInstanceOf(VolumeDiscovery.Answer.Found.class);
    assertThat(((VolumeDiscovery.Answer.Found) answer).targets())
        .containsExactlyInAnyOrder(
            new SrvTarget(0, 100, first.port(), "kms1.contoso.lan"),
            new SrvTarget(10, 100, second.port(), "kms2.contoso.lan"),
            new SrvTarget(10, 0, second.port(), "kms3.contoso.lan"));
    assertThat(discovery.address("kms2.contoso.lan")).isEqualTo("127.0.0.1");
    assertThat(discovery.lookup("fabrikam.lan"))
        .isInstanceOf(VolumeDiscovery.Answer.NoRecord.class);
  }

  @Test
  void theLowestPriorityHostServesWhileItAnswersThenTheNextAndTheGoodHostIsCached()
      throws Exception {
    startAll();
    KeywardClient c = client("c", "contoso.lan");
    assertThat(c.activate().info().status().state()).isEqualTo(LicenseState.LICENSED);
    VolumeClientInfo info = c.status().volumeClient().orElseThrow();
    assertThat(info.hostId()).contains(first.hostId());
    assertThat(info.cachedHost()).contains("kms1.contoso.lan:" + first.port());
    assertThat(info.dnsHost()).contains("kms1.contoso.lan:" + first.port());

    first.close();
    assertThat(c.activate().info().status().state()).isEqualTo(LicenseState.LICENSED);
    info = c.status().volumeClient().orElseThrow();
    assertThat(info.hostId()).contains(second.hostId());
    assertThat(info.cachedHost()).hasValueSatisfying(h -> h.endsWith(":" + second.port()));

    // without host caching nothing is remembered
    c.volumeSettings().setHostCaching(false);
    c.activate();
    assertThat(c.status().volumeClient().orElseThrow().cachedHost()).isEmpty();
  }

  @Test
  void noRecordIs8007232BAndNoHostAnsweringIsC004F074() throws Exception {
    startAll();
    KeywardClient none = client("n", "fabrikam.lan");
    assertThat(codeOf(none::activate)).isEqualTo(ErrorCode.DNS_NAME_DOES_NOT_EXIST);
    first.close();
    second.close();
    KeywardClient c = client("c", "contoso.lan");
    assertThat(codeOf(c::activate)).isEqualTo(ErrorCode.VOLUME_HOST_UNAVAILABLE);
  }

  @Test
  void skmsDomainIsUsedWhenTheMachineHasNone() throws Exception {
    startAll();
    KeywardClient c = client("c", null);
    c.volumeSettings().setDomain("contoso.lan");
    assertThat(c.activate().info().status().state()).isEqualTo(LicenseState.LICENSED);
  }

  private static ErrorCode codeOf(Runnable r) {
    try {
      r.run();
    } catch (KeywardException e) {
      return e.code();
    }
    throw new AssertionError("expected a refusal");
  }
}
