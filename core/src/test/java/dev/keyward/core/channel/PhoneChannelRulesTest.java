package dev.keyward.core.channel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.core.catalog.CatalogLoader;
import dev.keyward.core.catalog.Channel;
import dev.keyward.core.catalog.KeyGroup;
import dev.keyward.core.catalog.Product;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.hardware.Component;
import dev.keyward.core.hardware.HardwareIdentity;
import dev.keyward.core.hardware.MachineFacts;
import dev.keyward.core.phone.HardwareFingerprint;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Phone activation decides with the same rules and counts as online (SPEC §10), on the installation
 * ID's short hashes, against prior activations made online (full hashes) or by phone.
 */
class PhoneChannelRulesTest {
  private static final Product WINSERVER =
      CatalogLoader.winserver().product("winserver").orElseThrow();
  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
  private static final Installation STD_2022 =
      new Installation("winserver", "2022", "ServerStandard");

  private int machines;

  private Map<Component, String> newMachine() {
    machines++;
    Map<Component, String> components = new EnumMap<>(Component.class);
    for (Component c : Component.values()) {
      components.put(c, c.name() + "-" + machines);
    }
    return components;
  }

  private static Map<Component, String> changed(Map<Component, String> machine, int n) {
    Map<Component, String> copy = new EnumMap<>(machine);
    for (int i = 0; i < n; i++) {
      Component c = Component.values()[i];
      copy.put(c, copy.get(c) + "-changed");
    }
    return copy;
  }

  private static HardwareIdentity identity(Map<Component, String> machine) {
    return HardwareIdentity.of(new MachineFacts(machine, Optional.empty(), false), "winserver");
  }

  private static HardwareFingerprint fingerprint(Map<Component, String> machine) {
    return HardwareFingerprint.of(identity(machine));
  }

  private static PhoneActivationRequest phone(Map<Component, String> machine) {
    return new PhoneActivationRequest(STD_2022, fingerprint(machine), Optional.empty(), false);
  }

  private static ChannelDecision decide(
      Channel channel,
      KeyStanding standing,
      List<PriorActivation> prior,
      Map<Component, String> m) {
    KeyGroup key = WINSERVER.keyGroup("2022", "ServerStandard", channel).orElseThrow();
    return ChannelRules.decide(WINSERVER, key, standing, prior, phone(m), false);
  }

  private static PriorActivation online(String id, Map<Component, String> m, boolean active) {
    return new PriorActivation(id, identity(m), active, NOW.minusSeconds(3600));
  }

  private static PriorActivation byPhone(String id, Map<Component, String> m, boolean spent) {
    return new PriorActivation(
        id, MachineHardware.of(fingerprint(m)), true, NOW.minusSeconds(60), spent);
  }

  private static void assertRefused(ChannelDecision decision, ErrorCode code) {
    assertThat(decision)
        .isInstanceOfSatisfying(
            ChannelDecision.Refuse.class, r -> assertThat(r.failure().error()).isEqualTo(code));
  }

  @Test
  void retailActiveElsewhereIsRefusedByPhoneToo() {
    var old = newMachine();
    assertRefused(
        decide(
            Channel.RETAIL,
            KeyStanding.unblocked(),
            List.of(online("a1", old, true)),
            newMachine()),
        ErrorCode.MAXIMUM_UNLOCK_EXCEEDED);
    // once support released it, the new machine gets it, spending nothing
    assertThat(
            decide(
                Channel.RETAIL,
                KeyStanding.unblocked(),
                List.of(online("a1", old, false)),
                newMachine()))
        .isEqualTo(new ChannelDecision.Grant(false));
  }

  @Test
  void theSameMachineWithinToleranceGetsItsActivationAgain() {
    var m = newMachine();
    PriorActivation onlinePrior = online("a1", m, true);
    assertThat(
            decide(
                Channel.VOLUME_MAK,
                new KeyStanding(false, 1, 1),
                List.of(onlinePrior),
                changed(m, 3)))
        .isEqualTo(new ChannelDecision.Reissue(onlinePrior));
    PriorActivation phonePrior = byPhone("a2", m, true);
    assertThat(decide(Channel.RETAIL, KeyStanding.unblocked(), List.of(phonePrior), m))
        .isEqualTo(new ChannelDecision.Reissue(phonePrior));
  }

  @Test
  void makPoolCountsPhoneActivationsLikeOnlineOnes() {
    var a = newMachine();
    assertThat(decide(Channel.VOLUME_MAK, new KeyStanding(false, 2, 0), List.of(), a))
        .isEqualTo(new ChannelDecision.Grant(true));
    assertRefused(
        decide(
            Channel.VOLUME_MAK,
            new KeyStanding(false, 1, 1),
            List.of(byPhone("a1", a, true)),
            newMachine()),
        ErrorCode.MAK_LIMIT_EXCEEDED);
    // out of tolerance (seed 001's full move) is a new machine: it takes a count
    assertRefused(
        decide(
            Channel.VOLUME_MAK,
            new KeyStanding(false, 1, 1),
            List.of(byPhone("a1", a, true)),
            changed(a, 6)),
        ErrorCode.MAK_LIMIT_EXCEEDED);
  }

  @Test
  void blockedKeysAndKeyFitComeFirstWithoutAClockCheck() {
    assertRefused(
        decide(Channel.RETAIL, new KeyStanding(true, 0, 0), List.of(), newMachine()),
        ErrorCode.PRODUCT_KEY_BLOCKED);
    KeyGroup datacenter =
        WINSERVER.keyGroup("2022", "ServerDatacenter", Channel.RETAIL).orElseThrow();
    assertRefused(
        ChannelRules.decide(
            WINSERVER, datacenter, KeyStanding.unblocked(), List.of(), phone(newMachine()), false),
        ErrorCode.INVALID_PRODUCT_KEY);
    var lab =
        new PhoneActivationRequest(STD_2022, fingerprint(newMachine()), Optional.empty(), true);
    KeyGroup retail = WINSERVER.keyGroup("2022", "ServerStandard", Channel.RETAIL).orElseThrow();
    assertRefused(
        ChannelRules.decide(WINSERVER, retail, KeyStanding.unblocked(), List.of(), lab, false),
        ErrorCode.SIMULATED_MACHINE_REFUSED);
  }

  @Test
  void oemNeedsTheMarkerByPhoneAsOnline() {
    assertRefused(
        decide(Channel.OEM, KeyStanding.unblocked(), List.of(), newMachine()),
        ErrorCode.NOT_OEM_MARKED);
  }

  @Test
  void aMachineReleasedOnlineIsFoundByItsFingerprint() {
    var m = newMachine();
    PriorActivation p = byPhone("a1", m, false);
    assertThat(SupportRules.heldBy(List.of(p), identity(changed(m, 2)), WINSERVER.hardware()))
        .contains(p);
    assertThat(SupportRules.heldBy(List.of(p), identity(newMachine()), WINSERVER.hardware()))
        .isEmpty();
  }
}
