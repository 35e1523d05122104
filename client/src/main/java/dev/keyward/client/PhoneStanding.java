package dev.keyward.client;

import dev.keyward.core.catalog.Product;
import dev.keyward.core.catalog.TrustedPhoneKey;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import dev.keyward.core.hardware.HardwareIdentity;
import dev.keyward.core.hardware.ToleranceResult;
import dev.keyward.core.license.ActivationStanding;
import dev.keyward.core.phone.CidCheck;
import dev.keyward.core.phone.HardwareFingerprint;
import dev.keyward.core.phone.IidParse;
import dev.keyward.core.phone.InstallationId;
import dev.keyward.core.phone.PhoneKeyDecoding;
import dev.keyward.core.phone.PhonePublicKey;
import dev.keyward.core.phone.PhoneVerifier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a stored phone activation proves now (the check of every status, SPEC §16): the CID must be
 * signed by a trusted phone key and confirm the stored IID, the IID must be of the installed key,
 * version and edition, and the machine's hardware within tolerance of the IID's.
 */
final class PhoneStanding {
  private final ClientContext client;

  PhoneStanding(ClientContext client) {
    this.client = client;
  }

  ActivationStanding of(Product product, ProductState state, TrustView trust) {
    PhoneConfirmation held = state.phone().orElseThrow();
    if (!(InstallationId.parse(held.installationId()) instanceof IidParse.Parsed parsed)) {
      return refuted(ErrorCode.STORE_TAMPERED, "the stored installation ID cannot be read");
    }
    InstallationId iid = parsed.iid();
    Map<Integer, PhonePublicKey> trusted = decoded(trust.phoneKeys());
    if (trusted.isEmpty()) {
      return refuted(
          ErrorCode.AUTHORITY_NOT_TRUSTED,
          "the confirmation ID cannot be checked: this machine trusts no phone activation key of"
              + " the vendor. Record the vendor's trust file with keyward init --trust FILE.");
    }
    if (new PhoneVerifier(trusted).verify(held.confirmationId(), iid)
        instanceof CidCheck.Rejected r) {
      return refuted(ErrorCode.STORE_TAMPERED, r.failure().message());
    }
    Optional<String> problem = mismatch(product, state, iid);
    if (problem.isPresent()) {
      return refuted(ErrorCode.STORE_TAMPERED, "the phone activation " + problem.get());
    }
    HardwareFingerprint current =
        HardwareFingerprint.of(HardwareIdentity.of(client.machineFacts(), product.id()));
    if (HardwareFingerprint.compare(iid.hardware(), current, product.hardware())
        instanceof ToleranceResult.Outside outside) {
      return new ActivationStanding.OtherMachine(outside.failure());
    }
    return ActivationStanding.Proven.permanently();
  }

  private static ActivationStanding refuted(ErrorCode code, String detail) {
    return new ActivationStanding.Refuted(Failure.of(code, detail));
  }

  private static Optional<String> mismatch(
      Product product, ProductState state, InstallationId iid) {
    if (state.key().isEmpty() || state.key().get().group() != iid.keyGroup()) {
      return Optional.of("it confirms another product key");
    }
    if (!iid.installedVersion(product).map(state.installation().version()::equals).orElse(false)) {
      return Optional.of("it confirms another version");
    }
    if (!iid.installedEdition(product)
        .map(e -> e.id().equals(state.installation().edition()))
        .orElse(false)) {
      return Optional.of("it confirms another edition");
    }
    return Optional.empty();
  }

  /** The trusted phone keys that decode, by index (the first of an index wins). */
  static Map<Integer, PhonePublicKey> decoded(List<TrustedPhoneKey> phoneKeys) {
    Map<Integer, PhonePublicKey> keys = new LinkedHashMap<>();
    for (TrustedPhoneKey k : phoneKeys) {
      if (!keys.containsKey(k.index())
          && PhonePublicKey.decode(k.p256())
              instanceof PhoneKeyDecoding.Decoded<PhonePublicKey> d) {
        keys.put(k.index(), d.key());
      }
    }
    return keys;
  }
}
