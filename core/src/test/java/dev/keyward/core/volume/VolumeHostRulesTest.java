package dev.keyward.core.volume;

import static dev.keyward.core.volume.VolumeFixture.NOW;
import static dev.keyward.core.volume.VolumeFixture.cmid;
import static dev.keyward.core.volume.VolumeFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.core.catalog.Family;
import dev.keyward.core.error.ErrorCode;
import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class VolumeHostRulesTest {
  private final VolumeFixture f = new VolumeFixture();
  private final VolumeHostRules rules = f.rules("2022");

  @Test
  void fourServersAreRefusedWithTheirCountAndTheFifthActivatesEveryone() {
    VolumeInventory inventory = VolumeInventory.empty();
    for (int i = 1; i <= 4; i++) {
      VolumeDecision d = rules.decide(request("2022", cmid(i), NOW), inventory, NOW);
      assertThat(d).isInstanceOf(VolumeDecision.Refused.class);
      VolumeRefusal r = ((VolumeDecision.Refused) d).refusal();
      assertThat(r.code()).isEqualTo(ErrorCode.VOLUME_NOT_ENOUGH_COUNT);
      assertThat(r.count()).isEqualTo(OptionalInt.of(i));
      assertThat(r.retryIntervalMinutes()).isEqualTo(120);
      assertThat(r.hostId()).contains(f.hostId());
      assertThat(r.httpStatus()).isEqualTo(409);
      inventory = d.inventory();
    }
    VolumeDecision fifth = rules.decide(request("2022", cmid(5), NOW), inventory, NOW);
    assertThat(fifth).isInstanceOf(VolumeDecision.Granted.class);
    VolumeGrant grant = ((VolumeDecision.Granted) fifth).grant();
    assertThat(grant.count()).isEqualTo(5);
    assertThat(grant.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(180)));
    assertThat(grant.activationValidityMinutes()).isEqualTo(180L * 24 * 60);
    assertThat(grant.renewalIntervalMinutes()).isEqualTo(7L * 24 * 60);
    assertThat(grant.retryIntervalMinutes()).isEqualTo(120);
    assertThat(grant.hostId()).isEqualTo(f.hostId());
    // The first four activate on their next try.
    VolumeDecision again = rules.decide(request("2022", cmid(1), NOW), fifth.inventory(), NOW);
    assertThat(again).isInstanceOf(VolumeDecision.Granted.class);
    assertThat(again.inventory().count(Family.SERVER, NOW)).isEqualTo(5);
  }

  @Test
  void aCloneWithTheSameCmidCountsOnce() {
    VolumeInventory inventory = VolumeInventory.empty();
    for (int i = 0; i < 6; i++) {
      inventory = rules.decide(request("2022", cmid(1), NOW), inventory, NOW).inventory();
    }
    assertThat(inventory.count(Family.SERVER, NOW)).isEqualTo(1);
  }

  @Test
  void aHostKeyServesItsVersionAndOlderOnly() {
    VolumeHostRules host2019 = f.rules("2019");
    VolumeDecision d = host2019.decide(request("2022", cmid(1), NOW), VolumeInventory.empty(), NOW);
    assertThat(d).isInstanceOf(VolumeDecision.Refused.class);
    assertThat(((VolumeDecision.Refused) d).refusal().code())
        .isEqualTo(ErrorCode.VOLUME_HOST_ID_MISMATCH);
    assertThat(d.inventory().count(Family.SERVER, NOW)).isZero();
    VolumeDecision older =
        rules.decide(request("2019", cmid(1), NOW), VolumeInventory.empty(), NOW);
    assertThat(((VolumeDecision.Refused) older).refusal().code())
        .isEqualTo(ErrorCode.VOLUME_NOT_ENOUGH_COUNT);
  }

  @Test
  void clocksMoreThanFourHoursApartAreRefusedAndNotCounted() {
    VolumeDecision skewed =
        rules.decide(
            request("2022", cmid(1), NOW.plus(Duration.ofHours(4)).plusSeconds(1)),
            VolumeInventory.empty(),
            NOW);
    assertThat(((VolumeDecision.Refused) skewed).refusal().code())
        .isEqualTo(ErrorCode.INVALID_TIMESTAMP);
    assertThat(skewed.inventory().count(Family.SERVER, NOW)).isZero();
    VolumeDecision atTheLimit =
        rules.decide(
            request("2022", cmid(1), NOW.minus(Duration.ofHours(4))), VolumeInventory.empty(), NOW);
    assertThat(((VolumeDecision.Refused) atTheLimit).refusal().code())
        .isEqualTo(ErrorCode.VOLUME_NOT_ENOUGH_COUNT);
  }

  @Test
  void aKeyGroupThatIsNotTheVolumeClientKeyIsRefused() {
    VolumeRequest r = request("2022", cmid(1), NOW);
    VolumeRequest wrong =
        new VolumeRequest(
            r.product(),
            r.version(),
            r.edition(),
            2011,
            r.cmid(),
            r.clientTime(),
            r.previousHostId());
    VolumeDecision d = rules.decide(wrong, VolumeInventory.empty(), NOW);
    assertThat(((VolumeDecision.Refused) d).refusal().code())
        .isEqualTo(ErrorCode.INVALID_PRODUCT_KEY);
    assertThat(d.inventory().count(Family.SERVER, NOW)).isZero();
  }

  @Test
  void machinesStopCountingThirtyDaysAfterTheyWereLastSeen() {
    VolumeInventory inventory = VolumeInventory.empty();
    for (int i = 1; i <= 5; i++) {
      inventory = rules.decide(request("2022", cmid(i), NOW), inventory, NOW).inventory();
    }
    assertThat(inventory.count(Family.SERVER, NOW.plus(Duration.ofDays(30)).minusSeconds(1)))
        .isEqualTo(5);
    assertThat(inventory.count(Family.SERVER, NOW.plus(Duration.ofDays(30)))).isZero();
    var later = NOW.plus(Duration.ofDays(31));
    VolumeDecision d = rules.decide(request("2022", cmid(9), later), inventory, later);
    assertThat(((VolumeDecision.Refused) d).refusal().count()).isEqualTo(OptionalInt.of(1));
  }

  @Test
  void theHostKeepsTwiceTheHighestThreshold() {
    assertThat(rules.keep()).isEqualTo(10);
    VolumeInventory inventory = VolumeInventory.empty();
    for (int i = 1; i <= 25; i++) {
      inventory =
          rules
              .decide(request("2022", cmid(i), NOW.plusSeconds(i)), inventory, NOW.plusSeconds(i))
              .inventory();
    }
    assertThat(inventory.count(Family.SERVER, NOW.plusSeconds(30))).isEqualTo(10);
    assertThat(inventory.seen(Family.SERVER).get(0).cmid()).isEqualTo(cmid(25));
  }

  @Test
  void refusalsReadBackFromTheirProblemJson() {
    VolumeRefusal r =
        ((VolumeDecision.Refused)
                rules.decide(request("2022", cmid(1), NOW), VolumeInventory.empty(), NOW))
            .refusal();
    String text = r.toJsonText();
    assertThat(text).contains("\"code\":\"0xC004F038\"", "\"name\":", "\"remedy\":", "\"count\":1");
    assertThat(VolumeRefusal.fromJsonText(text)).contains(r);
    VolumeRefusal unactivated = VolumeHostRules.notActivated("not activated");
    assertThat(unactivated.httpStatus()).isEqualTo(503);
    assertThat(VolumeRefusal.fromJsonText(unactivated.toJsonText())).contains(unactivated);
  }
}
