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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** One nested class per row of SPEC §6, plus the rules every key obeys. */
class ChannelRulesTest {
  private static final Product WINSERVER =
      CatalogLoader.winserver().product("winserver").orElseThrow();
  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
  private static final Installation STD_2022 =
      new Installation("winserver", "2022", "ServerStandard");
  private static final String OEM_MARKER = "KEYWARD-OEM-WINSERVER";

  private int machines;

  /** A fresh machine with ten distinct component values. */
  private Map<Component, String> newMachine() {
    machines++;
    Map<Component, String> components = new EnumMap<>(Component.class);
    for (Component c : Component.values()) {
      components.put(c, c.name() + "-" + machines);
    }
    return components;
  }

  /** The same machine with its first {@code n} components replaced. */
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

  private static ActivationRequest request(Map<Component, String> machine) {
    return new ActivationRequest(STD_2022, identity(machine), Optional.empty(), false, NOW);
  }

  private static KeyGroup key(Channel channel) {
    return WINSERVER.keyGroup("2022", "ServerStandard", channel).orElseThrow();
  }

  private static ChannelDecision decide(
      Channel channel, KeyStanding standing, List<PriorActivation> prior, ActivationRequest r) {
    return ChannelRules.decide(WINSERVER, key(channel), standing, prior, r, NOW, false);
  }

  private static PriorActivation prior(Map<Component, String> machine, boolean active, int n) {
    return new PriorActivation("a" + n, identity(machine), active, NOW.minus(Duration.ofDays(n)));
  }

  private static void assertRefused(ChannelDecision decision, ErrorCode code) {
    assertThat(decision)
        .isInstanceOfSatisfying(
            ChannelDecision.Refuse.class, r -> assertThat(r.failure().error()).isEqualTo(code));
  }

  @Nested
  class EveryKey {
    @Test
    void simulatedMachinesAreRefusedUnlessAllowed() {
      var machine = newMachine();
      var lab = new ActivationRequest(STD_2022, identity(machine), Optional.empty(), true, NOW);
      assertRefused(
          ChannelRules.decide(
              WINSERVER, key(Channel.RETAIL), KeyStanding.unblocked(), List.of(), lab, NOW, false),
          ErrorCode.SIMULATED_MACHINE_REFUSED);
      assertThat(
              ChannelRules.decide(
                  WINSERVER,
                  key(Channel.RETAIL),
                  KeyStanding.unblocked(),
                  List.of(),
                  lab,
                  NOW,
                  true))
          .isInstanceOf(ChannelDecision.Grant.class);
    }

    @ParameterizedTest
    @EnumSource(
        value = Channel.class,
        names = {"RETAIL", "OEM", "VOLUME_MAK"})
    void blockedKeysAreRefusedFirst(Channel channel) {
      assertRefused(
          decide(channel, new KeyStanding(true, 10, 0), List.of(), request(newMachine())),
          ErrorCode.PRODUCT_KEY_BLOCKED);
    }

    @ParameterizedTest
    @CsvSource({"239, true", "241, false", "-239, true", "-241, false"})
    void clockSkewOfFourHoursIsTheBoundary(long minutes, boolean accepted) {
      var r =
          new ActivationRequest(
              STD_2022,
              identity(newMachine()),
              Optional.empty(),
              false,
              NOW.plus(Duration.ofMinutes(minutes)));
      ChannelDecision d = decide(Channel.RETAIL, KeyStanding.unblocked(), List.of(), r);
      if (accepted) {
        assertThat(d).isInstanceOf(ChannelDecision.Grant.class);
      } else {
        assertRefused(d, ErrorCode.INVALID_TIMESTAMP);
      }
    }

    @Test
    void keyFitIsCheckedBeforeTheChannel() {
      KeyGroup datacenter =
          WINSERVER.keyGroup("2022", "ServerDatacenter", Channel.RETAIL).orElseThrow();
      assertRefused(
          ChannelRules.decide(
              WINSERVER,
              datacenter,
              KeyStanding.unblocked(),
              List.of(),
              request(newMachine()),
              NOW,
              false),
          ErrorCode.INVALID_PRODUCT_KEY);
    }
  }

