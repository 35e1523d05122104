package dev.keyward.client;

import dev.keyward.core.vmhost.SignedVmGrant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a host-based VM activation guest keeps in {@code <product>/vm-guest.json}: the last grant of
 * its host agent and the fingerprint of the key it was obtained with. It proves nothing by itself:
 * the grant's signatures do, checked at every read.
 */
record VmGuestRecord(Optional<String> keyFingerprint, Optional<SignedVmGrant> grant) {
  static VmGuestRecord empty() {
    return new VmGuestRecord(Optional.empty(), Optional.empty());
  }

  Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("keyFingerprint", keyFingerprint.orElse(null));
    json.put("grant", grant.map(SignedVmGrant::toJson).orElse(null));
    return json;
  }

  static VmGuestRecord fromJson(Map<?, ?> json) {
    Optional<String> key =
        json.get("keyFingerprint") instanceof String s ? Optional.of(s) : Optional.empty();
    Optional<SignedVmGrant> grant =
        json.get("grant") instanceof Map<?, ?> g ? SignedVmGrant.fromJson(g) : Optional.empty();
    return new VmGuestRecord(key, grant);
  }
}
