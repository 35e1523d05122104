package dev.keyward.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyward.core.catalog.TrustedKey;
import dev.keyward.core.cert.ActivationCertificate;
import dev.keyward.core.cert.SignedCertificate;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.hardware.HardwareIdentity;
import dev.keyward.core.hardware.MachineFacts;
import dev.keyward.core.key.ProductKey;
import dev.keyward.core.key.ProductKeyCodec;
import dev.keyward.core.license.InstalledKey;
import dev.keyward.core.license.LicenseRecord;
import dev.keyward.core.license.LicenseState;
import dev.keyward.machines.LabProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The licensee owns the machine and the store's secret (SPEC §16): these are the attacks of issue 9
 * item 1, each done as a licensee with root would, and none of them makes the machine Licensed.
 */
class LicensedIsDerivedTest extends AgainstFakeAuthority {
  private static final ProductKey STD_2022 = ProductKeyCodec.encode(2011, 4242, TAGGER);

  /** What the attacker does: rewrites the state and seals it with the store's own secret. */
  private void forge(Path store, java.util.function.UnaryOperator<ProductState> edit) {
    LocalStore local = new LocalStore(store, new SecureRandom());
    ProductState state = ((LocalStore.Read.Intact) local.load("winserver")).state();
    local.save(edit.apply(state));
    assertThat(local.load("winserver")).isInstanceOf(LocalStore.Read.Intact.class);
  }

  private static LicenseRecord licensed(LicenseRecord r) {
    return new LicenseRecord(
        LicenseState.LICENSED,
        r.trustedTime(),
        null,
        null,
        null,
        InstalledKey.NON_VOLUME,
        r.rearmCount(),
        r.trustedTime(),
        null);
  }

  @Test
  void aStateEditedToLicensedAndResealedIsNotLicensed() {
    client().init("winserver", "2022", "ServerStandard");
    client().installKey(STD_2022.display());
    forge(dir.resolve("store"), s -> s.withRecord(licensed(s.record())));

    LicenseInfo info = client().status();
    assertThat(info.status().state()).isEqualTo(LicenseState.NON_GENUINE_GRACE);
    assertThat(info.status().reason()).isEqualTo(ErrorCode.STORE_TAMPERED);
    assertThat(info.notices()).anySatisfy(n -> assertThat(n).contains("no activation certificate"));
  }

  @Test
  void deletingTheCertificateOfAnActivatedStoreIsNotLicensed() {
    client().init("winserver", "2022", "ServerStandard");
    client().installKey(STD_2022.display());
    assertThat(client().activate().info().status().state()).isEqualTo(LicenseState.LICENSED);
    forge(dir.resolve("store"), s -> s.withCertificate(Optional.empty()));

    assertThat(client().status().status().state()).isEqualTo(LicenseState.NON_GENUINE_GRACE);
    // activating again repairs it (the key copy is still in the store)
    assertThat(client().activate().info().status().state()).isEqualTo(LicenseState.LICENSED);
  }

  @Test
  void aCertificateSignedByASelfMadeKeyIsNotLicensed() throws Exception {
    client().init("winserver", "2022", "ServerStandard");
    client().installKey(STD_2022.display());
    KeyPair own = FakeAuthority.keyPair();
    for (String keyId : List.of("k-mine", authority.keyId)) {
      forge(
          dir.resolve("store"),
          s ->
              s.withRecord(licensed(s.record()))
                  .withCertificate(Optional.of(selfSigned(s, own, keyId))));
      LicenseInfo info = client().status();
      assertThat(info.status().state()).as(keyId).isEqualTo(LicenseState.NON_GENUINE_GRACE);
      // a key never trusted is named as such, with how trust is given; a trusted key id whose
      // signature fails is a forgery
      assertThat(info.status().reason())
          .as(keyId)
          .isEqualTo(
              keyId.equals("k-mine") ? ErrorCode.AUTHORITY_NOT_TRUSTED : ErrorCode.STORE_TAMPERED);
      if (keyId.equals("k-mine")) {
        assertThat(info.notices())
            .anySatisfy(n -> assertThat(n).contains("'k-mine'").contains("init --trust"));
      }
    }
  }

