package dev.keyward.core.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyward.core.catalog.CatalogLoader;
import dev.keyward.core.catalog.Channel;
import dev.keyward.core.catalog.ChannelPolicy;
import dev.keyward.core.catalog.Product;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import dev.keyward.core.hardware.Component;
import dev.keyward.core.hardware.HardwareIdentity;
import dev.keyward.core.hardware.MachineFacts;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SupportRulesTest {
  private static final Product WINSERVER =
      CatalogLoader.winserver().product("winserver").orElseThrow();
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  private static HardwareIdentity machine(String name, int changed) {
    Map<Component, String> values = new EnumMap<>(Component.class);
    for (Component c : Component.values()) {
      values.put(c, name + "-" + c + (c.ordinal() < changed ? "-changed" : ""));
    }
    return HardwareIdentity.of(new MachineFacts(values, Optional.empty(), false), "winserver");
  }

  @Test
  void aMachineHoldsItsMostRecentActiveActivationWithinTolerance() {
    var old = new PriorActivation("a1", machine("m", 0), true, T0);
    var newer = new PriorActivation("a2", machine("m", 1), true, T0.plusSeconds(60));
    var released = new PriorActivation("a3", machine("m", 0), false, T0.plusSeconds(120));
    var other = new PriorActivation("a4", machine("x", 0), true, T0.plusSeconds(180));
    List<PriorActivation> prior = List.of(old, newer, released, other);

    assertThat(SupportRules.heldBy(prior, machine("m", 2), WINSERVER.hardware())).contains(newer);
    assertThat(SupportRules.heldBy(prior, machine("m", 5), WINSERVER.hardware())).isEmpty();
    assertThat(SupportRules.heldBy(List.of(released), machine("m", 0), WINSERVER.hardware()))
        .isEmpty();
  }

  @Test
  void onlyASupportReleaseOfAMultipleActivationKeyGivesItsCountBack() {
    for (Channel c : Channel.values()) {
      assertThat(SupportRules.releaseReturnsCount(c, SupportRules.Releaser.SUPPORT))
          .isEqualTo(c == Channel.VOLUME_MAK);
      assertThat(SupportRules.releaseReturnsCount(c, SupportRules.Releaser.MACHINE)).isFalse();
    }
  }

  @Test
  void renewalNeedsAnUnblockedKeyAnActiveActivationAndTheSameMachine() {
    HardwareIdentity certified = machine("m", 0);
    var active = new PriorActivation("a1", certified, true, T0);
    var released = new PriorActivation("a1", certified, false, T0);
    KeyStanding ok = KeyStanding.unblocked();
    KeyStanding blocked = new KeyStanding(true, 0, 0);

    assertThat(SupportRules.renewal(WINSERVER, ok, active, certified, machine("m", 3))).isEmpty();
    assertThat(SupportRules.renewal(WINSERVER, blocked, active, certified, certified))
        .map(Failure::error)
        .contains(ErrorCode.PRODUCT_KEY_BLOCKED);
    assertThat(SupportRules.renewal(WINSERVER, ok, released, certified, certified))
        .map(Failure::error)
        .contains(ErrorCode.PKEY_NOT_INSTALLED);
    assertThat(SupportRules.renewal(WINSERVER, ok, active, certified, machine("m", 4)))
        .map(Failure::error)
        .contains(ErrorCode.OUT_OF_TOLERANCE);
  }

  @Test
  void poolExtensionsStopAtTheChannelLimit() {
    ChannelPolicy mak = WINSERVER.channel(Channel.VOLUME_MAK).orElseThrow();
    assertThat(mak.extensionLimit()).isEqualTo(100);
    assertThat(SupportRules.poolExtension(mak, 0, 100)).isEmpty();
    assertThat(SupportRules.poolExtension(mak, 60, 40)).isEmpty();
    assertThat(SupportRules.poolExtension(mak, 60, 41))
        .hasValueSatisfying(
            f -> {
              assertThat(f.error()).isEqualTo(ErrorCode.MAK_EXTENSION_LIMIT_EXCEEDED);
              assertThat(f.message()).contains("at most 40 more");
            });
    assertThat(SupportRules.poolExtension(mak, 100, 1)).isPresent();
    assertThatThrownBy(() -> SupportRules.poolExtension(mak, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
