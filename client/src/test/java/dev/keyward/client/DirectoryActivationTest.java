package dev.keyward.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import dev.keyward.core.catalog.CatalogLoader;
import dev.keyward.core.catalog.Channel;
import dev.keyward.core.cert.ActivationCertificate;
import dev.keyward.core.cert.SignedCertificate;
import dev.keyward.core.directory.ActivationObject;
import dev.keyward.core.directory.ActivationObjectEntry;
import dev.keyward.core.directory.DirectorySchema;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.hardware.HardwareIdentity;
import dev.keyward.core.hardware.MachineFacts;
import dev.keyward.core.license.LicenseState;
import dev.keyward.core.time.MutableClock;
import dev.keyward.machines.LabProfile;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A joined volume client against UnboundID's in-memory directory server (no schema, so that
 * malformed entries can be written): activation from an object without a volume host, the fall back
 * to a volume host after the object is removed, forged and malformed objects refused.
 */
class DirectoryActivationTest {
  private static final String GVLK_2022_STANDARD = "K8DYQ-F3DK7-2FDRB-XQDFJ-DKKCC";
  private static final String BASE = "dc=example,dc=test";
  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  private final MachineFacts machine = LabProfile.VMWARE_VM.newMachine(new Random(1));
  private final KeyPair authority = SigningVolumeHost.keyPair();
  private InMemoryDirectoryServer ldap;
  private SigningVolumeHost host;