  private SignedCertificate selfSigned(ProductState s, KeyPair own, String keyId) {
    ActivationCertificate cert =
        new ActivationCertificate(
            "c-forged",
            "key-1",
            STD_2022.partial(),
            "winserver",
            "2022",
            "ServerStandard",
            dev.keyward.core.catalog.Channel.RETAIL,
            HardwareIdentity.of(machine, "winserver"),
            s.cmid(),
            clock.instant(),
            Optional.empty(),
            keyId);
    try {
      Signature signer = Signature.getInstance("Ed25519");
      signer.initSign(own.getPrivate());
      signer.update(cert.canonicalBytes());
      return new SignedCertificate(cert, signer.sign());
    } catch (java.security.GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aCertificateOfAnotherMachineCopiedInIsNotLicensed() {
    Path other = dir.resolve("other-store");
    MachineFacts otherMachine = LabProfile.PROXMOX_VM.newMachine(new Random(7));
    client(other, otherMachine).init("winserver", "2022", "ServerStandard");
    client(other, otherMachine).installKey(STD_2022.display());
    client(other, otherMachine).activate();
    SignedCertificate copied =
        ((LocalStore.Read.Intact) new LocalStore(other, new SecureRandom()).load("winserver"))
            .state()
            .certificate()
            .orElseThrow();

    client().init("winserver", "2022", "ServerStandard");
    client().installKey(STD_2022.display());
    forge(
        dir.resolve("store"),
        s -> s.withRecord(licensed(s.record())).withCertificate(Optional.of(copied)));
    LicenseInfo info = client().status();
    assertThat(info.status().state()).isNotEqualTo(LicenseState.LICENSED);
    assertThat(info.status().reason()).isEqualTo(ErrorCode.OUT_OF_TOLERANCE);
  }

  @Test
  void aCertificateOfAnotherKeyIsNotLicensed() {
    ProductKey other = ProductKeyCodec.encode(2011, 5151, TAGGER);
    client().init("winserver", "2022", "ServerStandard");
    client().installKey(other.display());
    client().activate();
    SignedCertificate forOtherKey =
        ((LocalStore.Read.Intact)
                new LocalStore(dir.resolve("store"), new SecureRandom()).load("winserver"))
            .state()
            .certificate()
            .orElseThrow();
    client().installKey(STD_2022.display()); // the installed key is now another one
    forge(
        dir.resolve("store"),
        s -> s.withRecord(licensed(s.record())).withCertificate(Optional.of(forOtherKey)));
    LicenseInfo info = client().status();
    assertThat(info.status().state()).isEqualTo(LicenseState.NON_GENUINE_GRACE);
    assertThat(info.notices())
        .anySatisfy(n -> assertThat(n).contains("key ending in " + other.partial()));
  }

  @Test
  void aFakeAuthorityThatSignsAnythingCannotLicenseAClient() throws Exception {
    try (FakeAuthority fake = new FakeAuthority("k-fake")) {
      // the vendor's key is trusted: the fake's certificate is refused, naming its key
      KeywardClient vendorTrusting =
          KeywardClient.builder()
              .store(dir.resolve("store"))
              .machine(() -> machine)
              .authority(fake.uri())
              .clock(clock)
              .trust(List.of(authority.trustedKey()))
              .build();
      vendorTrusting.init("winserver", "2022", "ServerStandard");
      vendorTrusting.installKey(STD_2022.display());
      assertThatThrownBy(vendorTrusting::activate)
          .isInstanceOfSatisfying(
              KeywardException.class,
              e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.AUTHORITY_NOT_TRUSTED);
                assertThat(e.failure().message()).contains("'k-fake'").contains("--trust");
              });
      assertThat(vendorTrusting.status().status().state()).isEqualTo(LicenseState.INITIAL_GRACE);

      // nothing trusted at all (no catalog keys, no recorded trust, no opt-in): refused before
      // anything is sent, and the fake is never asked for its keys
      KeywardClient trustingNothing =
          KeywardClient.builder()
              .store(dir.resolve("store2"))
              .machine(() -> machine)
              .authority(fake.uri())
              .clock(clock)
              .build();
      trustingNothing.init("winserver", "2022", "ServerStandard");
      trustingNothing.installKey(STD_2022.display());
      assertThatThrownBy(trustingNothing::activate)
          .isInstanceOfSatisfying(
              KeywardException.class,
              e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.AUTHORITY_NOT_TRUSTED);
                assertThat(e.failure().message()).contains("init").contains("--trust FILE");
              });
      assertThat(fake.activations.get()).isEqualTo(1); // only the vendor-trusting client's
      assertThat(fake.trustRequests.get()).isZero();
      assertThat(trustingNothing.status().status().state()).isEqualTo(LicenseState.INITIAL_GRACE);
    }
  }

  @Test
  void aRemovedOrEditedRecordedTrustIsNonGenuineAndNeverReopensPinning() throws Exception {
    VendorTrust vendor = new VendorTrust(List.of(authority.trustedKey()), List.of());
    KeywardClient recorded =
        KeywardClient.builder()
            .store(dir.resolve("store"))
            .machine(() -> machine)
            .authority(authority.uri())
            .clock(clock)
            .build();
    recorded.init("winserver", "2022", "ServerStandard", vendor);
    recorded.installKey(STD_2022.display());
    assertThat(recorded.activate().info().status().state()).isEqualTo(LicenseState.LICENSED);
    assertThat(recorded.status().status().state()).isEqualTo(LicenseState.LICENSED);
    Path trustFile = dir.resolve("store").resolve(LocalStore.TRUST_FILE);

    // edited: an own key added beside the vendor's
    KeyPair own = FakeAuthority.keyPair();
    TrustedKey planted =
        new TrustedKey("k-mine", Base64.getEncoder().encodeToString(own.getPublic().getEncoded()));
    Files.writeString(trustFile, vendor.and(new VendorTrust(List.of(planted), List.of())).text());
    LicenseInfo edited = recorded.status();
    assertThat(edited.status().state()).isEqualTo(LicenseState.NON_GENUINE_GRACE);
    assertThat(edited.status().reason()).isEqualTo(ErrorCode.AUTHORITY_NOT_TRUSTED);

    // removed: not a fresh start, and the development opt-in does not pin anything again
    Files.delete(trustFile);
    try (FakeAuthority fake = new FakeAuthority("k-fake")) {
      KeywardClient optIn =
          KeywardClient.builder()
              .store(dir.resolve("store"))
              .machine(() -> machine)
              .authority(fake.uri())
              .clock(clock)
              .pinTrustOnFirstUse(true)
              .build();
      assertThat(optIn.status().status().state()).isEqualTo(LicenseState.NON_GENUINE_GRACE);
      assertThatThrownBy(optIn::activate)
          .isInstanceOfSatisfying(
              KeywardException.class,
              e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.AUTHORITY_NOT_TRUSTED);
                assertThat(e.failure().message()).contains("was removed").contains("--trust");
              });
      assertThat(fake.trustRequests.get()).isZero();
      assertThat(fake.activations.get()).isZero();
      assertThat(trustFile).doesNotExist();
    }

    // recording the vendor's trust again (the installer's step) makes it Licensed again
    recorded.init("winserver", "2022", "ServerStandard", vendor);
    assertThat(recorded.status().status().state()).isEqualTo(LicenseState.LICENSED);
  }
}
