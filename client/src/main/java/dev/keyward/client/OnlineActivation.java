package dev.keyward.client;

import dev.keyward.client.KeywardClient.Activation;
import dev.keyward.client.TrustPinning.ActivationTrust;
import dev.keyward.core.cert.ActivationCertificate;
import dev.keyward.core.cert.CertificateCheck;
import dev.keyward.core.cert.CertificateStanding;
import dev.keyward.core.cert.CertificateVerifier;
import dev.keyward.core.cert.SignedCertificate;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import dev.keyward.core.hardware.HardwareIdentity;
import dev.keyward.core.hardware.MachineFacts;
import dev.keyward.core.key.ProductKey;
import dev.keyward.core.license.LicenseEvent;
import dev.keyward.core.license.LicenseRecord;
import dev.keyward.core.protocol.ActivateRequest;
import dev.keyward.core.protocol.CertificateAnswer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Online activation ({@code slmgr /ato}): a volume client asks its host, a VM guest its host agent,
 * and every other key the authority, sending the key with the machine's hashed hardware; the signed
 * certificate is verified against the trusted keys and stored.
 */
final class OnlineActivation {
  private final ClientContext client;
  private final StoreSession sessions;

  OnlineActivation(ClientContext client) {
    this.client = client;
    this.sessions = client.sessions();
  }

  Activation activate() {
    List<String> notices = new ArrayList<>();
    Session s = sessions.open(notices);
    Instant now = client.clock().instant();
    boolean volume = s.state().key().map(k -> k.channel().isVolumeClient()).orElse(false);
    // the state machine's refusals (an evaluation edition) come before anything is sent
    Transitions.refusedOrNext(
        s.machine().apply(s.state().record(), LicenseEvent.Activated.permanently(volume), now));
    StoredKey stored =
        s.state()
            .key()
            .orElseThrow(
                () ->
                    KeywardException.of(
                        ErrorCode.PKEY_NOT_INSTALLED,
                        "No product key is installed. Install one with keyward slmgr /ipk KEY."));
    if (VolumeClientLicense.applies(s.state())) {
      return new VolumeClientLicense(client).activate(s, stored, notices);
    }
    if (VmGuestLicense.applies(s.state())) {
      return new VmGuestLicense(client).activate(s, stored, notices);
    }
    if (!stored.channel().activatesAtAuthority()) {
      throw KeywardException.of(
          ErrorCode.NOT_SUPPORTED,
          "A " + stored.channel() + " key does not activate against the activation authority.");
    }
    return atAuthority(s, stored, volume, now, notices);
  }

  /** Sends the key to the authority and keeps the certificate it answers, once verified. */
  private Activation atAuthority(
      Session s, StoredKey stored, boolean volume, Instant now, List<String> notices) {
    ProductKey key = sessions.keyCopy(s, stored);
    MachineFacts facts = client.machineFacts();
    AuthorityConnection connection = client.connection();
    ActivationTrust trusted = client.trust().forActivation(s, connection, notices);
    HardwareIdentity identity = HardwareIdentity.of(facts, s.product().id());
    ActivateRequest body =
        new ActivateRequest(
            key.display(),
            s.product().id(),
            s.state().installation().version(),
            s.state().installation().edition(),
            identity,
            s.state().cmid(),
            facts.oemMarker(),
            facts.simulated(),
            now,
            VolumeHostIdentity.hostPublicKey(client.store(), s.product(), stored));
    Map<String, Object> answer;
    try {
      answer = connection.post("/v1/activate", body.toMap(), Optional.empty());
    } catch (KeywardException e) {
      sessions.event(s.state(), "ActivationRefused", Map.of("code", e.code().hex()));
      throw e;
    }
    CertificateAnswer read =
        CertificateAnswer.parse(answer)
            .orElseThrow(
                bad ->
                    KeywardException.of(
                        ErrorCode.BAD_REQUEST,
                        "The authority at "
                            + connection.base()
                            + " answered without a readable activation certificate."));
    SignedCertificate signed = verified(s, stored, read.signed(), trusted);
    ActivationCertificate cert = signed.certificate();
    LicenseRecord next =
        Transitions.refusedOrNext(
            s.machine()
                .apply(
                    s.state().record(),
                    new LicenseEvent.Activated(cert.expiresAt().orElse(null), volume),
                    now));
    ProductState state =
        s.state()
            .withRecord(next)
            .withCertificate(Optional.of(signed))
            .withTrustDigest(trusted.digest());
    sessions.save(s, state);
    boolean reissued = read.reissued();
    sessions.event(
        state,
        "Activated",
        Map.of(
            "certificateId",
            cert.certificateId(),
            "reissued",
            reissued,
            "authority",
            connection.base().toString()));
    if (reissued) {
      notices.add(
          "This machine already held this activation: the authority gave its certificate again"
              + " without spending a count.");
    }
    return new Activation(
        client.infos().build(s.with(state), notices), reissued, cert.certificateId());
  }

  /** The answered certificate, checked: signed by a trusted key, for this installation. */
  private static SignedCertificate verified(
      Session s, StoredKey stored, SignedCertificate signed, ActivationTrust trusted) {
    CertificateVerifier verifier = new CertificateVerifier(trusted.keys());
    Optional<Failure> untrusted = CertificateStanding.untrusted(signed, trusted.keys());
    if (untrusted.isPresent()) {
      throw new KeywardException(untrusted.get());
    }
    if (verifier.verify(signed) instanceof CertificateCheck.Invalid invalid) {
      throw new KeywardException(invalid.failure());
    }
    ActivationCertificate cert = signed.certificate();
    Optional<String> mismatch =
        CertificateStanding.mismatch(
            cert,
            new CertificateStanding.Expected(
                s.state().installation().product(),
                s.state().installation().version(),
                s.state().installation().edition(),
                Optional.of(stored.partial()),
                Optional.of(stored.channel())));
    if (mismatch.isPresent()) {
      throw KeywardException.of(
          ErrorCode.STORE_TAMPERED,
          "The authority's certificate is not for this installation: " + mismatch.get() + ".");
    }
    return signed;
  }
}