  @Nested
  class Retail {
    @Test
    void oneMachineAtATime() {
      var a = newMachine();
      var b = newMachine();
      assertThat(decide(Channel.RETAIL, KeyStanding.unblocked(), List.of(), request(a)))
          .isEqualTo(new ChannelDecision.Grant(false));
      List<PriorActivation> onA = List.of(prior(a, true, 1));
      assertRefused(
          decide(Channel.RETAIL, KeyStanding.unblocked(), onA, request(b)),
          ErrorCode.MAXIMUM_UNLOCK_EXCEEDED);
      List<PriorActivation> released = List.of(prior(a, false, 1));
      assertThat(decide(Channel.RETAIL, KeyStanding.unblocked(), released, request(b)))
          .isInstanceOf(ChannelDecision.Grant.class);
    }

    @ParameterizedTest
    @CsvSource({"0, true", "3, true", "4, false"})
    void theSameMachineWithinToleranceGetsItsActivationAgain(int changedComponents, boolean same) {
      var a = newMachine();
      PriorActivation onA = prior(a, true, 1);
      ChannelDecision d =
          decide(
              Channel.RETAIL,
              KeyStanding.unblocked(),
              List.of(onA),
              request(changed(a, changedComponents)));
      if (same) {
        assertThat(d).isEqualTo(new ChannelDecision.Reissue(onA));
      } else {
        assertRefused(d, ErrorCode.MAXIMUM_UNLOCK_EXCEEDED);
      }
    }
  }

  @Nested
  class Oem {
    private ActivationRequest oemRequest(Map<Component, String> machine, String marker) {
      return new ActivationRequest(
          STD_2022, identity(machine), Optional.ofNullable(marker), false, NOW);
    }

    @ParameterizedTest
    @CsvSource(
        value = {"NULL", "OTHER-VENDOR"},
        nullValues = "NULL")
    void needsTheMarker(String marker) {
      assertRefused(
          decide(Channel.OEM, KeyStanding.unblocked(), List.of(), oemRequest(newMachine(), marker)),
          ErrorCode.NOT_OEM_MARKED);
    }

    @Test
    void boundToTheFirstMachineForEver() {
      var a = newMachine();
      assertThat(decide(Channel.OEM, KeyStanding.unblocked(), List.of(), oemRequest(a, OEM_MARKER)))
          .isEqualTo(new ChannelDecision.Grant(false));
      PriorActivation released = prior(a, false, 1);
      assertRefused(
          decide(
              Channel.OEM,
              KeyStanding.unblocked(),
              List.of(released),
              oemRequest(newMachine(), OEM_MARKER)),
          ErrorCode.MAXIMUM_UNLOCK_EXCEEDED);
      assertThat(
              decide(
                  Channel.OEM,
                  KeyStanding.unblocked(),
                  List.of(released),
                  oemRequest(changed(a, 2), OEM_MARKER)))
          .isEqualTo(new ChannelDecision.Reissue(released));
    }
  }

  @Nested
  class MultipleActivation {
    @Test
    void poolOfThreeRefusesTheFourthMachine() {
      List<PriorActivation> prior = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        var m = newMachine();
        assertThat(decide(Channel.VOLUME_MAK, new KeyStanding(false, 3, i), prior, request(m)))
            .isEqualTo(new ChannelDecision.Grant(true));
        prior.add(prior(m, true, i + 1));
      }
      assertRefused(
          decide(Channel.VOLUME_MAK, new KeyStanding(false, 3, 3), prior, request(newMachine())),
          ErrorCode.MAK_LIMIT_EXCEEDED);
    }

