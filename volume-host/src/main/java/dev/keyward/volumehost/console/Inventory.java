package dev.keyward.volumehost.console;

import dev.keyward.core.catalog.Catalog;
import dev.keyward.core.catalog.Product;
import dev.keyward.core.catalog.VolumePolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The site's machines as the console lists them: the volume clients the host served (from its
 * request log) and the machines added from their /dlv output, one row per CMID. A volume client's
 * next renewal and expiry follow from its last grant and the product's volume policy (SPEC §11:
 * renewed every 7 days, valid 180).
 */
final class Inventory {
  static final Duration EXPIRING = Duration.ofDays(30);
  static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  /** One machine with the times the pages sort and filter on. */
  record Entry(View.MachineRow row, Optional<Instant> expires, Instant sortKey) {}

  private final Catalog catalog;

  Inventory(Catalog catalog) {
    this.catalog = catalog;
  }

  List<Entry> entries(List<ServedMachine> served, List<SiteMachine> added, Instant now) {
    Map<String, SiteMachine> named = new LinkedHashMap<>();
    added.forEach(m -> named.put(m.cmid(), m));
    List<Entry> out = new ArrayList<>();
    for (ServedMachine s : served) {
      SiteMachine known = named.remove(s.cmid());
      out.add(servedEntry(s, Optional.ofNullable(known), now));
    }
    for (SiteMachine m : named.values()) {
      out.add(addedEntry(m, now));
    }
    out.sort(Comparator.comparing(Entry::sortKey).reversed());
    return out;
  }

  /** Machines whose activation ends within 30 days of {@code now} (or has ended), soonest first. */
  static List<Entry> expiring(List<Entry> all, Instant now) {
    return all.stream()
        .filter(e -> e.expires().isPresent() && e.expires().get().isBefore(now.plus(EXPIRING)))
        .sorted(Comparator.comparing(e -> e.expires().get()))
        .toList();
  }

  private Entry servedEntry(ServedMachine s, Optional<SiteMachine> known, Instant now) {
    Optional<VolumePolicy> policy = catalog.product(s.product()).map(Product::volume);
    Optional<Instant> expires = s.lastGranted().flatMap(g -> policy.map(p -> g.plus(p.validity())));
    Optional<Instant> renewal = s.lastGranted().flatMap(g -> policy.map(p -> g.plus(p.renewal())));
    String status;
    if (expires.isPresent() && !now.isBefore(expires.get())) {
      status = "Activation ended " + TIME.format(expires.get()) + " (grace)";
    } else if (s.granted()) {
      status = "Licensed (volume)";
    } else if (s.lastGranted().isPresent()) {
      status = "Licensed; last renewal refused " + s.result();
    } else if (s.result().equals("0xC004F038")) {
      status = "Waiting: count below threshold (0xC004F038)";
    } else {
      status = "Refused " + s.result();
    }
    View.MachineRow row =
        new View.MachineRow(
            known.map(SiteMachine::name).orElse(s.client()),
            s.cmid(),
            s.product() + " " + s.version(),
            s.edition(),
            "VOLUME_KMSCLIENT",
            TIME.format(s.lastRequest()),
            status,
            renewal.map(TIME::format).orElse("-"),
            expires.map(TIME::format).orElse("-"),
            "served by this host");
    return new Entry(row, expires, s.lastRequest());
  }

  private static Entry addedEntry(SiteMachine m, Instant now) {
    String status = m.licenseStatus();
    if (m.expires().isPresent() && !now.isBefore(m.expires().get())) {
      status = status + " (ended " + TIME.format(m.expires().get()) + ")";
    }
    View.MachineRow row =
        new View.MachineRow(
            m.name(),
            m.cmid(),
            m.product() + " " + m.version(),
            m.edition(),
            m.channel(),
            "-",
            status,
            "-",
            m.expires().map(TIME::format).orElse("-"),
            "/dlv added " + TIME.format(m.addedAt()));
    return new Entry(row, m.expires(), m.addedAt());
  }
}
