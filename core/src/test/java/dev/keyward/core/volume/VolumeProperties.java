package dev.keyward.core.volume;

import static dev.keyward.core.volume.VolumeFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.core.catalog.Family;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class VolumeProperties {
  private static final int KEEP = 10;

  /** One sighting: which of 20 machines, minutes after NOW. */
  record Sighting(int machine, int minutes) {}

  @Provide
  Arbitrary<List<Sighting>> sightings() {
    return Combinators.combine(
            Arbitraries.integers().between(1, 20), Arbitraries.integers().between(0, 90 * 24 * 60))
        .as(Sighting::new)
        .list()
        .ofMaxSize(60)
        .map(l -> l.stream().sorted(java.util.Comparator.comparing(Sighting::minutes)).toList());
  }

  /**
   * The count equals a model's: distinct CMIDs seen within 30 days of now, at most KEEP — when the
   * host only drops machines that a later sighting of another made older than the KEEP most recent.
   */
  @Property(tries = 500)
  void theCountIsTheDistinctRecentMachinesCappedAtKeep(
      @ForAll("sightings") List<Sighting> sightings) {
    VolumeInventory inventory = VolumeInventory.empty();
    Map<String, Instant> last = new HashMap<>();
    Instant now = NOW;
    for (Sighting s : sightings) {
      now = NOW.plus(Duration.ofMinutes(s.minutes()));
      String cmid = VolumeFixture.cmid(s.machine());
      inventory = inventory.record(Family.SERVER, cmid, now, KEEP);
      last.put(cmid, now);
      Instant at = now;
      long recent =
          last.values().stream().filter(t -> t.isAfter(at.minus(VolumeInventory.WINDOW))).count();
      assertThat(inventory.count(Family.SERVER, now)).isEqualTo((int) Math.min(recent, KEEP));
      assertThat(inventory.seen(Family.SERVER)).hasSizeLessThanOrEqualTo(KEEP);
      assertThat(inventory.seen(Family.SERVER).get(0).lastSeen()).isEqualTo(now);
      assertThat(inventory.seen(Family.SERVER)).contains(new VolumeInventory.Seen(cmid, now));
    }
    assertThat(inventory.count(Family.CLIENT, now)).isZero();
  }

  @Property(tries = 200)
  void recordingTheSameMachineAgainNeverRaisesTheCount(
      @ForAll("sightings") List<Sighting> sightings) {
    VolumeInventory inventory = VolumeInventory.empty();
    Instant now = NOW;
    for (Sighting s : sightings) {
      now = NOW.plus(Duration.ofMinutes(s.minutes()));
      inventory = inventory.record(Family.SERVER, VolumeFixture.cmid(s.machine()), now, KEEP);
    }
    if (sightings.isEmpty()) {
      return;
    }
    int before = inventory.count(Family.SERVER, now);
    String again = VolumeFixture.cmid(sightings.get(sightings.size() - 1).machine());
    assertThat(inventory.record(Family.SERVER, again, now, KEEP).count(Family.SERVER, now))
        .isEqualTo(before);
  }

  @Property(tries = 300)
  void requestsSurviveTheirJsonForm(
      @ForAll("versions") String version,
      @ForAll("minutes") int minutes,
      @ForAll("hostIds") Optional<String> previous) {
    VolumeRequest r =
        VolumeFixture.request(version, VolumeFixture.cmid(minutes), NOW.plusSeconds(minutes));
    r =
        new VolumeRequest(
            r.product(),
            r.version(),
            r.edition(),
            r.keyGroup(),
            r.cmid(),
            r.clientTime(),
            previous);
    assertThat(VolumeRequest.fromJsonText(r.toJsonText()))
        .isEqualTo(new VolumeRequest.Parsed.Ok(r));
  }

  @Property(tries = 500)
  void anyTextIsReadAsARequestOrAReasonNeverAnException(@ForAll String text) {
    assertThat(VolumeRequest.fromJsonText(text)).isNotNull();
    assertThat(VolumeRequest.fromJsonText("{\"cmid\":\"" + text + "\"}"))
        .isInstanceOf(VolumeRequest.Parsed.Malformed.class);
  }

  @Provide
  Arbitrary<String> versions() {
    return Arbitraries.of("2019", "2022", "2025");
  }

  @Provide
  Arbitrary<Integer> minutes() {
    return Arbitraries.integers().between(0, 1_000_000);
  }

  @Provide
  Arbitrary<Optional<String>> hostIds() {
    return Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(32).optional();
  }
}
