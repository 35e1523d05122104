package dev.keyward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.keyward.authority.AuthorityServer;
import dev.keyward.core.catalog.Channel;
import dev.keyward.core.cert.ActivationCertificate;
import dev.keyward.core.cert.SignedCertificate;
import dev.keyward.core.hardware.Component;
import dev.keyward.core.hardware.ComponentHash;
import dev.keyward.core.hardware.HardwareIdentity;
import dev.keyward.core.hardware.MachineFile;
import dev.keyward.core.json.Json;
import dev.keyward.core.key.KeyDecoding;
import dev.keyward.core.key.ProductKeyCodec;
import dev.keyward.machines.LabProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trust as an administrator meets it (issue 9 item 2, issue 11 items 3 and 5): the README's
 * walk-through on the machine that runs the authority, a fake authority that signs anything, and
 * status reads that never write and refuse a bad machine file as {@code /ato} does.
 */
class TrustCliTest {
  @TempDir Path dir;
  private AuthorityServer authority;
  private Path work;
  private CliRunner cli;

  @BeforeEach
  void start() throws IOException {
    work = Files.createDirectories(dir.resolve("work"));
    authority = Site.startAuthority(work.resolve("keyward-data"), Clock.systemUTC());
    // what keyward authority serve writes beside its trust.json
    Files.writeString(authority.dataDir().resolve("authority.url"), authority.uri() + "\n");
    cli = new CliRunner(work, Map.of(), Clock.systemUTC());
    Files.writeString(
        work.resolve("machine.yaml"),
        MachineFile.write(LabProfile.VMWARE_VM.newMachine(new Random(3)), Optional.empty()));
    Files.writeString(
        work.resolve("other.yaml"),
        MachineFile.write(LabProfile.PROXMOX_VM.newMachine(new Random(4)), Optional.empty()));
  }

  @AfterEach
  void stop() {
    authority.close();
  }

  private CliRunner.Result run(String... args) {
    List<String> all = new ArrayList<>(List.of("--store", "store", "--machine", "machine.yaml"));
    all.addAll(List.of(args));
    CliRunner.Result r = cli.run(all.toArray(String[]::new));
    assertThat(r.out() + r.err()).as("no stack trace").doesNotContain("\tat ");
    return r;
  }

  private String issue() {
    CliRunner.Result r =
        cli.run(
            "admin",
            "--data",
            "keyward-data",
            "keys",
            "issue",
            "--version",
            "2022",
            "--edition",
            "ServerStandard",
            "--channel",
            "RETAIL");
    assertThat(r.exit()).as(r.toString()).isZero();
    return r.out().strip();
  }

  private void activated() {
    String key = issue();
    assertThat(
            run(
                    "init",
                    "--product",
                    "winserver",
                    "--version",
                    "2022",
                    "--edition",
                    "ServerStandard")
                .exit())
        .isZero();
    assertThat(run("slmgr", "/ipk", key).exit()).isZero();
    CliRunner.Result ato = run("slmgr", "/ato");
    assertThat(ato.exit()).as(ato.toString()).isZero();
  }

  @Test
  void theReadmeWalkThroughTrustsTheLocalAuthorityAndRecordsItAtInit() {
    String key = issue();
    CliRunner.Result init =
        run("init", "--product", "winserver", "--version", "2022", "--edition", "ServerStandard");
    assertThat(init.exit()).as(init.toString()).isZero();
    assertThat(init.out() + init.err()).contains("Recorded the vendor trust");
    assertThat(run("slmgr", "/ipk", key).exit()).isZero();
    CliRunner.Result ato = run("slmgr", "/ato");
    assertThat(ato.exit()).as(ato.toString()).isZero();
    assertThat(run("slmgr", "/dli").out()).contains("License Status: Licensed");

    // elsewhere, with no keyward-data beside it: the trust recorded at init still proves it
    CliRunner away = new CliRunner(dir, Map.of(), Clock.systemUTC());
    CliRunner.Result dli =
        away.run(
            "--json",
            "--store",
            work.resolve("store").toString(),
            "--machine",
            work.resolve("machine.yaml").toString(),
            "slmgr",
            "/dli");
    assertThat(dli.json()).containsEntry("licenseStatus", "Licensed");
  }