  @BeforeEach
  void startDirectory() throws LDAPException {
    InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
    config.setSchema(null);
    config.setListenerConfigs(
        InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0, null));
    ldap = new InMemoryDirectoryServer(config);
    ldap.startListening();
    ldap.add(new Entry(BASE, new Attribute("objectClass", "top", "domain")));
    for (String dn : DirectorySchema.containerDns(BASE)) {
      ldap.add(
          new Entry(
              dn,
              new Attribute("objectClass", "top", DirectorySchema.CONTAINER_CLASS),
              new Attribute("cn", dn.substring(3, dn.indexOf(',')))));
    }
  }

  @AfterEach
  void stop() {
    ldap.shutDown(true);
    if (host != null) {
      host.close();
    }
  }

  private KeywardClient client() {
    return KeywardClient.builder()
        .store(dir.resolve("store"))
        .machine(() -> machine)
        .clock(clock)
        .trust(List.of(SigningVolumeHost.trusted(authority)))
        .catalog(CatalogLoader.winserver())
        .build();
  }

  private KeywardClient joinedClient() {
    KeywardClient c = client();
    c.init("winserver", "2022", "ServerStandard");
    c.installKey(GVLK_2022_STANDARD);
    new DirectoryMembership(c.store(), clock)
        .join("ldap://127.0.0.1:" + ldap.getListenPort() + "/" + BASE);
    return c;
  }

  private String publish(KeyPair signer, String name) throws LDAPException {
    KeyPair objectKey = SigningVolumeHost.keyPair();
    ActivationCertificate c =
        new ActivationCertificate(
            "cert-" + name,
            "key-host",
            "HOST5",
            "winserver",
            "2022",
            "ServerStandard",
            Channel.VOLUME_KMS_HOST,
            HardwareIdentity.of(LabProfile.VMWARE_VM.newMachine(new Random(9)), "winserver"),
            "0f1c1f7e-5a2b-4c6d-8e9f-0a1b2c3d4e5f",
            clock.instant(),
            Optional.empty(),
            "k1",
            Optional.of(Base64.getEncoder().encodeToString(objectKey.getPublic().getEncoded())));
    ActivationObject o =
        ActivationObject.sign(
            name,
            "winserver",
            "2022",
            "server",
            7,
            sign(signer, c),
            clock.instant(),
            objectKey.getPrivate());
    String dn = DirectorySchema.objectDn(o.id().orElseThrow(), BASE);
    add(dn, ActivationObjectEntry.attributes(o));
    return dn;
  }

  private void add(String dn, Map<String, List<String>> attributes) throws LDAPException {
    List<Attribute> list = new ArrayList<>();
    attributes.forEach((k, v) -> list.add(new Attribute(k, v)));
    ldap.add(new Entry(dn, list));
  }

  private static SignedCertificate sign(KeyPair key, ActivationCertificate c) {
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initSign(key.getPrivate());
      s.update(c.canonicalBytes());
      return new SignedCertificate(c, s.sign());
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  private static ErrorCode codeOf(Runnable r) {
    try {
      r.run();
    } catch (KeywardException e) {
      return e.code();
    }
    throw new AssertionError("expected a refusal");
  }

  @Test
  void aJoinedClientActivatesFromTheObjectThenFallsBackToAHostAfterItIsRemoved() throws Exception {
    String dn = publish(authority, "Contoso forest");
    KeywardClient c = joinedClient();
    LicenseInfo info = c.activate().info();
    assertThat(info.status().state()).isEqualTo(LicenseState.LICENSED);
    DirectoryActivationInfo d = info.volumeClient().orElseThrow().directory().orElseThrow();
    assertThat(d.objectName()).contains("Contoso forest");
    assertThat(d.objectDn()).contains(dn);
    assertThat(d.activationExpires()).contains(clock.instant().plus(Duration.ofDays(180)));
    assertThat(c.status().volumeClient().orElseThrow().hostId()).isEmpty();

    clock.advance(Duration.ofDays(6));
    assertThat(c.renewIfDue()).isEmpty();
    ldap.delete(dn);
    host = new SigningVolumeHost(authority, "2022", 1, clock);
    c.volumeSettings().setHost("127.0.0.1:" + host.port());
    clock.advance(Duration.ofDays(1));
    LicenseInfo renewed = c.renewIfDue().orElseThrow().info();
    assertThat(renewed.status().state()).isEqualTo(LicenseState.LICENSED);
    assertThat(renewed.volumeClient().orElseThrow().hostId()).contains(host.hostId());
    assertThat(renewed.volumeClient().orElseThrow().directory().orElseThrow().lastResult())
        .contains(ErrorCode.NO_ACTIVATION_OBJECT.hex());
  }

  @Test
  void withoutAHostTheObjectKeepsTheMachineLicensedUntilItsDaysEndThenGrace() throws Exception {
    String dn = publish(authority, "Forest");
    KeywardClient c = joinedClient();
    c.activate();
    ldap.delete(dn);
    clock.advance(Duration.ofDays(7));
    assertThat(codeOf(() -> c.renewIfDue())).isEqualTo(ErrorCode.DNS_NAME_DOES_NOT_EXIST);
    assertThat(c.status().status().state()).isEqualTo(LicenseState.LICENSED);
    clock.advance(Duration.ofDays(174));
    assertThat(c.status().status().state()).isEqualTo(LicenseState.ADDITIONAL_GRACE);
  }

  @Test
  void aMachineThatLeftAsksVolumeHostsAtItsNextCheck() throws Exception {
    publish(authority, "Forest");
    KeywardClient c = joinedClient();
    c.activate();
    assertThat(new DirectoryMembership(c.store(), clock).leave()).isPresent();
    host = new SigningVolumeHost(authority, "2022", 1, clock);
    c.volumeSettings().setHost("127.0.0.1:" + host.port());
    clock.advance(Duration.ofDays(7));
    LicenseInfo renewed = c.renewIfDue().orElseThrow().info();
    assertThat(renewed.volumeClient().orElseThrow().hostId()).contains(host.hostId());
  }

  @Test
  void aForgedObjectIsRefusedAndNothingIsStored() throws Exception {
    publish(SigningVolumeHost.keyPair(), "Forged");
    KeywardClient c = joinedClient();
    assertThat(codeOf(c::activate)).isEqualTo(ErrorCode.ACTIVATION_OBJECT_UNTRUSTED);
    assertThat(c.status().status().state()).isEqualTo(LicenseState.INITIAL_GRACE);
  }

  @Test
  void malformedEntriesAreRefusedWithTheirCodeAndAGoodOneBesideThemStillActivates()
      throws Exception {
    add(
        DirectorySchema.objectDn("bad1", BASE),
        Map.of(
            "objectClass",
            List.of("top", DirectorySchema.OBJECT_CLASS),
            "cn",
            List.of("bad1"),
            DirectorySchema.KEY_GROUP,
            List.of("not a number"),
            DirectorySchema.PUBLISHED_AT,
            List.of("20260301100000Z")));
    KeywardClient c = joinedClient();
    assertThat(codeOf(c::activate)).isEqualTo(ErrorCode.ACTIVATION_OBJECT_MALFORMED);
    assertThat(c.status().status().state()).isEqualTo(LicenseState.INITIAL_GRACE);
    publish(authority, "Good");
    assertThat(c.activate().info().status().state()).isEqualTo(LicenseState.LICENSED);
  }

  @Test
  void anUnreachableDirectoryFallsBackToTheVolumeHost() throws Exception {
    KeywardClient c = joinedClient();
    ldap.shutDown(true);
    host = new SigningVolumeHost(authority, "2022", 1, clock);
    c.volumeSettings().setHost("127.0.0.1:" + host.port());
    assertThat(c.activate().info().status().state()).isEqualTo(LicenseState.LICENSED);
  }

  @Test
  void anObjectCopiedIntoTheStoreWithoutBeingFoundProvesNothing() throws Exception {
    publish(authority, "Forest");
    KeywardClient c = joinedClient();
    c.activate();
    Path file = c.store().root().resolve("winserver").resolve(DirectoryActivationFile.FILE);
    String text = java.nio.file.Files.readString(file);
    java.nio.file.Files.writeString(
        file, text.replace("2026-03-01T10:00:00Z", "2026-09-01T10:00:00Z"));
    assertThat(c.status().status().state()).isNotEqualTo(LicenseState.LICENSED);
  }
}
