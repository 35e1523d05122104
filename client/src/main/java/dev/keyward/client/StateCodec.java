package dev.keyward.client;

import dev.keyward.core.catalog.Channel;
import dev.keyward.core.cert.SignedCertificate;
import dev.keyward.core.channel.Installation;
import dev.keyward.core.error.ErrorCatalogue;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.license.InstalledKey;
import dev.keyward.core.license.LicenseRecord;
import dev.keyward.core.license.LicenseRecord.Phase;
import dev.keyward.core.license.LicenseState;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON form of a {@link ProductState}, the content the store seals. Reading throws {@link
 * IllegalArgumentException} on anything malformed; the store treats that as tampering.
 */
final class StateCodec {
  static final int FORMAT = 1;

  private StateCodec() {}

  static Map<String, Object> write(ProductState s) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("format", FORMAT);
    json.put("product", s.installation().product());
    json.put("version", s.installation().version());
    json.put("edition", s.installation().edition());
    json.put("cmid", s.cmid());
    json.put("installedAt", s.installedAt().toString());
    json.put("key", s.key().map(StateCodec::key).orElse(null));
    json.put("certificate", s.certificate().map(SignedCertificate::toJson).orElse(null));
    json.put("record", record(s.record()));
    json.put("volume", volume(s.volume()));
    json.put("pendingConversion", s.pendingConversion().map(StateCodec::pending).orElse(null));
    s.phone().ifPresent(p -> json.put("phone", phone(p)));
    s.trustDigest().ifPresent(d -> json.put("trustDigest", d));
    return json;
  }

  static ProductState read(Map<?, ?> json) {
    if (!(json.get("format") instanceof Integer f) || f != FORMAT) {
      throw new IllegalArgumentException("unknown store format " + json.get("format"));
    }
    Installation installation =
        new Installation(text(json, "product"), text(json, "version"), text(json, "edition"));
    Optional<SignedCertificate> certificate = Optional.empty();
    if (json.get("certificate") instanceof Map<?, ?> cert) {
      certificate = SignedCertificate.fromJson(cert);
      if (certificate.isEmpty()) {
        throw new IllegalArgumentException("unreadable certificate");
      }
    } else if (json.get("certificate") != null) {
      throw new IllegalArgumentException("certificate is not an object");
    }
    return new ProductState(
        installation,
        text(json, "cmid"),
        Instant.parse(text(json, "installedAt")),
        json.get("key") == null ? Optional.empty() : Optional.of(key(map(json, "key"))),
        certificate,
        record(map(json, "record")),
        volume(map(json, "volume")),
        // stores written before conversions existed hold "pendingEdition": null instead
        json.get("pendingConversion") == null
            ? Optional.empty()
            : Optional.of(pending(map(json, "pendingConversion"))),
        json.get("phone") == null ? Optional.empty() : Optional.of(phone(map(json, "phone"))),
        Optional.ofNullable(optionalText(json, "trustDigest")));
  }

  private static Map<String, Object> phone(PhoneConfirmation p) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("installationId", p.installationId());
    json.put("confirmationId", p.confirmationId());
    json.put("keyIndex", p.keyIndex());
    json.put("confirmedAt", p.confirmedAt().toString());
    return json;
  }

  private static PhoneConfirmation phone(Map<?, ?> json) {
    return new PhoneConfirmation(
        text(json, "installationId"),
        text(json, "confirmationId"),
        integer(json, "keyIndex"),
        Instant.parse(text(json, "confirmedAt")));
  }

  private static Map<String, Object> pending(PendingConversion p) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("edition", p.edition());
    json.put("key", key(p.key()));
    json.put("requestedAt", p.requestedAt().toString());
    return json;
  }

  private static PendingConversion pending(Map<?, ?> json) {
    return new PendingConversion(
        text(json, "edition"), key(map(json, "key")), Instant.parse(text(json, "requestedAt")));
  }

  /** What a damaged state still tells: product, version and edition, when they can be read. */
  static Optional<Installation> salvageInstallation(Map<?, ?> json) {
    try {
      return Optional.of(
          new Installation(text(json, "product"), text(json, "version"), text(json, "edition")));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The trusted time a damaged state still tells, so that tampering never winds the clock back. */
  static Optional<Instant> salvageTrustedTime(Map<?, ?> json) {
    try {
      return Optional.of(Instant.parse(text(map(json, "record"), "trustedTime")));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The encrypted key copy a damaged state still holds, if any (checked by decrypting it). */
  static Optional<String> salvageEncryptedKey(Map<?, ?> json) {
    return json.get("key") instanceof Map<?, ?> k && k.get("encrypted") instanceof String e
        ? Optional.of(e)
        : Optional.empty();
  }

  /**
   * The digest of the recorded trust a damaged state still names, if any: it can only make the
   * store's own trust file count, never add a key to it.
   */
  static Optional<String> salvageTrustDigest(Map<?, ?> json) {
    return json.get("trustDigest") instanceof String d ? Optional.of(d) : Optional.empty();
  }

  /** The client machine id a damaged state still holds, if any. */
  static Optional<String> salvageCmid(Map<?, ?> json) {
    return json.get("cmid") instanceof String c ? Optional.of(c) : Optional.empty();
  }

  private static Map<String, Object> key(StoredKey k) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("fingerprint", k.fingerprint());
    json.put("partial", k.partial());
    json.put("group", k.group());
    json.put("channel", k.channel().name());
    json.put("version", k.version());
    json.put("edition", k.edition().orElse(null));
    json.put("encrypted", k.encrypted().orElse(null));
    return json;
  }

  private static StoredKey key(Map<?, ?> json) {
    return new StoredKey(
        text(json, "fingerprint"),
        text(json, "partial"),
        integer(json, "group"),
        Channel.byName(text(json, "channel"))
            .orElseThrow(() -> new IllegalArgumentException("unknown channel")),
        text(json, "version"),
        Optional.ofNullable(optionalText(json, "edition")),
        Optional.ofNullable(optionalText(json, "encrypted")));
  }

  private static Map<String, Object> record(LicenseRecord r) {
    Map<String, Object> json = phase(r.phase());
    json.put("evaluationEnd", instant(r.evaluationEnd()));
    json.put("key", r.key().name());
    json.put("rearmCount", r.rearmCount());
    json.put("trustedTime", r.trustedTime().toString());
    return json;
  }

  private static LicenseRecord record(Map<?, ?> json) {
    Phase p = phase(json);
    return new LicenseRecord(
        p.state(),
        p.since(),
        p.deadline(),
        p.reason(),
        optionalInstant(json, "evaluationEnd"),
        InstalledKey.valueOf(text(json, "key")),
        integer(json, "rearmCount"),
        Instant.parse(text(json, "trustedTime")),
        p.held());
  }

  private static Map<String, Object> phase(Phase p) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("state", p.state().displayName());
    json.put("since", p.since().toString());
    json.put("deadline", instant(p.deadline()));
    json.put("reason", p.reason() == null ? null : p.reason().hex());
    json.put("held", p.held() == null ? null : phase(p.held()));
    return json;
  }

  private static Phase phase(Map<?, ?> json) {
    LicenseState state =
        LicenseState.fromName(text(json, "state"))
            .orElseThrow(() -> new IllegalArgumentException("unknown state"));
    String reason = optionalText(json, "reason");
    ErrorCode code =
        reason == null
            ? null
            : ErrorCatalogue.lookup(reason)
                .orElseThrow(() -> new IllegalArgumentException("unknown reason"));
    Phase held = json.get("held") == null ? null : phase(map(json, "held"));
    return new Phase(
        state, Instant.parse(text(json, "since")), optionalInstant(json, "deadline"), code, held);
  }

  private static Map<String, Object> volume(VolumeSettings v) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("host", v.host());
    json.put("domain", v.domain());
    json.put("hostCaching", v.hostCaching());
    json.put("activationIntervalMinutes", v.activationIntervalMinutes());
    json.put("renewalIntervalMinutes", v.renewalIntervalMinutes());
    return json;
  }

  private static VolumeSettings volume(Map<?, ?> json) {
    if (!(json.get("hostCaching") instanceof Boolean caching)) {
      throw new IllegalArgumentException("hostCaching is not a boolean");
    }
    return new VolumeSettings(
        optionalText(json, "host"),
        optionalText(json, "domain"),
        caching,
        optionalLong(json, "activationIntervalMinutes"),
        optionalLong(json, "renewalIntervalMinutes"));
  }

  private static Object instant(Instant i) {
    return i == null ? null : i.toString();
  }

  private static Instant optionalInstant(Map<?, ?> json, String field) {
    String t = optionalText(json, field);
    return t == null ? null : Instant.parse(t);
  }

  private static Map<?, ?> map(Map<?, ?> json, String field) {
    if (json.get(field) instanceof Map<?, ?> m) {
      return m;
    }
    throw new IllegalArgumentException(field + " is not an object");
  }

  static String text(Map<?, ?> json, String field) {
    if (json.get(field) instanceof String s) {
      return s;
    }
    throw new IllegalArgumentException(field + " is not text");
  }

  private static String optionalText(Map<?, ?> json, String field) {
    Object v = json.get(field);
    if (v == null || v instanceof String) {
      return (String) v;
    }
    throw new IllegalArgumentException(field + " is not text");
  }

  private static int integer(Map<?, ?> json, String field) {
    if (json.get(field) instanceof Integer i) {
      return i;
    }
    throw new IllegalArgumentException(field + " is not a whole number");
  }

  private static Long optionalLong(Map<?, ?> json, String field) {
    Object v = json.get(field);
    if (v == null) {
      return null;
    }
    if (v instanceof Number n && (n instanceof Integer || n instanceof Long)) {
      return n.longValue();
    }
    throw new IllegalArgumentException(field + " is not a whole number");
  }
}
