package dev.keyward.client;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenLDAP slapd (Debian package slapd) on a loopback port, started by a test with a
 * cn=config of its own in a temporary directory: an mdb database for {@link #BASE} with its own
 * root DN and password, the core schema and Keyward's schema LDIF (the one
 * docs/volume-activation.md shows). In the foreground, stopped by {@link #close()}. Missing slapd
 * fails the test in CI (CI=true) and skips it elsewhere.
 */
public final class Slapd implements AutoCloseable {
  public static final String BASE = "dc=example,dc=test";
  public static final String ROOT_DN = "cn=admin," + BASE;
  public static final String ROOT_PASSWORD = "slapd-test-secret";
  private static final String SLAPD = "/usr/sbin/slapd";
  private static final String SLAPADD = "/usr/sbin/slapadd";

  public final int port;
  private final Process process;

  private Slapd(int port, Process process) {
    this.port = port;
    this.process = process;
  }

  /** {@code ldap://127.0.0.1:PORT}. */
  public String url() {
    return "ldap://127.0.0.1:" + port;
  }

  /** Keyward's schema LDIF as the client ships it. */
  public static String schemaLdif() throws IOException {
    try (InputStream in = Slapd.class.getResourceAsStream("keyward-schema.ldif")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  public static Slapd start(Path dir) throws IOException, InterruptedException {
    if (!Files.isExecutable(Path.of(SLAPD))) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("slapd is not installed (apt-get install slapd ldap-utils; .ci/run installs it)");
      }
      assumeTrue(false, "slapd is not installed");
    }
    Files.createDirectories(dir.resolve("data"));
    Files.createDirectories(dir.resolve("slapd.d"));
    Files.writeString(dir.resolve("keyward-schema.ldif"), schemaLdif());
    Files.writeString(dir.resolve("config.ldif"), config(dir));
    run(
        dir,
        List.of(
            SLAPADD,
            "-n",
            "0",
            "-F",
            dir.resolve("slapd.d").toString(),
            "-l",
            dir.resolve("config.ldif").toString()));
    IOException last = null;
    for (int attempt = 0; attempt < 5; attempt++) {
      int port = freePort();
      Process p =
          new ProcessBuilder(
                  SLAPD,
                  "-h",
                  "ldap://127.0.0.1:" + port + "/",
                  "-F",
                  dir.resolve("slapd.d").toString(),
                  "-d",
                  "0")
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("slapd.out").toFile())
              .start();
      Slapd server = new Slapd(port, p);
      try {
        server.awaitReady(dir);
        server.addBase();
        return server;
      } catch (IOException e) {
        server.close();
        last = e;
      }
    }
    throw last;
  }

  private static String config(Path dir) {
    return String.join(
        "\n",
        "dn: cn=config",
        "objectClass: olcGlobal",
        "cn: config",
        "olcPidFile: " + dir.resolve("slapd.pid"),
        "",
        "dn: cn=module{0},cn=config",
        "objectClass: olcModuleList",
        "cn: module{0}",
        "olcModulePath: /usr/lib/ldap",
        "olcModuleLoad: back_mdb",
        "",
        "dn: cn=schema,cn=config",
        "objectClass: olcSchemaConfig",
        "cn: schema",
        "",
        "include: file:///etc/ldap/schema/core.ldif",
        "",
        "include: file://" + dir.resolve("keyward-schema.ldif"),
        "",
        "dn: olcDatabase={-1}frontend,cn=config",
        "objectClass: olcDatabaseConfig",
        "objectClass: olcFrontendConfig",
        "olcDatabase: {-1}frontend",
        "olcAccess: {0}to * by * read",
        "",
        "dn: olcDatabase={0}config,cn=config",
        "objectClass: olcDatabaseConfig",
        "olcDatabase: {0}config",
        "olcAccess: {0}to * by * none",
        "",
        "dn: olcDatabase={1}mdb,cn=config",
        "objectClass: olcDatabaseConfig",
        "objectClass: olcMdbConfig",
        "olcDatabase: {1}mdb",
        "olcDbDirectory: " + dir.resolve("data"),
        "olcSuffix: " + BASE,
        "olcRootDN: " + ROOT_DN,
        "olcRootPW: " + ROOT_PASSWORD,
        "olcDbMaxSize: 67108864",
        "olcAccess: {0}to * by * read",
        "",
        "");
  }

  private static void run(Path dir, List<String> command) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("slapadd.out").toFile())
            .start();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("slapadd did not finish in 30 s");
    }
    if (p.exitValue() != 0) {
      throw new IOException(
          "slapadd failed: " + Files.readString(dir.resolve("slapadd.out")).strip());
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** Binds as the root DN until it answers: at most 100 tries over about 10 seconds. */
  private void awaitReady(Path dir) throws IOException, InterruptedException {
    for (int i = 0; i < 100; i++) {
      if (!process.isAlive()) {
        throw new IOException(
            "slapd exited: " + Files.readString(dir.resolve("slapd.out")).strip());
      }
      try (LDAPConnection c = connect()) {
        return;
      } catch (LDAPException e) {
        process.waitFor(100, TimeUnit.MILLISECONDS);
      }
    }
    throw new IOException("slapd did not answer on port " + port + " within 10 s");
  }

  /** A connection bound as the root DN. */
  public LDAPConnection connect() throws LDAPException {
    LDAPConnection c = new LDAPConnection("127.0.0.1", port);
    try {
      c.bind(ROOT_DN, ROOT_PASSWORD);
      return c;
    } catch (LDAPException e) {
      c.close();
      throw e;
    }
  }

  private void addBase() throws IOException {
    try (LDAPConnection c = connect()) {
      c.add(
          new Entry(
              BASE,
              new Attribute("objectClass", "top", "dcObject", "organization"),
              new Attribute("dc", "example"),
              new Attribute("o", "Example")));
    } catch (LDAPException e) {
      throw new IOException("the base entry cannot be added: " + e.getMessage(), e);
    }
  }

  /** Adds an entry as the root DN (a test writing what publish would never write). */
  public void add(String dn, Map<String, List<String>> attributes) throws LDAPException {
    List<Attribute> list = new ArrayList<>();
    attributes.forEach((k, v) -> list.add(new Attribute(k, v)));
    try (LDAPConnection c = connect()) {
      c.add(new Entry(dn, list));
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
