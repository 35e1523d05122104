package dev.keyward.core.vmhost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.core.catalog.Catalog;
import dev.keyward.core.catalog.CatalogLoader;
import dev.keyward.core.catalog.Channel;
import dev.keyward.core.catalog.TrustedKey;
import dev.keyward.core.cert.ActivationCertificate;
import dev.keyward.core.cert.SignedCertificate;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.hardware.HardwareIdentity;
import dev.keyward.core.hardware.TestMachines;
import dev.keyward.core.volume.HostId;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VmHostRulesTest {
  private static final Catalog CATALOG = CatalogLoader.winserver();
  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
  private static final String CMID = "00000000-0000-4000-8000-000000000001";

  private final KeyPair authority = keyPair();
  private final KeyPair agent = keyPair();
  private final TrustedKey trusted =
      new TrustedKey("k1", base64(authority.getPublic().getEncoded()));
  private final VmHostRules rules = new VmHostRules(CATALOG, Clock.fixed(NOW, ZoneOffset.UTC));

  private String agentKey() {
    return base64(agent.getPublic().getEncoded());
  }

  private VmHostView host(boolean licensed, String version, String edition) {
    return new VmHostView(
        licensed,
        licensed ? "Licensed" : "Unlicensed",
        "winserver",
        version,
        edition,
        Optional.of(HostId.of(agentKey())));
  }

  private static VmActivationRequest request(String version, String edition) {
    int group =
        CATALOG
            .product("winserver")
            .orElseThrow()
            .keyGroup(version, edition, Channel.VIRTUAL_MACHINE_ACTIVATION)
            .orElseThrow()
            .number();
    return new VmActivationRequest("winserver", version, edition, group, "vm1", CMID, NOW);
  }

  private static ErrorCode refusal(VmDecision d) {
    assertThat(d).isInstanceOf(VmDecision.Refuse.class);
    return ((VmDecision.Refuse) d).failure().error();
  }

  @Test
  void aLicensedDatacenterHostActivatesGuestsOfItsVersionAndEarlierForSevenDays() {
    for (String version : List.of("2019", "2022")) {
      VmDecision d =
          rules.decide(host(true, "2022", "ServerDatacenter"), request(version, "ServerStandard"));
      assertThat(d).isInstanceOf(VmDecision.Grant.class);
      VmGrant g = ((VmDecision.Grant) d).grant();
      assertThat(g.expiresAt()).isEqualTo(NOW.plus(VmHostRules.VALIDITY));
      assertThat(g.hostVersion()).isEqualTo("2022");
      assertThat(g.guestName()).isEqualTo("vm1");
    }
    assertThat(
            refusal(
                rules.decide(
                    host(true, "2022", "ServerDatacenter"), request("2025", "ServerStandard"))))
        .isEqualTo(ErrorCode.VM_GUEST_VERSION_NEWER);
  }

  @Test
  void aHostThatIsNotLicensedOrNotDatacenterIsRefusedWithTheReason() {
    VmActivationRequest r = request("2019", "ServerStandard");
    assertThat(refusal(rules.decide(host(false, "2022", "ServerDatacenter"), r)))
        .isEqualTo(ErrorCode.VM_HOST_NOT_ACTIVATED);
    assertThat(refusal(rules.decide(host(true, "2022", "ServerStandard"), r)))
        .isEqualTo(ErrorCode.VM_HOST_NOT_DATACENTER);
    assertThat(refusal(rules.decide(host(true, "2022", "ServerDatacenterEval"), r)))
        .isEqualTo(ErrorCode.VM_HOST_NOT_DATACENTER);
    VmHostView noKey =
        new VmHostView(true, "Licensed", "winserver", "2022", "ServerDatacenter", Optional.empty());
    assertThat(refusal(rules.decide(noKey, r))).isEqualTo(ErrorCode.VM_HOST_NOT_ACTIVATED);
  }

  @Test
  void aGuestWithAnotherKeyOrAClockFarOffIsRefused() {
    VmHostView h = host(true, "2022", "ServerDatacenter");
    VmActivationRequest r = request("2019", "ServerStandard");
    VmActivationRequest wrongGroup =
        new VmActivationRequest("winserver", "2019", "ServerStandard", 1014, "vm1", CMID, NOW);
    assertThat(refusal(rules.decide(h, wrongGroup))).isEqualTo(ErrorCode.INVALID_PRODUCT_KEY);
    VmActivationRequest skewed =
        new VmActivationRequest(
            "winserver",
            "2019",
            "ServerStandard",
            r.keyGroup(),
            "vm1",
            CMID,
            NOW.plusSeconds(5 * 3600));
    assertThat(refusal(rules.decide(h, skewed))).isEqualTo(ErrorCode.INVALID_TIMESTAMP);
  }

  @Test
  void requestsAndAnswersSurviveTheWireAndGarbageIsMalformed() {
    VmActivationRequest r = request("2022", "ServerDatacenter");
    assertThat(VmActivationRequest.fromJsonText(r.toJsonText()))
        .isEqualTo(new VmActivationRequest.Parsed.Ok(r));
    for (String garbage :
        List.of("", "GET / HTTP/1.1", "[1,2]", "{\"type\":\"vm-activate\"}", "{\"cmid\": 3}")) {
      assertThat(VmActivationRequest.fromJsonText(garbage))
          .isInstanceOf(VmActivationRequest.Parsed.Malformed.class);
    }
    VmAgentAnswer refused =
        new VmAgentAnswer.Refused(
            dev.keyward.core.error.Failure.of(ErrorCode.VM_HOST_NOT_DATACENTER, "Standard"));
    assertThat(VmAgentAnswer.fromJsonText(refused.toJsonText())).contains(refused);
    assertThat(VmAgentAnswer.fromJsonText("{\"error\":{\"code\":\"0x1\",\"message\":\"x\"}}"))
        .isEmpty();
  }

  // --- the guest's check of what the agent signed ---

  private SignedCertificate hostCertificate(KeyPair signer, String edition, boolean withKey) {
    HardwareIdentity machine = HardwareIdentity.of(TestMachines.rackServer(), "winserver");
    ActivationCertificate c =
        new ActivationCertificate(
            "cert-hv1",
            "key-hv1",
            "HV1XX",
            "winserver",
            "2022",
            edition,
            Channel.RETAIL,
            machine,
            "0f1c1f7e-5a2b-4c6d-8e9f-0a1b2c3d4e5f",
            NOW.minusSeconds(60),
            Optional.empty(),
            "k1");
    if (withKey) {
      c = c.withHostPublicKey(agentKey());
    }
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initSign(signer.getPrivate());
      s.update(c.canonicalBytes());
      return new SignedCertificate(c, s.sign());
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  private SignedVmGrant granted(String version, SignedCertificate cert) {
    VmHostView h =
        new VmHostView(
            true,
            "Licensed",
            "winserver",
            "2022",
            cert.certificate().edition(),
            Optional.of(HostId.of(agentKey())));
    VmGrant g =
        new VmGrant(
            HostId.of(agentKey()),
            "2022",
            h.edition(),
            "winserver",
            version,
            "ServerStandard",
            "vm1",
            CMID,
            NOW,
            NOW.plus(VmHostRules.VALIDITY));
    return SignedVmGrant.sign(g, agent.getPrivate(), cert);
  }

  private ErrorCode check(SignedVmGrant g, String version, String cmid) {
    VmGrantCheck c =
        new VmGrantVerifier(List.of(trusted), CATALOG)
            .verify(g, "winserver", version, "ServerStandard", cmid);
    return c instanceof VmGrantCheck.Invalid i ? i.failure().error() : null;
  }

  @Test
  void theGuestBelievesOnlyAGrantSignedByAnAgentKeyTheAuthorityCertifiedOnADatacenterHost() {
    SignedCertificate good = hostCertificate(authority, "ServerDatacenter", true);
    SignedVmGrant g = granted("2019", good);
    assertThat(SignedVmGrant.fromJsonText(g.toJsonText())).contains(g);
    assertThat(check(g, "2019", CMID)).isNull();
    assertThat(check(g, "2019", "00000000-0000-4000-8000-000000000002"))
        .isEqualTo(ErrorCode.STORE_TAMPERED);
    assertThat(check(g, "2022", CMID)).isEqualTo(ErrorCode.MISMATCHED_PRODUCT_SKU);
    assertThat(
            check(
                granted("2019", hostCertificate(keyPair(), "ServerDatacenter", true)),
                "2019",
                CMID))
        .isEqualTo(ErrorCode.VM_GRANT_NOT_TRUSTED);
    assertThat(
            check(
                granted("2019", hostCertificate(authority, "ServerDatacenter", false)),
                "2019",
                CMID))
        .isEqualTo(ErrorCode.VM_GRANT_NOT_TRUSTED);
    assertThat(
            check(
                granted("2019", hostCertificate(authority, "ServerStandard", true)), "2019", CMID))
        .isEqualTo(ErrorCode.VM_HOST_NOT_DATACENTER);
    assertThat(check(granted("2025", good), "2025", CMID))
        .isEqualTo(ErrorCode.VM_GUEST_VERSION_NEWER);
    // a grant re-signed by another key than the certified one
    SignedVmGrant resigned = SignedVmGrant.sign(g.grant(), keyPair().getPrivate(), good);
    assertThat(check(resigned, "2019", CMID)).isEqualTo(ErrorCode.VM_GRANT_NOT_TRUSTED);
    // a grant edited after signing
    Map<String, Object> json = new java.util.LinkedHashMap<>(g.toJson());
    @SuppressWarnings("unchecked")
    Map<String, Object> grant =
        new java.util.LinkedHashMap<>((Map<String, Object>) json.get("grant"));
    grant.put("expiresAt", NOW.plusSeconds(400 * 86400L).toString());
    json.put("grant", grant);
    assertThat(check(SignedVmGrant.fromJson(json).orElseThrow(), "2019", CMID))
        .isEqualTo(ErrorCode.VM_GRANT_NOT_TRUSTED);
  }

  private static KeyPair keyPair() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  private static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
