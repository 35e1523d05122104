package dev.keyward.core.channel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.core.catalog.CatalogLoader;
import dev.keyward.core.catalog.Channel;
import dev.keyward.core.catalog.KeyGroup;
import dev.keyward.core.catalog.Product;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Downgrade rights: an earlier version, same product, edition and channel; never eval or public.
 */
class DowngradeTest {
  private static final Product WINSERVER =
      CatalogLoader.winserver().product("winserver").orElseThrow();

  private static KeyGroup group(String version, String edition, Channel channel) {
    return WINSERVER.keyGroup(version, edition, channel).orElseThrow();
  }

  @ParameterizedTest(name = "{0} {1} {2} -> {3}: {4}")
  @CsvSource(
      textBlock =
          """
          2022, ServerStandard,       RETAIL,                     2019, OK
          2025, ServerDatacenter,     VOLUME_MAK,                 2019, OK
          2025, ServerDatacenterCor,  OEM,                        2022, OK
          2022, ServerStandard,       RETAIL,                     2022, 0xC0DE0011
          2019, ServerStandard,       RETAIL,                     2022, 0xC0DE0011
          2022, ServerStandardEval,   TIMEBASED_EVAL,             2019, 0xC0DE0011
          2022, ServerStandard,       VOLUME_KMSCLIENT,           2019, 0xC0DE0011
          2022, ServerStandard,       VIRTUAL_MACHINE_ACTIVATION, 2019, 0xC0DE0011
          2022, ServerStandard,       RETAIL,                     2012, 0xC0DE0007
          """)
  void earlierVersionSameEditionAndChannel(
      String version, String edition, Channel channel, String to, String expected) {
    KeyGroup original = group(version, edition, channel);
    Downgrade.Check check = Downgrade.check(WINSERVER, original, false, to);
    if (expected.equals("OK")) {
      assertThat(check).isInstanceOf(Downgrade.Check.Allowed.class);
      KeyGroup target = ((Downgrade.Check.Allowed) check).target();
      assertThat(target.version()).isEqualTo(to);
      assertThat(target.edition()).isEqualTo(original.edition());
      assertThat(target.channel()).isEqualTo(channel);
    } else {
      assertThat(check).isInstanceOf(Downgrade.Check.Refused.class);
      assertThat(((Downgrade.Check.Refused) check).failure().error().hex()).isEqualTo(expected);
    }
  }

  @Test
  void aRetailLicenceRunsOneMachineAtATimeAcrossItsKeys() {
    var a = dev.keyward.core.hardware.TestMachines.rackServer();
    var b = dev.keyward.core.hardware.TestMachines.otherRackServer();
    var ha = dev.keyward.core.hardware.HardwareIdentity.of(a, "winserver");
    var hb = dev.keyward.core.hardware.HardwareIdentity.of(b, "winserver");
    var t = WINSERVER.hardware();
    var onA = new PriorActivation("act-a", ha, true, java.time.Instant.EPOCH);
    var released = new PriorActivation("act-r", hb, false, java.time.Instant.EPOCH);
    assertThat(Downgrade.sharing(Channel.RETAIL, java.util.List.of(onA, released), hb, t))
        .isInstanceOfSatisfying(
            Downgrade.Sharing.Refused.class,
            r -> assertThat(r.failure().error().hex()).isEqualTo("0xC004C008"));
    assertThat(Downgrade.sharing(Channel.OEM, java.util.List.of(onA, released), ha, t))
        .isInstanceOfSatisfying(
            Downgrade.Sharing.Supersedes.class,
            s -> assertThat(s.activations()).containsExactly(onA));
    assertThat(Downgrade.sharing(Channel.VOLUME_MAK, java.util.List.of(onA), hb, t))
        .isInstanceOfSatisfying(
            Downgrade.Sharing.Supersedes.class, s -> assertThat(s.activations()).isEmpty());
  }

  @Test
  void aBlockedKeyGetsNoDowngradeKey() {
    var check =
        Downgrade.check(WINSERVER, group("2022", "ServerStandard", Channel.RETAIL), true, "2019");
    assertThat(((Downgrade.Check.Refused) check).failure().error().hex()).isEqualTo("0xC004C003");
  }

  @Test
  void aVolumeHostKeyDowngradesToTheEarlierHostGroup() {
    KeyGroup host =
        WINSERVER.keyGroups().stream()
            .filter(g -> g.version().equals("2022") && g.channel() == Channel.VOLUME_KMS_HOST)
            .findFirst()
            .orElseThrow();
    var check = Downgrade.check(WINSERVER, host, false, "2019");
    assertThat(((Downgrade.Check.Allowed) check).target().number()).isEqualTo(1905);
  }
}
