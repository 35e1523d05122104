package dev.keyward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.authority.AuthorityConfig;
import dev.keyward.authority.AuthorityServer;
import dev.keyward.client.KeywardClient;
import dev.keyward.client.Slapd;
import dev.keyward.core.catalog.CatalogLoader;
import dev.keyward.core.catalog.Channel;
import dev.keyward.core.cert.ActivationCertificate;
import dev.keyward.core.cert.SignedCertificate;
import dev.keyward.core.directory.ActivationObject;
import dev.keyward.core.directory.ActivationObjectEntry;
import dev.keyward.core.directory.DirectorySchema;
import dev.keyward.core.hardware.Cmid;
import dev.keyward.core.hardware.HardwareIdentity;
import dev.keyward.core.hardware.MachineFacts;
import dev.keyward.core.hardware.MachineFile;
import dev.keyward.core.json.Json;
import dev.keyward.core.volume.VolumeRequest;
import dev.keyward.machines.LabProfile;
import dev.keyward.volumehost.VolumeHost;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
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
  private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
  private final AtomicInteger machines = new AtomicInteger();
  private final Random random = new Random(2031);
  private final List<AutoCloseable> running = new ArrayList<>();
  private AuthorityServer authority;
  private Slapd slapd;
  private CliRunner cli;
  private Clock clock;
  private Path passwordFile;

  private final class MovableClock extends Clock {
    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.now().plus(offset.get());
    }
  }

  @BeforeAll
  void start() throws Exception {
    clock = new MovableClock();
    slapd = Slapd.start(Files.createDirectories(dir.resolve("slapd")));
    authority =
        AuthorityServer.start(
            AuthorityConfig.builder()
                .dataDir(dir.resolve("authority-data"))
                .port(0)
                .bind("127.0.0.1")
                .jdbcUrl(Optional.empty())
                .catalog("builtin:winserver")
                .allowSimulatedMachines(true)
                .noRateLimits()
                .clock(clock)
                .build());
    cli = new CliRunner(dir, Map.of(), clock);
    passwordFile = dir.resolve("bind-password");
    Files.writeString(passwordFile, Slapd.ROOT_PASSWORD + "\n");
  }

  @AfterAll
  void stop() {
    for (AutoCloseable c : running) {
      try {
        c.close();
      } catch (Exception e) {
        // already stopped
      }
    }
    authority.close();
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
        "--authority",
        authority.uri().toString(),
        "--trust",
        authority.dataDir().resolve("trust.json").toString());
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
    CliRunner.Result r = cli.run(all.toArray(String[]::new));
    assertThat(r.out() + r.err()).as("no stack trace").doesNotContain("\tat ");
    return r;
  }

  private String issueHostKey() {
    CliRunner.Result r =
        cli.run(
            "admin",
            "--authority",
            authority.uri().toString(),
            "--token",
            authority.adminToken(),
            "keys",
            "issue",
            "--version",
            "2022",
            "--channel",
            Channel.VOLUME_KMS_HOST.name());
    assertThat(r.exit()).as(r.toString()).isZero();
    return r.out().strip();
  }

  /** A machine with its own machine file and store. */
  private final class Machine {
    final Path file;
    final Path store;
    final MachineFacts facts;

    Machine() throws Exception {
      int n = machines.incrementAndGet();
      file = dir.resolve("dmachine-" + n + ".yaml");
      store = dir.resolve("dstore-" + n);
      facts = LabProfile.HYPERV_VM.newMachine(random);
      Files.writeString(file, new MachineFile(facts, Optional.empty(), Optional.empty()).write());
    }

    CliRunner.Result run(String... args) {
      List<String> all = new ArrayList<>(global());
      all.addAll(List.of("--store", store.toString(), "--machine", file.toString()));
      all.addAll(List.of(args));
      CliRunner.Result r = cli.run(all.toArray(String[]::new));
      assertThat(r.out() + r.err()).as("no stack trace").doesNotContain("\tat ");
      return r;
    }

    CliRunner.Result ok(String... args) {
      CliRunner.Result r = run(args);
      assertThat(r.exit()).as(r.toString()).isZero();
      return r;
    }

    String status() {
      return (String) run("--json", "slmgr", "/dli").json().get("licenseStatus");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> volumeClient() {
      return (Map<String, Object>) run("--json", "slmgr", "/dlv").json().get("volumeClient");
    }
  }

  private Machine joinedClient(String base) throws Exception {
    Machine c = new Machine();
    c.ok("init", "--product", "winserver", "--version", "2022", "--edition", "ServerStandard");
    c.ok("slmgr", "/ipk", GVLK_2022);
    c.ok("directory", "join", slapd.url() + "/" + base);
    return c;
  }

  @Test
  void publishThenAJoinedClientActivatesWithoutAHostThenRenewsFromAHostAfterTheRemoval()
      throws Exception {
    String base = base("story");
    CliRunner.Result published = admin(base, "publish", "--name", "Contoso forest", issueHostKey());
    assertThat(published.exit()).as(published.toString()).isZero();
    assertThat(published.out())
        .contains("Contoso forest")
        .contains(DirectorySchema.containerDn(base));

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> objects =
        (List<Map<String, Object>>) cli.run(listArgs(base)).json().get("objects");
    assertThat(objects).hasSize(1);
    assertThat(objects.get(0).get("name")).isEqualTo("Contoso forest");
    assertThat(objects.get(0).get("family")).isEqualTo("server");
    assertThat(objects.get(0).get("publishedAt")).isNotNull();
    assertThat(objects.get(0).get("problem")).isNull();
    String dn = (String) objects.get(0).get("dn");

    Machine c = joinedClient(base);
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
    assertThat(cli.run(listArgs(base)).json().get("objects")).asList().isEmpty();
    VolumeHost host = volumeHost();
    c.ok("slmgr", "/skms", "127.0.0.1:" + host.url().getPort());
    offset.set(offset.get().plus(Duration.ofDays(7)));
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
    CliRunner.Result r = admin(base, "publish", issueHostKey());
    assertThat(r.exit()).as(r.toString()).isZero();
    List<?> objects = (List<?>) cli.run(listArgs(base)).json().get("objects");
    String realDn = (String) ((Map<?, ?>) objects.get(0)).get("dn");
    assertThat(admin(base, "remove", realDn).exit()).isZero();
    slapd.add(forgedDn(base), forgedObject());
    Machine c = joinedClient(base);
    CliRunner.Result refused = c.run("--json", "slmgr", "/ato");
    assertThat(refused.exit()).isEqualTo(KeywardCli.REFUSED);
    assertThat(refused.errorCode()).contains("0xC0DE0033");
    assertThat(c.status()).isEqualTo("InitialGrace");
    assertThat(cli.run(listArgs(base)).out()).contains("0xC0DE0033");

    String malformed = "CN=garbage," + DirectorySchema.containerDn(base);
    Map<String, List<String>> attrs = new java.util.LinkedHashMap<>(forgedObject());
    attrs.put("cn", List.of("garbage"));
    attrs.put(DirectorySchema.HOST_CERTIFICATE, List.of("{\"certificate\": 42}"));
    slapd.add(malformed, attrs);
    CliRunner.Result list = cli.run(listArgs(base));
    assertThat(list.out()).contains("0xC0DE0032").contains("cn=garbage");
  }

  @Test
  void aHostKeyUsedSixTimesCannotPublishASeventhObject() throws Exception {
    String base = base("six");
    String key = issueHostKey();
    for (int i = 1; i <= 6; i++) {
      CliRunner.Result r = admin(base, "publish", "--name", "forest " + i, key);
      assertThat(r.exit()).as(r.toString()).isZero();
    }
    CliRunner.Result seventh = admin(base, "publish", "--name", "forest 7", key);
    assertThat(seventh.exit()).as(seventh.toString()).isNotZero();
    assertThat(seventh.errorCode()).contains("0xC004C008");
    assertThat(cli.run(listArgs(base)).json().get("objects")).asList().hasSize(6);
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
            issueHostKey()));
    CliRunner.Result r = cli.run(args.toArray(String[]::new));
    assertThat(r.exit()).isEqualTo(KeywardCli.REFUSED);
    assertThat(r.errorCode()).contains("0xC0DE0031");
    CliRunner.Result down =
        cli.run("--json", "directory", "list", "--ldap", "ldap://127.0.0.1:1", "--base", base);
    assertThat(down.errorCode()).contains("0xC0DE0030");
  }

  @Test
  void joinRefusesAnAddressWithoutABaseAndLeaveSaysWhatItLeft() throws Exception {
    Machine m = new Machine();
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
    Machine m = new Machine();
    m.ok("init", "--product", "winserver", "--version", "2022", "--edition", "ServerStandard");
    m.ok("slmgr", "/ipk", issueHostKey());
    m.ok("slmgr", "/ato");
    KeywardClient client =
        KeywardClient.builder()
            .store(m.store)
            .machine(() -> m.facts)
            .authority(authority.uri())
            .trust(authority.trustedKeys())
            .clock(clock)
            .build();
    VolumeHost host =
        VolumeHost.start(new VolumeHost.Config(client, "127.0.0.1", 0, Optional.empty(), clock));
    running.add(host);
    HttpClient http = HttpClient.newHttpClient();
    int group =
        CatalogLoader.winserver()
            .product("winserver")
            .orElseThrow()
            .keyGroup("2022", "ServerStandard", Channel.VOLUME_KMSCLIENT)
            .orElseThrow()
            .number();
    for (int i = 0; i < 5; i++) {
      VolumeRequest r =
          new VolumeRequest(
              "winserver",
              "2022",
              "ServerStandard",
              group,
              Cmid.random(new SecureRandom()).format(),
              clock.instant(),
              Optional.empty());
      HttpResponse<String> answer =
          http.send(
              HttpRequest.newBuilder(URI.create(host.url() + "/v1/volume/activate"))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(Json.write(r.toJson())))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).isIn(200, 409);
    }
    return host;
  }
}
