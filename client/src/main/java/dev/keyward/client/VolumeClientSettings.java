package dev.keyward.client;

import dev.keyward.core.discovery.HostPort;
import dev.keyward.core.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The volume client settings verbs ({@code slmgr /skms}, {@code /ckms}, {@code /skms-domain},
 * {@code /ckms-domain}, {@code /skhc}, {@code /ckhc}, {@code /sai}, {@code /sri}), obtained with
 * {@link KeywardClient#volumeSettings()}. Each one checks its argument, then writes the store once.
 */
public final class VolumeClientSettings {
  /** The range slmgr accepts for {@code /sai} and {@code /sri}: 15 minutes to 30 days. */
  public static final long MIN_INTERVAL = 15;

  public static final long MAX_INTERVAL = 43_200;

  private final ClientContext client;

  VolumeClientSettings(ClientContext client) {
    this.client = client;
  }

  /** {@code /skms HOST[:PORT]}: the fixed volume activation host (port 1688 when not given). */
  public LicenseInfo setHost(String typed) {
    HostPort host =
        switch (HostPort.parse(typed, HostPort.VOLUME_PORT)) {
          case HostPort.Parse.Parsed p -> p.value();
          case HostPort.Parse.Rejected r -> throw new KeywardException(r.failure());
        };
    return change(
        "VolumeHostSet", Map.of("host", host.toString()), v -> v.withHost(host.toString()));
  }

  /** {@code /ckms}: no fixed host; {@code /ato} finds one in DNS. */
  public LicenseInfo clearHost() {
    return change("VolumeHostCleared", Map.of(), v -> v.withHost(null));
  }

  /** {@code /skms-domain FQDN}: the domain whose SRV record names the hosts. */
  public LicenseInfo setDomain(String typed) {
    if (!HostPort.isDomain(typed)) {
      throw KeywardException.of(
          ErrorCode.BAD_REQUEST,
          "'" + typed + "' is not a DNS domain name (e.g. slmgr /skms-domain contoso.lan).");
    }
    String domain = typed.strip().toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
    return change("VolumeDomainSet", Map.of("domain", domain), v -> v.withDomain(domain));
  }

  /** {@code /ckms-domain}: search the machine's own domain again. */
  public LicenseInfo clearDomain() {
    return change("VolumeDomainCleared", Map.of(), v -> v.withDomain(null));
  }

  /** {@code /skhc} (true) and {@code /ckhc} (false): whether the last good host is remembered. */
  public LicenseInfo setHostCaching(boolean enabled) {
    return change("VolumeHostCaching", Map.of("enabled", enabled), v -> v.withHostCaching(enabled));
  }

  /** {@code /sai MIN}: how long to wait before retrying after a failed activation. */
  public LicenseInfo setActivationInterval(String typed) {
    long minutes = minutes("sai", typed);
    return change(
        "VolumeIntervalSet",
        Map.of("activationIntervalMinutes", minutes),
        v -> v.withActivationInterval(minutes));
  }

  /** {@code /sri MIN}: how often an activated client renews. */
  public LicenseInfo setRenewalInterval(String typed) {
    long minutes = minutes("sri", typed);
    return change(
        "VolumeIntervalSet",
        Map.of("renewalIntervalMinutes", minutes),
        v -> v.withRenewalInterval(minutes));
  }

  static long minutes(String verb, String typed) {
    String text = typed == null ? "" : typed.strip();
    long minutes;
    try {
      minutes = Long.parseLong(text);
    } catch (NumberFormatException e) {
      minutes = -1;
    }
    if (!text.matches("[0-9]{1,6}") || minutes < MIN_INTERVAL || minutes > MAX_INTERVAL) {
      throw KeywardException.of(
          ErrorCode.BAD_REQUEST,
          "slmgr /"
              + verb
              + " takes minutes from "
              + MIN_INTERVAL
              + " to "
              + MAX_INTERVAL
              + " (30 days); got '"
              + typed
              + "'.");
    }
    return minutes;
  }

  private LicenseInfo change(
      String event, Map<String, ?> details, UnaryOperator<VolumeSettings> edit) {
    List<String> notices = new ArrayList<>();
    Session s = client.sessions().open(notices);
    ProductState state = s.state().withVolume(edit.apply(s.state().volume()));
    if (!state.equals(s.state())) {
      client.store().save(state);
      client.sessions().event(state, event, details);
    }
    return client.infos().build(new Session(s.product(), state, s.machine()), notices);
  }
}