  @Test
  void changingAStoreSettingKeepsTheRecordedTrust() {
    activated();
    CliRunner away = new CliRunner(dir, Map.of(), Clock.systemUTC());
    String store = work.resolve("store").toString();
    String machine = work.resolve("machine.yaml").toString();
    // a settings verb rewrites the state: the trust recorded at init must survive it
    CliRunner.Result skms =
        away.run("--store", store, "--machine", machine, "slmgr", "/skms", "kms1.contoso.lan");
    assertThat(skms.exit()).as(skms.toString()).isZero();
    CliRunner.Result dli =
        away.run("--json", "--store", store, "--machine", machine, "slmgr", "/dli");
    assertThat(dli.json()).as(dli.toString()).containsEntry("licenseStatus", "Licensed");
  }

  @Test
  void aFakeAuthorityThatSignsAnythingCannotLicenseTheMachine() throws Exception {
    String key = issue();
    run("init", "--product", "winserver", "--version", "2022", "--edition", "ServerStandard");
    run("slmgr", "/ipk", key);
    try (FakeSigner fake = new FakeSigner()) {
      CliRunner.Result text = run("--authority", fake.uri(), "slmgr", "/ato");
      assertThat(text.exit()).isEqualTo(KeywardCli.REFUSED);
      assertThat(text.err())
          .contains("0xC0DE0020 KW_E_AUTHORITY_NOT_TRUSTED")
          .contains("'k-fake'")
          .contains("--trust FILE")
          .doesNotContain("0xC0DE0003");
      CliRunner.Result json = run("--json", "--authority", fake.uri(), "slmgr", "/ato");
      assertThat(json.errorCode()).contains("0xC0DE0020");
    }
    assertThat(run("--json", "slmgr", "/dli").json())
        .containsEntry("licenseStatus", "InitialGrace");
  }

  @Test
  void aStoreWithoutTrustRefusesActivationNamingInitTrust() throws IOException {
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    Files.copy(work.resolve("machine.yaml"), elsewhere.resolve("machine.yaml"));
    CliRunner remote = new CliRunner(elsewhere, Map.of(), Clock.systemUTC());
    String key = issue();
    String[] g = {
      "--store", "store", "--machine", "machine.yaml", "--authority", authority.uri().toString()
    };
    assertThat(
            remote
                .run(
                    concat(
                        g,
                        "init",
                        "--product",
                        "winserver",
                        "--version",
                        "2022",
                        "--edition",
                        "ServerStandard"))
                .exit())
        .isZero();
    assertThat(remote.run(concat(g, "slmgr", "/ipk", key)).exit()).isZero();
    CliRunner.Result ato = remote.run(concat(g, "--json", "slmgr", "/ato"));
    assertThat(ato.errorCode()).contains("0xC0DE0020");
    assertThat((String) ato.error().get("message")).contains("init").contains("--trust FILE");
    assertThat((String) ato.error().get("remedy")).contains("--trust FILE");

    // the development opt-in pins the authority's keys, and says what it did
    CliRunner.Result dev = remote.run(concat(g, "--trust-on-first-use", "slmgr", "/ato"));
    assertThat(dev.exit()).as(dev.toString()).isZero();
    assertThat(dev.out() + dev.err()).contains("Development trust on first use");
    // the vendor's trust file given at init by hand works the same for a fresh store
    String[] h = {
      "--store", "store2", "--machine", "machine.yaml", "--authority", authority.uri().toString()
    };
    assertThat(
            remote
                .run(
                    concat(
                        h,
                        "init",
                        "--product",
                        "winserver",
                        "--version",
                        "2022",
                        "--edition",
                        "ServerStandard",
                        "--trust",
                        authority.dataDir().resolve("trust.json").toString()))
                .exit())
        .isZero();
    assertThat(remote.run(concat(h, "slmgr", "/ipk", issue())).exit()).isZero();
    assertThat(remote.run(concat(h, "slmgr", "/ato")).exit()).isZero();
    // and a trust file that is not one is refused with what is wrong
    Files.writeString(elsewhere.resolve("garbage.json"), "{not json");
    CliRunner.Result bad =
        remote.run(
            concat(
                h,
                "--json",
                "init",
                "--product",
                "winserver",
                "--version",
                "2022",
                "--edition",
                "ServerStandard",
                "--trust",
                "garbage.json"));
    assertThat(bad.errorCode()).contains("0xC0DE0009");
  }

