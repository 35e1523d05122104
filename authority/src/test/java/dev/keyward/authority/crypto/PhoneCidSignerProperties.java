package dev.keyward.authority.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.phone.CidCheck;
import dev.keyward.core.phone.ConfirmationId;
import dev.keyward.core.phone.InstallationId;
import dev.keyward.core.phone.PhoneArbitraries;
import dev.keyward.core.phone.PhoneKeyDecoding;
import dev.keyward.core.phone.PhonePrivateKey;
import dev.keyward.core.phone.PhoneSigner;
import dev.keyward.core.phone.PhoneVerifier;
import java.security.SecureRandom;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Issue #10.5: the authority signs confirmation IDs with BouncyCastle; the machine checks them with
 * core's JDK-only verifier. Both sides agree, and BouncyCastle's signer gives exactly the CIDs of
 * core's plain-Java reference signer (same RFC 6979 nonce, same equations), so each checks the
 * other.
 */
class PhoneCidSignerProperties {

  /** Stored private keys, made from a seed so that a failure reproduces. */
  @Provide
  Arbitrary<String> storedKeys() {
    return Arbitraries.longs().map(seed -> PhoneCidSigner.generate(seeded(seed)));
  }

  @Provide
  Arbitrary<InstallationId> iids() {
    return PhoneArbitraries.iids();
  }

  private static SecureRandom seeded(long seed) {
    Random random = new Random(seed);
    return new SecureRandom() {
      @Override
      public void nextBytes(byte[] bytes) {
        random.nextBytes(bytes);
      }
    };
  }

  private static PhoneCidSigner bc(int index, String stored) {
    return switch (PhoneCidSigner.decode(index, stored)) {
      case PhoneKeyDecoding.Decoded<PhoneCidSigner> d -> d.key();
      case PhoneKeyDecoding.Invalid<PhoneCidSigner> i -> throw new AssertionError(i.reason());
    };
  }

  private static PhoneSigner reference(int index, String stored) {
    return switch (PhonePrivateKey.decode(stored)) {
      case PhoneKeyDecoding.Decoded<PhonePrivateKey> d -> new PhoneSigner(index, d.key());
      case PhoneKeyDecoding.Invalid<PhonePrivateKey> i -> throw new AssertionError(i.reason());
    };
  }

  @Property(tries = 300)
  void bouncyCastleSignedCidsVerifyInCoreAndEqualTheReferenceSigners(
      @ForAll("storedKeys") String stored,
      @ForAll @IntRange(min = 0, max = 255) int index,
      @ForAll("iids") InstallationId iid,
      @ForAll("iids") InstallationId other) {
    PhoneCidSigner signer = bc(index, stored);
    PhoneSigner core = reference(index, stored);
    assertThat(signer.publicKey()).isEqualTo(core.publicKey());
    PhoneVerifier machine = PhoneVerifier.of(index, signer.publicKey());

    ConfirmationId fromBc = signer.sign(iid);
    ConfirmationId fromCore = core.sign(iid);

    assertThat(fromBc).isEqualTo(fromCore);
    assertThat(machine.verify(fromBc.text(), iid)).isInstanceOf(CidCheck.Confirmed.class);
    assertThat(machine.verify(fromCore, iid)).isInstanceOf(CidCheck.Confirmed.class);
    if (!other.equals(iid)) {
      CidCheck foreign = machine.verify(fromBc, other);
      assertThat(foreign).isInstanceOf(CidCheck.Rejected.class);
      assertThat(((CidCheck.Rejected) foreign).failure().error())
          .isEqualTo(ErrorCode.CID_INVALID_DATA);
    }
  }

  @Property(tries = 100)
  void aCidFromAnotherKeyDoesNotVerify(
      @ForAll("storedKeys") String stored,
      @ForAll("storedKeys") String otherStored,
      @ForAll("iids") InstallationId iid) {
    PhoneVerifier machine = PhoneVerifier.of(0, bc(0, stored).publicKey());
    if (!stored.equals(otherStored)) {
      assertThat(machine.verify(bc(0, otherStored).sign(iid), iid))
          .isInstanceOf(CidCheck.Rejected.class);
    }
  }

  @Example
  void storedKeysThatAreNotKeysAreRefusedWithAReason() {
    assertThat(PhoneCidSigner.decode(0, "%%%")).isInstanceOf(PhoneKeyDecoding.Invalid.class);
    assertThat(PhoneCidSigner.decode(0, "AAAA")).isInstanceOf(PhoneKeyDecoding.Invalid.class);
    String zero = java.util.Base64.getEncoder().encodeToString(new byte[32]);
    assertThat(PhoneCidSigner.decode(0, zero))
        .isEqualTo(new PhoneKeyDecoding.Invalid<>("the private key is not in [1, n-1] of P-256"));
    // toString never shows the private scalar.
    String stored = PhoneCidSigner.generate(new SecureRandom());
    assertThat(bc(7, stored).toString()).doesNotContain(stored).contains("keyIndex=7");
  }
}
