package dev.keyward.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.core.key.KeyDecoding;
import dev.keyward.core.key.ProductKeyCodec;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The built-in catalog against the SPEC §2 table. */
class WinserverCatalogTest {
  private final Catalog catalog = CatalogLoader.winserver();
  private final Product p = catalog.product("winserver").orElseThrow();

  @Test
  void versionsAndEditionsAreTheSpecs() {
    assertThat(p.family()).isEqualTo(Family.SERVER);
    assertThat(p.versions()).containsExactly("2019", "2022", "2025");
    assertThat(p.editions())
        .extracting(Edition::id)
        .containsExactly(
            "ServerStandard",
            "ServerDatacenter",
            "ServerStandardCor",
            "ServerDatacenterCor",
            "ServerEssentials",
            "ServerStandardEval",
            "ServerDatacenterEval",
            "ServerStandardEvalCor",
            "ServerDatacenterEvalCor");
    assertThat(p.editions().stream().filter(Edition::isEvaluation))
        .allSatisfy(e -> assertThat(e.evaluationDays()).isEqualTo(180))
        .hasSize(4);
  }

  @Test
  void timersAndCountsAreTheSpecs() {
    assertThat(p.grace().initial()).isEqualTo(Duration.ofDays(10));
    assertThat(p.grace().rearmLimit()).isEqualTo(5);
    assertThat(p.volume())
        .isEqualTo(
            new VolumePolicy(5, Duration.ofDays(180), Duration.ofDays(7), Duration.ofHours(2)));
    assertThat(p.channel(Channel.VOLUME_MAK).orElseThrow().defaultPool()).isEqualTo(10);
    ChannelPolicy host = p.channel(Channel.VOLUME_KMS_HOST).orElseThrow();
    assertThat(host.hosts()).isEqualTo(6);
    assertThat(host.activationsPerHost()).isEqualTo(10);
    assertThat(p.hardware().limit()).isEqualTo(3);
    assertThat(p.hardware()).isEqualTo(dev.keyward.core.hardware.TolerancePolicy.defaultPolicy());
  }

  @Test
  void everyCommercialEditionHasItsKeysInEveryVersion() {
    for (String version : p.versions()) {
      for (Edition e : p.editions()) {
        if (e.isEvaluation()) {
          assertThat(p.keyGroup(version, e.id(), Channel.TIMEBASED_EVAL)).isPresent();
          assertThat(p.keyGroup(version, e.id(), Channel.RETAIL)).isEmpty();
        } else {
          for (Channel c : List.of(Channel.RETAIL, Channel.OEM)) {
            assertThat(p.keyGroup(version, e.id(), c))
                .as("%s %s %s", version, e.id(), c)
                .isPresent();
          }
        }
      }
      assertThat(p.keyGroup(version, "ServerStandard", Channel.VOLUME_KMS_HOST))
          .hasValueSatisfying(g -> assertThat(g.edition()).isEmpty());
    }
  }

  @Test
  void groupNumbersAreUniqueAndResolve() {
    Set<Integer> numbers = new HashSet<>();
    for (KeyGroup g : p.keyGroups()) {
      assertThat(numbers.add(g.number())).as("group %d", g.number()).isTrue();
      assertThat(catalog.keyGroup(g.number())).contains(g);
      assertThat(catalog.knowsGroup(g.number())).isTrue();
    }
    assertThat(catalog.knowsGroup(4242)).isFalse();
  }

  @Test
  void everyCommercialVolumeEditionHasItsPublicClientKey() {
    for (String version : p.versions()) {
      for (String edition :
          List.of(
              "ServerStandard", "ServerDatacenter", "ServerStandardCor", "ServerDatacenterCor")) {
        String key = p.volumeClientKey(version, edition).orElseThrow().key();
        KeyGroup group = p.keyGroup(version, edition, Channel.VOLUME_KMSCLIENT).orElseThrow();
        assertThat(ProductKeyCodec.decode(key, catalog::knowsGroup))
            .isInstanceOfSatisfying(
                KeyDecoding.Decoded.class,
                d -> assertThat(d.payload().group()).isEqualTo(group.number()));
      }
    }
    assertThat(p.volumeClientKeys())
        .filteredOn(k -> k.channel() == Channel.VOLUME_KMSCLIENT)
        .hasSize(12);
  }

  @Test
  void everyVersionAndEditionHasAPublicVmActivationKeyOfItsGroup() {
    Catalog catalog = CatalogLoader.winserver();
    Product p = catalog.product("winserver").orElseThrow();
    for (String version : List.of("2019", "2022", "2025")) {
      for (String edition :
          List.of(
              "ServerStandard",
              "ServerDatacenter",
              "ServerStandardCor",
              "ServerDatacenterCor",
              "ServerEssentials")) {
        String key =
            p.publicKey(version, edition, Channel.VIRTUAL_MACHINE_ACTIVATION).orElseThrow().key();
        KeyGroup group =
            p.keyGroup(version, edition, Channel.VIRTUAL_MACHINE_ACTIVATION).orElseThrow();
        assertThat(ProductKeyCodec.decode(key, catalog::knowsGroup))
            .isInstanceOfSatisfying(
                KeyDecoding.Decoded.class,
                d -> assertThat(d.payload().group()).isEqualTo(group.number()));
      }
    }
    assertThat(p.volumeClientKeys())
        .filteredOn(k -> k.channel() == Channel.VIRTUAL_MACHINE_ACTIVATION)
        .hasSize(15);
  }

  @Test
  void unknownBuiltinIsAProblemNotACrash() {
    assertThat(CatalogLoader.builtin("builtin:nosuch")).isInstanceOf(CatalogLoad.Invalid.class);
    assertThat(CatalogLoader.builtin("../../etc/passwd")).isInstanceOf(CatalogLoad.Invalid.class);
  }
}
