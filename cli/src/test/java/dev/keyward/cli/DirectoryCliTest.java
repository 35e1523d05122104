package dev.keyward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.client.Slapd;
import dev.keyward.core.catalog.Channel;
import dev.keyward.core.cert.ActivationCertificate;
import dev.keyward.core.cert.SignedCertificate;
import dev.keyward.core.directory.ActivationObject;
import dev.keyward.core.directory.ActivationObjectEntry;
import dev.keyward.core.directory.DirectorySchema;
import dev.keyward.core.hardware.Cmid;
import dev.keyward.core.hardware.HardwareIdentity;
import dev.keyward.core.time.MutableClock;
import dev.keyward.machines.LabProfile;
import dev.keyward.volumehost.VolumeHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Directory-based activation through the keyward command against real processes on loopback: a real
 * OpenLDAP slapd with Keyward's schema, the authority, and a volume host for the fall back. One
 * clock for all of them, which the test moves forward (never a sleep).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirectoryCliTest {
  private static final String GVLK_2022 = "K8DYQ-F3DK7-2FDRB-XQDFJ-DKKCC";
  @TempDir static Path dir;

  /** One clock for the authority, the hosts and the machines: the test skips a week on it. */
  private final MutableClock clock = new MutableClock(Instant.now());

  private Site site;
  private Slapd slapd;
  private Path passwordFile;

  @BeforeAll
  void start() throws Exception {
    slapd = Slapd.start(Files.createDirectories(dir.resolve("slapd")));
    site = new Site(dir, 2031, clock);
    passwordFile = dir.resolve("bind-password");
    Files.writeString(passwordFile, Slapd.ROOT_PASSWORD + "\n");
  }

  @AfterAll
  void stop() {
    site.close();
    slapd.close();
  }

  /** A base of the test's own under the server's suffix. */
  private String base(String name) throws Exception {
    String base = "ou=" + name + "," + Slapd.BASE;
    slapd.add(
        base, Map.of("objectClass", List.of("top", "organizationalUnit"), "ou", List.of(name)));
    return base;
  }

  private List<String> global() {
    return List.of(
        "--authority", site.authority.uri().toString(), "--trust", site.trustFile().toString());
  }

  private CliRunner.Result admin(String base, String... args) {
    List<String> all = new ArrayList<>(global());
    all.addAll(List.of("--store", dir.resolve("admin-store").toString(), "--json", "directory"));
    all.add(args[0]);
    all.addAll(
        List.of(
            "--ldap",
            slapd.url(),
            "--bind-dn",
            Slapd.ROOT_DN,
            "--password-file",
            passwordFile.toString(),
            "--base",
            base));
    all.addAll(List.of(args).subList(1, args.length));
    CliRunner.Result r = site.cli.run(all.toArray(String[]::new));
    assertThat(r.out() + r.err()).as("no stack trace").doesNotContain("\tat ");
    return r;
  }

  private SiteMachine joinedClient(String base) throws Exception {
    SiteMachine c = site.machine(LabProfile.HYPERV_VM);
    c.ok("init", "--product", "winserver", "--version", "2022", "--edition", "ServerStandard");
    c.ok("slmgr", "/ipk", GVLK_2022);
    c.ok("directory", "join", slapd.url() + "/" + base);
    return c;
  }

  @Test
  void publishThenAJoinedClientActivatesWithoutAHostThenRenewsFromAHostAfterTheRemoval()
      throws Exception {
    String base = base("story");
    CliRunner.Result published =
        admin(base, "publish", "--name", "Contoso forest", site.issueHostKey("2022"));
    assertThat(published.exit()).as(published.toString()).isZero();
    assertThat(published.out())
        .contains("Contoso forest")
        .contains(DirectorySchema.containerDn(base));

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> objects =
        (List<Map<String, Object>>) site.cli.run(listArgs(base)).json().get("objects");
    assertThat(objects).hasSize(1);
    assertThat(objects.get(0).get("name")).isEqualTo("Contoso forest");
    assertThat(objects.get(0).get("family")).isEqualTo("server");
    assertThat(objects.get(0).get("publishedAt")).isNotNull();
    assertThat(objects.get(0).get("problem")).isNull();
    String dn = (String) objects.get(0).get("dn");

    SiteMachine c = joinedClient(base);
    assertThat(c.ok("slmgr", "/ato").out()).contains("Product activated successfully");
    assertThat(c.status()).isEqualTo("Licensed");
    assertThat(c.ok("slmgr", "/dlv").out())
        .contains("Directory activation")
        .contains("Activation object name: Contoso forest")
        .contains("Activation object DN: " + dn);
    @SuppressWarnings("unchecked")
    Map<String, Object> d = (Map<String, Object>) c.volumeClient().get("directoryActivation");
    assertThat(d.get("objectDn")).isEqualTo(dn);
    assertThat(c.ok("events", "--id", "12295").out()).contains("12295").contains(dn);

    assertThat(admin(base, "remove", "Contoso forest").exit()).isZero();
    assertThat(site.cli.run(listArgs(base)).json().get("objects")).asList().isEmpty();
    VolumeHost host = volumeHost();
    c.ok("slmgr", "/skms", "127.0.0.1:" + host.url().getPort());
    clock.advance(Duration.ofDays(7));
    assertThat(c.volumeClient().get("renewalDue")).isEqualTo(true);
    c.ok("slmgr", "/ato");
    assertThat(c.status()).isEqualTo("Licensed");
    assertThat(c.volumeClient().get("hostId")).isNotNull();
    assertThat(c.volumeClient().get("cachedHost")).isNull();
    assertThat(c.volumeClient().get("registeredHost"))
        .isEqualTo("127.0.0.1:" + host.url().getPort());
    assertThat(c.ok("events", "--id", "12296").out()).contains("0xC0DE0034");
  }

  @Test
  void aForgedObjectIsRefusedAndAMalformedOneNamed() throws Exception {
    String base = base("forged");
    CliRunner.Result r = admin(base, "publish", site.issueHostKey("2022"));
    assertThat(r.exit()).as(r.toString()).isZero();
    List<?> objects = (List<?>) site.cli.run(listArgs(base)).json().get("objects");
    String realDn = (String) ((Map<?, ?>) objects.get(0)).get("dn");
    assertThat(admin(base, "remove", realDn).exit()).isZero();
    slapd.add(forgedDn(base), forgedObject());
    SiteMachine c = joinedClient(base);
    CliRunner.Result refused = c.run("--json", "slmgr", "/ato");
    assertThat(refused.exit()).isEqualTo(KeywardCli.REFUSED);
    assertThat(refused.errorCode()).contains("0xC0DE0033");
    assertThat(c.status()).isEqualTo("InitialGrace");
    assertThat(site.cli.run(listArgs(base)).out()).contains("0xC0DE0033");

    String malformed = "CN=garbage," + DirectorySchema.containerDn(base);
    Map<String, List<String>> attrs = new java.util.LinkedHashMap<>(forgedObject());
    attrs.put("cn", List.of("garbage"));
    attrs.put(DirectorySchema.HOST_CERTIFICATE, List.of("{\"certificate\": 42}"));
    slapd.add(malformed, attrs);
    CliRunner.Result list = site.cli.run(listArgs(base));
    assertThat(list.out()).contains("0xC0DE0032").contains("cn=garbage");
  }

  @Test
  void aHostKeyUsedSixTimesCannotPublishASeventhObject() throws Exception {
    String base = base("six");
    String key = site.issueHostKey("2022");
    for (int i = 1; i <= 6; i++) {
      CliRunner.Result r = admin(base, "publish", "--name", "forest " + i, key);
      assertThat(r.exit()).as(r.toString()).isZero();
    }
    CliRunner.Result seventh = admin(base, "publish", "--name", "forest 7", key);
    assertThat(seventh.exit()).as(seventh.toString()).isNotZero();
    assertThat(seventh.errorCode()).contains("0xC004C008");
    assertThat(site.cli.run(listArgs(base)).json().get("objects")).asList().hasSize(6);
  }

  @Test
  void aWrongPasswordIsRefusedBeforeAnActivationIsSpent() throws Exception {
    String base = base("password");
    Path wrong = dir.resolve("wrong-password");
    Files.writeString(wrong, "nope\n");
    List<String> args = new ArrayList<>(global());
    args.addAll(
        List.of(
            "--json",
            "directory",
            "publish",
            "--ldap",
            slapd.url(),
            "--bind-dn",
            Slapd.ROOT_DN,
            "--password-file",
            wrong.toString(),
            "--base",
            base,
            site.issueHostKey("2022")));
    CliRunner.Result r = site.cli.run(args.toArray(String[]::new));
    assertThat(r.exit()).isEqualTo(KeywardCli.REFUSED);
    assertThat(r.errorCode()).contains("0xC0DE0031");
    CliRunner.Result down =
        site.cli.run("--json", "directory", "list", "--ldap", "ldap://127.0.0.1:1", "--base", base);
    assertThat(down.errorCode()).contains("0xC0DE0030");
  }

  @Test
  void joinRefusesAnAddressWithoutABaseAndLeaveSaysWhatItLeft() throws Exception {
    SiteMachine m = site.machine(LabProfile.HYPERV_VM);
    CliRunner.Result noBase = m.run("--json", "directory", "join", slapd.url());
    assertThat(noBase.exit()).isEqualTo(KeywardCli.USAGE);
    assertThat(noBase.errorCode()).contains("0xC0DE000B");
    assertThat(m.ok("directory", "leave").out()).contains("joined no directory");
    m.ok("directory", "join", slapd.url() + "/ou=Site%20A," + Slapd.BASE);
    assertThat(m.ok("--json", "directory", "leave").json().get("left"))
        .isEqualTo(slapd.url() + "/ou=Site A," + Slapd.BASE);
    assertThat(Files.exists(m.store.resolve("directory.json"))).isFalse();
  }

  private String[] listArgs(String base) {
    List<String> all = new ArrayList<>(global());
    all.addAll(List.of("--json", "directory", "list", "--ldap", slapd.url(), "--base", base));
    return all.toArray(String[]::new);
  }

  private static String forgedDn(String base) {
    return DirectorySchema.objectDn(forged.id().orElseThrow(), base);
  }

  private static final ActivationObject forged = forge();

  private static Map<String, List<String>> forgedObject() {
    return ActivationObjectEntry.attributes(forged);
  }

  /** An object whose certificate is signed by a key the authority never had. */
  private static ActivationObject forge() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
      KeyPair rogue = g.generateKeyPair();
      KeyPair objectKey = g.generateKeyPair();
      ActivationCertificate c =
          new ActivationCertificate(
              "cert-forged",
              "key-forged",
              "FORGE",
              "winserver",
              "2022",
              "ServerStandard",
              Channel.VOLUME_KMS_HOST,
              HardwareIdentity.of(LabProfile.VMWARE_VM.newMachine(new Random(5)), "winserver"),
              Cmid.random(new SecureRandom()).format(),
              Instant.now(),
              Optional.empty(),
              "k1",
              Optional.of(Base64.getEncoder().encodeToString(objectKey.getPublic().getEncoded())));
      Signature s = Signature.getInstance("Ed25519");
      s.initSign(rogue.getPrivate());
      s.update(c.canonicalBytes());
      return ActivationObject.sign(
          "Forged forest",
          "winserver",
          "2022",
          "server",
          1,
          new SignedCertificate(c, s.sign()),
          Instant.now(),
          objectKey.getPrivate());
    } catch (java.security.GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  /** A volume host activated against the authority, with five other machines counted. */
  private VolumeHost volumeHost() throws Exception {
    VolumeHost host = site.volumeHost("2022");
    site.warmUp(host);
    return host;
  }
}
