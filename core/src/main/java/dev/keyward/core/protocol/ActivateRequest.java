package dev.keyward.core.protocol;

import dev.keyward.core.channel.Installation;
import dev.keyward.core.hardware.HardwareIdentity;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The body of {@code POST /v1/activate}: activate this key for this installation on this machine.
 *
 * @param components the machine's ten salted component hashes
 * @param cmid the installation's client machine id (a UUID)
 * @param oemMarker the machine's OEM marker, for an OEM key
 * @param simulated whether the machine is a lab machine (a simulated one)
 * @param clientTime the client's clock when it sent the request
 * @param hostPublicKey a volume host's or VM host's Ed25519 public key (base64 of its X.509
 *     encoding), certified in the certificate
 */
public record ActivateRequest(
    String key,
    String product,
    String version,
    String edition,
    HardwareIdentity components,
    String cmid,
    Optional<String> oemMarker,
    boolean simulated,
    Instant clientTime,
    Optional<String> hostPublicKey) {

  public ActivateRequest {
    oemMarker = oemMarker == null ? Optional.empty() : oemMarker;
    hostPublicKey = hostPublicKey == null ? Optional.empty() : hostPublicKey;
  }

  public Installation installation() {
    return new Installation(product, version, edition);
  }

  /** The wire form; {@code hostPublicKey} is left out when there is none. */
  public Map<String, Object> toMap() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("key", key);
    json.put("product", product);
    json.put("version", version);
    json.put("edition", edition);
    json.put("components", WireFields.components(components));
    json.put("cmid", cmid);
    json.put("oemMarker", oemMarker.orElse(null));
    json.put("simulated", simulated);
    json.put("clientTime", clientTime.toString());
    hostPublicKey.ifPresent(k -> json.put("hostPublicKey", k));
    return json;
  }

  public static Parsed<ActivateRequest> parse(Map<?, ?> json) {
    WireFields b = WireFields.of(json);
    return Parsed.read(
        () ->
            new ActivateRequest(
                b.text("key"),
                b.text("product"),
                b.text("version"),
                b.text("edition"),
                b.components("components"),
                b.cmid("cmid"),
                b.optionalText("oemMarker"),
                b.bool("simulated", false),
                b.instant("clientTime"),
                b.optionalText("hostPublicKey")));
  }
}
