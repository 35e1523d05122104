package dev.keyward.core.phone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.core.catalog.TrustedKey;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import dev.keyward.core.hardware.Component;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ProxyFilesTest {
  private static final Random RANDOM = new Random(10);

  private static InstallationId iid() {
    Map<Component, Integer> hashes = new EnumMap<>(Component.class);
    for (Component c : Component.values()) {
      hashes.put(c, RANDOM.nextInt(256));
    }
    return new InstallationId(
        RANDOM.nextInt(1 << 16),
        RANDOM.nextLong(1L << 34),
        RANDOM.nextInt(3),
        RANDOM.nextInt(9),
        new HardwareFingerprint(hashes),
        RANDOM.nextInt(1 << 24));
  }

  private static ProxyRequest.Entry entry(String label, InstallationId iid) {
    return new ProxyRequest.Entry(label, "winserver", iid.text(), Optional.empty(), true);
  }

  @Test
  void requestEntriesAreAppendedOnceAndReplacedWhenTheMachineChanged() {
    InstallationId a = iid();
    InstallationId b = iid();
    ProxyRequest request = ProxyRequest.empty().with(entry("a", a)).with(entry("b", b));
    assertThat(request.changeFor(entry("a", a))).isEqualTo(ProxyRequest.Change.UNCHANGED);
    assertThat(request.with(entry("a", a))).isEqualTo(request);
    InstallationId a2 = iid();
    assertThat(request.changeFor(entry("a", a2))).isEqualTo(ProxyRequest.Change.REPLACED);
    assertThat(request.with(entry("a", a2)).entries())
        .extracting(ProxyRequest.Entry::iid)
        .containsExactly(a2.text(), b.text());

    ProxyFileReading<ProxyRequest> read = ProxyRequest.read(request.write());
    assertThat(read).isEqualTo(new ProxyFileReading.Read<>(request));
  }

  @Test
  void malformedFilesAreRefusedWhole() {
    for (String text :
        List.of(
            "",
            "[]",
            "{\"format\":\"other\",\"entries\":[]}",
            "{\"format\":\"keyward-proxy-request/1\",\"entries\":[{\"label\":\"x\"}]}",
            "{\"format\":\"keyward-proxy-response/1\",\"entries\":[]}")) {
      assertThat(ProxyRequest.read(text))
          .as(text)
          .isInstanceOfSatisfying(
              ProxyFileReading.Invalid.class,
              i -> assertThat(i.failure().error()).isEqualTo(ErrorCode.INPUT_FILE_INVALID));
    }
    assertThat(ProxyResponse.read(ProxyRequest.empty().write()))
        .isInstanceOf(ProxyFileReading.Invalid.class);
  }

  @Test
  void responsesFindTheirMachineAndCarryRefusalsWithTheirCodes() throws Exception {
    InstallationId a = iid();
    InstallationId b = iid();
    PhoneSigner signer =
        new PhoneSigner(PhoneArbitraries.AUTHORITY_KEY_INDEX, PhoneArbitraries.AUTHORITY_KEY);
    ProxyResponse response =
        new ProxyResponse(
            Instant.parse("2026-03-01T10:00:00Z"),
            List.of(
                ProxyResponse.Answer.confirmed(entry("a", a), signer.sign(a).text(), false),
                ProxyResponse.Answer.refused(
                    entry("b", b), Failure.of(ErrorCode.MAK_LIMIT_EXCEEDED, "pool empty"))),
            Optional.empty());

    KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    TrustedKey trusted =
        new TrustedKey("k-test", Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
    Signature ed = Signature.getInstance("Ed25519");
    ed.initSign(pair.getPrivate());
    ed.update(response.canonicalBytes());
    ProxyResponse signed =
        response.signed(
            new ProxyResponse.FileSignature(
                "k-test", Base64.getEncoder().encodeToString(ed.sign())));

    ProxyResponse read =
        ((ProxyFileReading.Read<ProxyResponse>) ProxyResponse.read(signed.write())).file();
    assertThat(read.checkSignature(List.of(trusted)))
        .isEqualTo(new ProxyResponse.SignatureCheck.Valid("k-test"));
    assertThat(read.checkSignature(List.of()))
        .isEqualTo(new ProxyResponse.SignatureCheck.UnknownKey("k-test"));
    assertThat(response.checkSignature(List.of(trusted)))
        .isEqualTo(new ProxyResponse.SignatureCheck.Unsigned());

    ProxyResponse.Answer forA = read.answerFor(a).orElseThrow();
    assertThat(
            PhoneVerifier.of(
                    PhoneArbitraries.AUTHORITY_KEY_INDEX,
                    PhoneArbitraries.AUTHORITY_KEY.publicKey())
                .verify(forA.cid().orElseThrow(), a))
        .isInstanceOf(CidCheck.Confirmed.class);
    assertThat(read.answerFor(b).orElseThrow().error().orElseThrow().error())
        .isEqualTo(ErrorCode.MAK_LIMIT_EXCEEDED);
    assertThat(read.answerFor(iid())).isEmpty();

    // an answer swapped for another: the file signature no longer holds
    String tampered = signed.write().replace("pool empty", "pool full");
    ProxyResponse altered =
        ((ProxyFileReading.Read<ProxyResponse>) ProxyResponse.read(tampered)).file();
    assertThat(altered.checkSignature(List.of(trusted)))
        .isInstanceOf(ProxyResponse.SignatureCheck.Invalid.class);
  }
}
