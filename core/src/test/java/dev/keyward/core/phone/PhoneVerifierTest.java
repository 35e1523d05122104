package dev.keyward.core.phone;

import static dev.keyward.core.phone.PhoneArbitraries.AUTHORITY_KEY;
import static dev.keyward.core.phone.PhoneArbitraries.AUTHORITY_KEY_INDEX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.hardware.Component;
import dev.keyward.core.key.KeyPayload;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PhoneVerifierTest {
  private static final PhoneSigner SIGNER = new PhoneSigner(AUTHORITY_KEY_INDEX, AUTHORITY_KEY);
  private static final PhoneVerifier VERIFIER =
      PhoneVerifier.of(AUTHORITY_KEY_INDEX, AUTHORITY_KEY.publicKey());

  private final InstallationId iid = knownIid();
  private final ConfirmationId cid = SIGNER.sign(iid);

  /** The IID of InstallationIdTest's known answer. */
  static InstallationId knownIid() {
    Map<Component, Integer> hw = new EnumMap<>(Component.class);
    for (Component component : Component.values()) {
      hw.put(component, 17 * component.ordinal());
    }
    return InstallationId.of(
        new KeyPayload(1011, 123_456_789L, 0x2A_5A5A_5A5A_5A5AL),
        0,
        0,
        new HardwareFingerprint(hw));
  }

  @Test
  void layoutIs398BitsIn20GroupsOf7Digits() {
    assertThat(ConfirmationId.PAYLOAD_BITS).isEqualTo(398);
    assertThat(ConfirmationId.GROUPS).isEqualTo(20);
    assertThat(ConfirmationId.DIGITS).isEqualTo(140);
    assertThat(BigInteger.ONE.shiftLeft(398)).isLessThan(BigInteger.TEN.pow(120));
    assertThat(cid.text()).matches("(\\d{7}-){19}\\d{7}");
  }

  @Test
  void knownAnswer() {
    // Pinned so that neither the message, the nonce nor the layout can drift unnoticed (the key is
    // RFC 6979's example key); docs/phone-activation.md shows this pair.
    assertThat(iid.text()).isEqualTo(InstallationIdTest.KNOWN_IID);
    assertThat(cid.text()).isEqualTo(KNOWN_CID);
  }

  static final String KNOWN_CID =
      "0075768-5801378-3696815-9735953-3398546-8071285-4395997-2204762-6726557-5512248-"
          + "9935321-4934381-4154910-5728068-8447515-8565512-4264923-0453108-6178788-2638394";

  @Test
  void theSignatureIsHalfSizeSchnorrWithTheRfc6979Nonce() {
    // Recomputed here from the definitions, with the public-scalar multiplication.
    byte[] message = ConfirmationId.message(iid, AUTHORITY_KEY_INDEX, 0);
    BigInteger k = new Rfc6979(AUTHORITY_KEY.scalar(), Bytes.sha256().digest(message)).next();
    EcPoint r = P256.multiply(k, P256.G).orElseThrow();
    EcPoint q = AUTHORITY_KEY.publicKey().point();
    byte[] hashed = Bytes.sha256().digest(concat(r.compressed(), q.compressed(), message));
    BigInteger e = new BigInteger(1, java.util.Arrays.copyOf(hashed, 16));
    BigInteger s = k.add(e.multiply(AUTHORITY_KEY.scalar())).mod(P256.N);

    assertThat(cid.challenge()).isEqualTo(e);
    assertThat(cid.response()).isEqualTo(s);
    assertThat(new String(message, 0, 20, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("keyward/phone/cid/v1");
    assertThat(message).hasSize(20 + 1 + 23 + 1 + 1);
  }

  @Test
  void signingIsDeterministic() {
    assertThat(SIGNER.sign(iid)).isEqualTo(cid);
    assertThat(new PhoneSigner(AUTHORITY_KEY_INDEX, AUTHORITY_KEY).sign(iid)).isEqualTo(cid);
  }

  @Test
  void confirmsItsIid() {
    assertThat(VERIFIER.verify(cid.text(), iid)).isEqualTo(new CidCheck.Confirmed(cid));
    assertThat(VERIFIER.verify(cid.digits(), iid)).isEqualTo(new CidCheck.Confirmed(cid));
    assertThat(VERIFIER.verify(cid, iid)).isEqualTo(new CidCheck.Confirmed(cid));
  }

  @Test
  void aWrongCheckDigitNamesTheGroup() {
    StringBuilder typo = new StringBuilder(cid.digits());
    int at = 7 * 11 + 3; // group 12
    typo.setCharAt(at, (char) ('0' + (typo.charAt(at) - '0' + 5) % 10));

    CidCheck check = VERIFIER.verify(typo.toString(), iid);

    assertThat(check).isInstanceOf(CidCheck.Rejected.class);
    CidCheck.Rejected rejected = (CidCheck.Rejected) check;
    assertThat(rejected.failure().error().hex()).isEqualTo("0xC004F04D");
    assertThat(rejected.groups()).containsExactly(12);
    assertThat(rejected.failure().message()).contains("group 12");
  }

  @Test
  void aCidOfAnotherIidIsInvalidData() {
    InstallationId other =
        new InstallationId(iid.keyGroup(), iid.serial() + 1, 0, 0, iid.hardware(), iid.keyProof());

    CidCheck check = VERIFIER.verify(cid.text(), other);

    assertThat(check).isInstanceOf(CidCheck.Rejected.class);
    CidCheck.Rejected rejected = (CidCheck.Rejected) check;
    assertThat(rejected.failure().error().hex()).isEqualTo("0xC004F02C");
    assertThat(rejected.failure().message()).contains(other.text());
  }

  @Test
  void anUntrustedKeyIndexIsInvalidData() {
    ConfirmationId relabelled = new ConfirmationId(7, 0, cid.challenge(), cid.response());

    CidCheck check = VERIFIER.verify(relabelled.text(), iid);

    assertThat(((CidCheck.Rejected) check).failure().error()).isEqualTo(ErrorCode.CID_INVALID_DATA);
    assertThat(((CidCheck.Rejected) check).failure().message()).contains("authority key 7");
  }

  @Test
  void unknownFlagsAreInvalidData() {
    ConfirmationId flagged =
        new ConfirmationId(AUTHORITY_KEY_INDEX, 1, cid.challenge(), cid.response());

    CidCheck check = VERIFIER.verify(flagged, iid);

    assertThat(((CidCheck.Rejected) check).failure().error()).isEqualTo(ErrorCode.CID_INVALID_DATA);
    assertThat(((CidCheck.Rejected) check).failure().message()).contains("flags 1");
  }

  @Test
  void nonCanonicalResponsesAreRefused() {
    for (BigInteger s : new BigInteger[] {BigInteger.ZERO, P256.N, P256.N.add(BigInteger.ONE)}) {
      ConfirmationId odd = new ConfirmationId(AUTHORITY_KEY_INDEX, 0, cid.challenge(), s);
      assertThat(VERIFIER.verify(odd, iid)).isInstanceOf(CidCheck.Rejected.class);
    }
    BigInteger plusN = cid.response().add(P256.N);
    if (plusN.bitLength() <= ConfirmationId.RESPONSE_BITS) {
      ConfirmationId malleated = new ConfirmationId(AUTHORITY_KEY_INDEX, 0, cid.challenge(), plusN);
      assertThat(VERIFIER.verify(malleated, iid)).isInstanceOf(CidCheck.Rejected.class);
    }
  }

  @Test
  void keysRotateByIndex() {
    PhonePrivateKey next = PhonePrivateKey.generate(new SecureRandom());
    PhoneSigner nextSigner = new PhoneSigner(4, next);
    PhoneVerifier both =
        new PhoneVerifier(
            Map.of(AUTHORITY_KEY_INDEX, AUTHORITY_KEY.publicKey(), 4, next.publicKey()));
    PhoneVerifier onlyNext = PhoneVerifier.of(4, next.publicKey());
    ConfirmationId fromNext = nextSigner.sign(iid);

    assertThat(fromNext.keyIndex()).isEqualTo(4);
    assertThat(both.verify(cid, iid)).isInstanceOf(CidCheck.Confirmed.class);
    assertThat(both.verify(fromNext, iid)).isInstanceOf(CidCheck.Confirmed.class);
    assertThat(onlyNext.verify(fromNext, iid)).isInstanceOf(CidCheck.Confirmed.class);
    assertThat(onlyNext.verify(cid, iid)).isInstanceOf(CidCheck.Rejected.class);
    assertThat(VERIFIER.verify(fromNext, iid)).isInstanceOf(CidCheck.Rejected.class);
  }

  @Test
  void keyIndexesAreChecked() {
    assertThatThrownBy(() -> new PhoneSigner(256, AUTHORITY_KEY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PhoneSigner(-1, AUTHORITY_KEY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PhoneVerifier.of(256, AUTHORITY_KEY.publicKey()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(SIGNER.toString()).doesNotContain(AUTHORITY_KEY.encode());
  }

  private static byte[] concat(byte[]... parts) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
