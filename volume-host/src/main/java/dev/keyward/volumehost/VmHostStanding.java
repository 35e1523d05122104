package dev.keyward.volumehost;

import dev.keyward.client.KeywardClient;
import dev.keyward.client.KeywardException;
import dev.keyward.client.LicenseInfo;
import dev.keyward.client.LocalStore;
import dev.keyward.client.VolumeHostIdentity;
import dev.keyward.core.cert.ActivationCertificate;
import dev.keyward.core.cert.CertificateCheck;
import dev.keyward.core.cert.CertificateVerifier;
import dev.keyward.core.cert.SignedCertificate;
import dev.keyward.core.license.LicenseState;
import dev.keyward.core.vmhost.VmHostView;
import dev.keyward.core.volume.HostId;
import java.util.Optional;

/**
 * What the host agent reads of its own machine at each request (SPEC §12, §16): the license status
 * derived now, the installation, and the agent key its activation certificate certifies, if the
 * certificate verifies with a trusted authority key and certifies the key pair the store holds.
 */
record VmHostStanding(
    VmHostView view,
    Optional<SignedCertificate> certificate,
    Optional<VolumeHostIdentity> identity) {

  static VmHostStanding of(KeywardClient client) {
    LicenseInfo info;
    try {
      info = client.status();
    } catch (KeywardException e) {
      VmHostView unreadable = new VmHostView(false, "unreadable", "?", "?", "?", Optional.empty());
      return new VmHostStanding(unreadable, Optional.empty(), Optional.empty());
    }
    boolean licensed = info.status().state() == LicenseState.LICENSED;
    LocalStore store = client.store();
    Optional<SignedCertificate> certificate =
        store.load(info.product()) instanceof LocalStore.Read.Intact intact
            ? intact.state().certificate()
            : Optional.empty();
    Optional<VolumeHostIdentity> identity = VolumeHostIdentity.load(store, info.product());
    Optional<String> certified =
        certificate
            .filter(
                c ->
                    new CertificateVerifier(client.trustedKeys()).verify(c)
                        instanceof CertificateCheck.Valid)
            .flatMap(c -> c.certificate().hostPublicKey())
            .filter(k -> identity.map(i -> i.publicKey().equals(k)).orElse(false));
    Optional<ActivationCertificate> cert =
        certificate.map(SignedCertificate::certificate).filter(c -> certified.isPresent());
    VmHostView view =
        new VmHostView(
            licensed,
            info.status().state().displayName(),
            info.product(),
            cert.map(ActivationCertificate::version).orElse(info.version()),
            cert.map(ActivationCertificate::edition).orElse(info.edition()),
            certified.map(HostId::of));
    return new VmHostStanding(view, certificate, identity);
  }
}
