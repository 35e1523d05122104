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
import dev.keyward.core.hardware.TolerancePolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * A multiple activation key's decision, made in one pass over the key's activations, against the
 * rule as SPEC §6 states it, written here the plain way: the machine's latest active activation
 * within tolerance is given again; else, if one of its activations still holds a count, it comes
 * back for free; else it takes a count if the pool has one. Activations of the asking machine (as
 * is, changed within tolerance, changed beyond it) and of others, active, released and holding, or
 * released with the count given back, in any order and with equal issue times.
 */
class MakDecisionProperties {
  private static final Product WINSERVER =
      CatalogLoader.winserver().product("winserver").orElseThrow();
  private static final KeyGroup MAK =
      WINSERVER.keyGroup("2022", "ServerStandard", Channel.VOLUME_MAK).orElseThrow();
  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
  private static final Installation STD_2022 =
      new Installation("winserver", "2022", "ServerStandard");

  private static Map<Component, String> machine(String name, int changed) {
    Map<Component, String> components = new EnumMap<>(Component.class);
    for (Component c : Component.values()) {
      components.put(c, c.name() + "-" + name + (c.ordinal() < changed ? "-changed" : ""));
    }
    return components;
  }

  private static HardwareIdentity identity(Map<Component, String> machine) {
    return HardwareIdentity.of(new MachineFacts(machine, Optional.empty(), false), "winserver");
  }

  @Property(tries = 300)
  void onePassDecidesAsTheRuleSays(
      @ForAll @IntRange(min = 0, max = 12) int activations,
      @ForAll @IntRange(min = 0, max = 3) int free,
      @ForAll long seed) {
    Random random = new Random(seed);
    Map<Component, String> asking = machine("asking", 0);
    List<PriorActivation> prior = new ArrayList<>();
    for (int i = 0; i < activations; i++) {
      Map<Component, String> m =
          switch (random.nextInt(4)) {
            case 0 -> asking;
            case 1 -> machine("asking", 1); // within tolerance, most likely
            case 2 -> machine("asking", 6); // beyond it
            default -> machine("other-" + i, 0);
          };
      boolean active = random.nextBoolean();
      boolean holds = random.nextBoolean(); // a free come-back is active, holding nothing
      prior.add(
          new PriorActivation(
              "a" + i, identity(m), active, NOW.minusSeconds(random.nextInt(3)), holds));
    }
    KeyStanding standing = new KeyStanding(false, 5, 5 - Math.min(free, 5));
    ActivationRequest request =
        new ActivationRequest(STD_2022, identity(asking), Optional.empty(), false, NOW);

    ChannelDecision decided =
        ChannelRules.decide(WINSERVER, MAK, standing, prior, request, NOW, false);

    ChannelDecision expected = byTheRule(standing, prior, request, WINSERVER.hardware());
    if (expected == null) {
      assertThat(decided)
          .isInstanceOfSatisfying(
              ChannelDecision.Refuse.class,
              r -> assertThat(r.failure().error()).isEqualTo(ErrorCode.MAK_LIMIT_EXCEEDED));
    } else {
      assertThat(decided).isEqualTo(expected);
    }
  }

  /** The decision the rule gives, null for the pool's refusal. */
  private static ChannelDecision byTheRule(
      KeyStanding standing,
      List<PriorActivation> prior,
      ActivationRequest request,
      TolerancePolicy tolerance) {
    MachineHardware asking = MachineHardware.of(request.machine());
    PriorActivation latest = null;
    for (PriorActivation p : prior) {
      if (p.active()
          && MachineHardware.within(p.machine(), asking, tolerance)
          && (latest == null || p.issuedAt().isAfter(latest.issuedAt()))) {
        latest = p;
      }
    }
    if (latest != null) {
      return new ChannelDecision.Reissue(latest);
    }
    boolean comesBack =
        prior.stream()
            .filter(PriorActivation::holdsCount)
            .anyMatch(p -> MachineHardware.within(p.machine(), asking, tolerance));
    if (comesBack) {
      return new ChannelDecision.Grant(false);
    }
    if (standing.poolUsed() >= standing.poolSize()) {
      return null;
    }
    return new ChannelDecision.Grant(true);
  }
}
