package dev.keyward.volumehost;

import dev.keyward.core.catalog.Catalog;
import dev.keyward.core.catalog.Family;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.volume.SignedVolumeGrant;
import dev.keyward.core.volume.VolumeDecision;
import dev.keyward.core.volume.VolumeHostRules;
import dev.keyward.core.volume.VolumeInventory;
import dev.keyward.core.volume.VolumeRefusal;
import dev.keyward.core.volume.VolumeRequest;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * Answers {@code POST /v1/volume/activate} (SPEC §11), apart from HTTP: reads the request, asks
 * core's {@link VolumeHostRules}, makes the sighting durable in the {@link CountJournal} before
 * answering, signs a grant with the host key, logs event 12290 and counts the answer. A malformed
 * request or one refused before counting never changes the count.
 */
final class VolumeService {
  /** A machine already counted is written to the journal again at most this often. */
  static final Duration REFRESH_WRITE = Duration.ofHours(1);

  /** An answer: HTTP status, content type and body. */
  record Answer(int status, String contentType, String body) {}

  private final Catalog catalog;
  private final CountJournal journal;
  private final HostEvents events;
  private final HostStats stats;
  private final Clock clock;
  private final Supplier<HostStanding> standing;
  private final int keep;
  private VolumeInventory inventory;

  VolumeService(
      Catalog catalog,
      CountJournal journal,
      VolumeInventory inventory,
      HostEvents events,
      HostStats stats,
      Clock clock,
      Supplier<HostStanding> standing) {
    this.catalog = catalog;
    this.journal = journal;
    this.inventory = inventory;
    this.events = events;
    this.stats = stats;
    this.clock = clock;
    this.standing = standing;
    this.keep = VolumeHostRules.keep(catalog);
  }

  Answer activate(String body, String remote) {
    VolumeRequest request;
    switch (VolumeRequest.fromJsonText(body)) {
      case VolumeRequest.Parsed.Malformed m -> {
        return refused(VolumeHostRules.malformed(m.reason(), hostId()), null, remote);
      }
      case VolumeRequest.Parsed.Ok ok -> request = ok.request();
    }
    if (!(standing.get() instanceof HostStanding.Ready ready)) {
      String reason = ((HostStanding.NotReady) standing.get()).reason();
      return refused(VolumeHostRules.notActivated(reason), request, remote);
    }
    String hostId = ready.identity().hostId();
    VolumeHostRules rules =
        new VolumeHostRules(
            catalog, ready.product(), ready.certificate().certificate().version(), hostId);
    Instant now = clock.instant();
    VolumeDecision decision;
    long ticket;
    synchronized (this) {
      VolumeInventory before = inventory;
      decision = rules.decide(request, before, now);
      if (worthWriting(before, decision.inventory(), request, now)) {
        Family family = catalog.product(request.product()).orElseThrow().family();
        journal.append(family, request.cmid(), now);
      }
      inventory = decision.inventory();
      ticket = journal.lastTicket();
    }
    try {
      journal.sync(ticket);
    } catch (IOException e) {
      return refused(
          new VolumeRefusal(
              ErrorCode.VOLUME_HOST_UNAVAILABLE,
              "The host cannot record its count (" + e.getMessage() + "); try again later.",
              OptionalInt.empty(),
              VolumeHostRules.DEFAULT_RETRY_MINUTES,
              Optional.of(hostId)),
          request,
          remote);
    }
    return switch (decision) {
      case VolumeDecision.Refused r -> refused(r.refusal(), request, remote);
      case VolumeDecision.Granted g -> {
        SignedVolumeGrant signed =
            SignedVolumeGrant.sign(g.grant(), ready.identity().privateKey(), ready.certificate());
        stats.grant();
        processed(request, g.grant().count(), "0x00000000", remote);
        yield new Answer(200, "application/json", signed.toJsonText());
      }
    };
  }

  /**
   * Whether a sighting must reach the journal: always when the kept machines change; a machine
   * already kept only when its last written sighting is older than {@link #REFRESH_WRITE} (a crash
   * then makes its last sighting at most that much older, which does not change the count).
   */
  private static boolean worthWriting(
      VolumeInventory before, VolumeInventory after, VolumeRequest request, Instant now) {
    if (before.equals(after)) {
      return false;
    }
    for (Family family : Family.values()) {
      var was = before.seen(family).stream().map(VolumeInventory.Seen::cmid).sorted().toList();
      var is = after.seen(family).stream().map(VolumeInventory.Seen::cmid).sorted().toList();
      if (!was.equals(is)) {
        return true;
      }
      for (VolumeInventory.Seen s : before.seen(family)) {
        if (s.cmid().equals(request.cmid()) && s.lastSeen().isBefore(now.minus(REFRESH_WRITE))) {
          return true;
        }
      }
    }
    return false;
  }

  private Answer refused(VolumeRefusal refusal, VolumeRequest request, String remote) {
    stats.failed(refusal.code().hex(), refusal.httpStatus());
    if (request != null) {
      processed(
          request,
          refusal.count().isPresent() ? refusal.count().getAsInt() : null,
          refusal.code().hex(),
          remote);
    }
    return new Answer(refusal.httpStatus(), "application/problem+json", refusal.toJsonText());
  }

  private void processed(VolumeRequest request, Integer count, String result, String remote) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("cmid", request.cmid());
    details.put("product", request.product());
    details.put("version", request.version());
    details.put("edition", request.edition());
    details.put("count", count);
    details.put("result", result);
    details.put("client", remote);
    events.log(HostEvents.REQUEST_PROCESSED, "VolumeRequestProcessed", details);
  }

  private Optional<String> hostId() {
    return standing.get() instanceof HostStanding.Ready r
        ? Optional.of(r.identity().hostId())
        : Optional.empty();
  }

  /** The count of each family the host has seen, now. */
  synchronized Map<Family, Integer> counts() {
    Instant now = clock.instant();
    Map<Family, Integer> counts = new LinkedHashMap<>();
    for (Family family : Family.values()) {
      if (!inventory.seen(family).isEmpty()) {
        counts.put(family, inventory.count(family, now));
      }
    }
    return counts;
  }

  /** Rewrites the journal from the inventory when it has grown (called off the request path). */
  void compactIfLarge() throws IOException {
    if (journal.wantsCompaction()) {
      synchronized (this) {
        journal.rewrite(inventory);
      }
    }
  }

  int keep() {
    return keep;
  }
}
