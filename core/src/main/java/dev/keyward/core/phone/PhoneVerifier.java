package dev.keyward.core.phone;

import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The machine's side of phone activation: checks a typed confirmation ID against the machine's own
 * installation ID with the authority's public keys only. Keys rotate by index: a CID names the key
 * that signed it, and is accepted if that index is trusted here and the signature verifies.
 */
public final class PhoneVerifier {
  private final Map<Integer, PhonePublicKey> trusted;

  /**
   * @param trusted the authority's public keys by index (0..255)
   */
  public PhoneVerifier(Map<Integer, PhonePublicKey> trusted) {
    Objects.requireNonNull(trusted, "trusted");
    trusted.forEach(
        (index, key) -> {
          Objects.requireNonNull(key, "key");
          if (index < 0 || index > ConfirmationId.MAX_KEY_INDEX) {
            throw new IllegalArgumentException(
                "key index must be 0.." + ConfirmationId.MAX_KEY_INDEX + ": " + index);
          }
        });
    this.trusted = Map.copyOf(trusted);
  }

  /** A verifier that trusts one key. */
  public static PhoneVerifier of(int keyIndex, PhonePublicKey key) {
    return new PhoneVerifier(Map.of(keyIndex, key));
  }

  /**
   * Checks a CID as typed. A group whose check digit does not match: 0xC004F04D naming it
   * (1-based). A well-typed CID that was not issued for {@code iid} by a trusted key: 0xC004F02C.
   */
  public CidCheck verify(String cidText, InstallationId iid) {
    Objects.requireNonNull(iid, "iid");
    return switch (ConfirmationId.parse(cidText)) {
      case CidParse.Rejected r -> new CidCheck.Rejected(r.failure(), r.groups());
      case CidParse.Parsed p -> verify(p.cid(), iid);
    };
  }

  /** Checks a CID already read. */
  public CidCheck verify(ConfirmationId cid, InstallationId iid) {
    Objects.requireNonNull(cid, "cid");
    Objects.requireNonNull(iid, "iid");
    PhonePublicKey key = trusted.get(cid.keyIndex());
    if (key == null) {
      return invalid(
          "The confirmation ID was signed with authority key "
              + cid.keyIndex()
              + ", which this product does not trust: it was not issued by this product's"
              + " activation authority, or the catalog's trusted keys are out of date.");
    }
    if (cid.flags() != 0) {
      return invalid(
          "The confirmation ID uses features (flags "
              + cid.flags()
              + ") this version of Keyward does not know: it was mistyped, or Keyward needs an"
              + " update.");
    }
    byte[] message = ConfirmationId.message(iid, cid.keyIndex(), cid.flags());
    if (HalfSchnorr.verify(key.point(), message, cid.challenge(), cid.response())) {
      return new CidCheck.Confirmed(cid);
    }
    return invalid(
        "The confirmation ID does not confirm this machine's installation ID "
            + iid.text()
            + ": it was issued for another installation ID, or mistyped in a way the check digits"
            + " did not catch.");
  }

  private static CidCheck invalid(String detail) {
    return new CidCheck.Rejected(Failure.of(ErrorCode.CID_INVALID_DATA, detail), List.of());
  }
}