    @Test
    void reactivationWithinToleranceSpendsNothingOutsideSpendsOne() {
      var a = newMachine();
      PriorActivation onA = prior(a, true, 1);
      assertThat(
              decide(
                  Channel.VOLUME_MAK,
                  new KeyStanding(false, 1, 1),
                  List.of(onA),
                  request(changed(a, 3))))
          .isEqualTo(new ChannelDecision.Reissue(onA));
      assertRefused(
          decide(
              Channel.VOLUME_MAK,
              new KeyStanding(false, 1, 1),
              List.of(onA),
              request(changed(a, 5))),
          ErrorCode.MAK_LIMIT_EXCEEDED);
      assertThat(
              decide(
                  Channel.VOLUME_MAK,
                  new KeyStanding(false, 2, 1),
                  List.of(onA),
                  request(changed(a, 5))))
          .isEqualTo(new ChannelDecision.Grant(true));
    }
  }

  @Test
  void aMachineThatReleasedItsMakActivationComesBackIntoItsOwnPlace() {
    var a = newMachine();
    var released = new PriorActivation("a1", identity(a), false, NOW.minusSeconds(60), true);
    KeyStanding full = new KeyStanding(false, 1, 1);
    assertThat(decide(Channel.VOLUME_MAK, full, List.of(released), request(changed(a, 2))))
        .isEqualTo(new ChannelDecision.Grant(false));
    assertRefused(
        decide(Channel.VOLUME_MAK, full, List.of(released), request(newMachine())),
        ErrorCode.MAK_LIMIT_EXCEEDED);
    var refunded = new PriorActivation("a1", identity(a), false, NOW.minusSeconds(60), false);
    assertRefused(
        decide(Channel.VOLUME_MAK, full, List.of(refunded), request(a)),
        ErrorCode.MAK_LIMIT_EXCEEDED);
  }

  @Nested
  class VolumeHostKey {
    private ChannelDecision host(List<PriorActivation> prior, Map<Component, String> machine) {
      KeyGroup hostKey =
          WINSERVER.keyGroup("2022", "ServerStandard", Channel.VOLUME_KMS_HOST).orElseThrow();
      return ChannelRules.decide(
          WINSERVER, hostKey, KeyStanding.unblocked(), prior, request(machine), NOW, false);
    }

    @Test
    void sixHostsThenRefused() {
      List<PriorActivation> prior = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        var m = newMachine();
        assertThat(host(prior, m)).isEqualTo(new ChannelDecision.Grant(true));
        prior.add(prior(m, true, i + 1));
      }
      assertRefused(host(prior, newMachine()), ErrorCode.MAXIMUM_UNLOCK_EXCEEDED);
    }

    @Test
    void eachHostReactivatesTenTimes() {
      var m = newMachine();
      List<PriorActivation> prior = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        assertThat(host(prior, m))
            .as("activation %d", i + 1)
            .isEqualTo(new ChannelDecision.Grant(true));
        prior.add(prior(m, false, i + 1));
      }
      assertRefused(host(prior, m), ErrorCode.MAXIMUM_UNLOCK_EXCEEDED);
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = Channel.class,
      names = {"VOLUME_KMSCLIENT", "VIRTUAL_MACHINE_ACTIVATION"})
  void keysThatDoNotActivateAtTheAuthorityAreRefusedWithTheWayToGo(Channel channel) {
    assertRefused(
        decide(channel, KeyStanding.unblocked(), List.of(), request(newMachine())),
        ErrorCode.NOT_SUPPORTED);
  }

  @Test
  void evaluationKeysNeedNoActivation() {
    KeyGroup eval =
        WINSERVER.keyGroup("2022", "ServerStandardEval", Channel.TIMEBASED_EVAL).orElseThrow();
    var r =
        new ActivationRequest(
            new Installation("winserver", "2022", "ServerStandardEval"),
            identity(newMachine()),
            Optional.empty(),
            false,
            NOW);
    assertRefused(
        ChannelRules.decide(WINSERVER, eval, KeyStanding.unblocked(), List.of(), r, NOW, false),
        ErrorCode.NOT_SUPPORTED);
  }
}