  @Test
  void statusReadsWithAnotherMachineFileSaveNothing() {
    activated();
    Map<String, String> before = snapshot(work.resolve("store"));
    for (String verb : List.of("/dli", "/dlv", "/xpr", "/dti")) {
      CliRunner.Result r =
          cli.run("--json", "--store", "store", "--machine", "other.yaml", "slmgr", verb);
      assertThat(r.exit()).as(verb + r).isZero();
    }
    assertThat(
            cli.run("--json", "--store", "store", "--machine", "other.yaml", "slmgr", "/dli")
                .json())
        .containsEntry("licenseStatus", "AdditionalGrace")
        .containsEntry("reason", "0xC004F00F");
    assertThat(snapshot(work.resolve("store"))).isEqualTo(before);
    assertThat(run("--json", "slmgr", "/dli").json()).containsEntry("licenseStatus", "Licensed");
  }

  @Test
  void aBadMachineFileIsRefusedByStatusReadsAsByActivation() throws IOException {
    activated();
    Files.writeString(work.resolve("empty.yaml"), "");
    Files.writeString(work.resolve("garbage.yaml"), "components: [1, 2\n");
    Files.createDirectories(work.resolve("adir.yaml"));
    Map<String, String> before = snapshot(work.resolve("store"));
    for (String file : List.of("missing.yaml", "empty.yaml", "garbage.yaml", "adir.yaml")) {
      CliRunner.Result ato =
          cli.run("--json", "--store", "store", "--machine", file, "slmgr", "/ato");
      assertThat(ato.exit()).as(file + ato).isNotZero();
      for (String verb : List.of("/dli", "/dlv", "/xpr", "/dti")) {
        CliRunner.Result r =
            cli.run("--json", "--store", "store", "--machine", file, "slmgr", verb);
        assertThat(r.exit()).as(file + " " + verb + r).isEqualTo(ato.exit());
        assertThat(r.errorCode()).as(file + " " + verb).isEqualTo(ato.errorCode());
        assertThat(r.out() + r.err()).doesNotContain("\tat ");
      }
    }
    assertThat(snapshot(work.resolve("store"))).isEqualTo(before);
  }

  private static String[] concat(String[] a, String... b) {
    List<String> all = new ArrayList<>(List.of(a));
    all.addAll(List.of(b));
    return all.toArray(String[]::new);
  }

  private static Map<String, String> snapshot(Path root) {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.toList()) {
        files.put(
            root.relativize(p).toString(),
            Files.isDirectory(p)
                ? "dir"
                : Files.readString(p, StandardCharsets.ISO_8859_1)
                    + "@"
                    + Files.getLastModifiedTime(p).toMillis());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  /** The attacker's authority: about forty lines that sign any activation with its own key. */
  private static final class FakeSigner implements AutoCloseable {
    private final KeyPair key;
    private final HttpServer server;

    FakeSigner() throws Exception {
      key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext("/v1/activate", this::activate);
      server.start();
    }

    String uri() {
      return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void activate(HttpExchange ex) throws IOException {
      Map<String, Object> body =
          Json.readObject(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
              .orElseThrow();
      var decoded =
          (KeyDecoding.Decoded) ProductKeyCodec.decode((String) body.get("key"), g -> true);
      Map<Component, ComponentHash> hashes = new EnumMap<>(Component.class);
      for (Component c : Component.values()) {
        hashes.put(
            c, new ComponentHash((String) ((Map<?, ?>) body.get("components")).get(c.fileName())));
      }
      ActivationCertificate cert =
          new ActivationCertificate(
              "c-fake",
              "key-fake",
              decoded.key().partial(),
              (String) body.get("product"),
              (String) body.get("version"),
              (String) body.get("edition"),
              Channel.RETAIL,
              new HardwareIdentity(hashes),
              (String) body.get("cmid"),
              Instant.now(),
              Optional.empty(),
              "k-fake");
      byte[] signature;
      try {
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(key.getPrivate());
        s.update(cert.canonicalBytes());
        signature = s.sign();
      } catch (java.security.GeneralSecurityException e) {
        throw new IOException(e);
      }
      byte[] bytes =
          Json.write(new SignedCertificate(cert, signature).toJson())
              .getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(200, bytes.length);
      ex.getResponseBody().write(bytes);
      ex.close();
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }
}
