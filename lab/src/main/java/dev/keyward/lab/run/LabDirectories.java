package dev.keyward.lab.run;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import dev.keyward.client.KeywardException;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.lab.run.Checks.Outcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code {on: dc1, run: "directory start"}} and {@code directory stop}: the directory a lab machine
 * serves, UnboundID's in-memory LDAP server with Keyward's schema, in this process. It listens on
 * the machine's lab address at a port chosen when the directory is first named, so machines can
 * join it ({@code directory: dc1}) before it starts and find it unreachable while it is stopped.
 * Stopped, it keeps its entries for the next start. Its base DN follows the machine's domain
 * ({@code contoso.lan}: {@code dc=contoso,dc=lan}); the lab is its administrator ({@link #BIND_DN},
 * the password in a file of the lab directory).
 */
final class LabDirectories implements AutoCloseable {
  static final String BIND_DN = "cn=Directory Manager";

  private final LabSession lab;
  private final Map<String, Integer> ports = new LinkedHashMap<>();
  // a stopped directory keeps its entries: started again, it serves the same objects
  private final Map<String, InMemoryDirectoryServer> servers = new LinkedHashMap<>();
  private final java.util.Set<String> running = new java.util.TreeSet<>();

  LabDirectories(LabSession lab) {
    this.lab = lab;
  }

  /** Whether the words are a lab directory server command rather than a keyward command. */
  static boolean handles(List<String> words) {
    return LabServers.handles("directory", words);
  }

  /** {@code dc=contoso,dc=lan} for a machine of {@code contoso.lan}; {@code dc=lab} without one. */
  static String base(Optional<String> domain) {
    return String.join(
        ",",
        java.util.Arrays.stream(domain.orElse("lab").split("\\."))
            .map(label -> "dc=" + label)
            .toList());
  }

  /** The server directory machine D listens on, {@code ldap://ADDRESS:PORT}. */
  synchronized String server(String directory) {
    LabMachine d = lab.machine(directory);
    int port = ports.computeIfAbsent(d.name, n -> freePort(lab.dns.address(n)));
    return "ldap://" + lab.dns.address(d.name).getHostAddress() + ":" + port;
  }

  /** What a machine joins: {@code ldap://ADDRESS:PORT/BASE}. */
  String url(String directory) {
    return server(directory) + "/" + base(lab.machine(directory).domain);
  }

  /** The file holding the administrator's password of D's directory. */
  Path passwordFile(String directory) {
    Path file = lab.dir.resolve("directory-" + directory + ".password");
    try {
      if (!Files.exists(file)) {
        Files.writeString(file, password(directory) + "\n", StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /** {@code --ldap}, {@code --base}, {@code --bind-dn} and {@code --password-file} for D. */
  List<String> adminOptions(String directory) {
    return List.of(
        "--ldap",
        server(directory),
        "--base",
        base(lab.machine(directory).domain),
        "--bind-dn",
        BIND_DN,
        "--password-file",
        passwordFile(directory).toString());
  }

  /**
   * The command as M's administrator means it: {@code directory publish|list|remove} without {@code
   * --ldap} reaches the directory M serves, else the one it joined, with the lab's administrator
   * options filled in; {@code directory join D} with a lab machine's name joins the directory D
   * serves.
   */
  List<String> complete(LabMachine m, List<String> words) {
    if (!words.get(0).equalsIgnoreCase("directory") || words.size() < 2) {
      return words;
    }
    String sub = words.get(1).toLowerCase(Locale.ROOT);
    // the lab's note of whose directory M joined only picks the options above; the store decides
    if (sub.equals("leave")) {
      m.directory = Optional.empty();
    }
    if (sub.equals("join") && words.size() == 3 && lab.machines.containsKey(words.get(2))) {
      m.directory = Optional.of(words.get(2));
      return List.of(words.get(0), words.get(1), url(words.get(2)));
    }
    if (!List.of("publish", "list", "remove").contains(sub) || words.contains("--ldap")) {
      return words;
    }
    Optional<String> directory =
        running.contains(m.name) || ports.containsKey(m.name) ? Optional.of(m.name) : m.directory;
    if (directory.isEmpty()) {
      return words;
    }
    List<String> completed = new java.util.ArrayList<>(words.subList(0, 2));
    completed.addAll(adminOptions(directory.get()));
    completed.addAll(words.subList(2, words.size()));
    return completed;
  }

  Outcome run(LabMachine m, List<String> words) {
    return LabServers.startOrStop("directory", words, () -> start(m), () -> stop(m));
  }

  private String start(LabMachine m) {
    if (running.contains(m.name)) {
      throw KeywardException.of(
          ErrorCode.BAD_REQUEST, "a directory already runs on " + m.name + " (stop it first)");
    }
    String server = server(m.name);
    String base = base(m.domain);
    try {
      InMemoryDirectoryServer ds = servers.get(m.name);
      if (ds == null) {
        ds = create(m, base);
        servers.put(m.name, ds);
      }
      ds.startListening();
      running.add(m.name);
    } catch (LDAPException e) {
      throw KeywardException.of(
          ErrorCode.BAD_REQUEST, "the directory on " + m.name + " cannot start: " + e.getMessage());
    }
    passwordFile(m.name);
    return "Directory listening on " + server + ", base " + base + " (bind as " + BIND_DN + ").\n";
  }

  private InMemoryDirectoryServer create(LabMachine m, String base) throws LDAPException {
    InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(base);
    config.setSchema(LabDirectorySchema.load());
    config.addAdditionalBindCredentials(BIND_DN, password(m.name));
    config.setListenerConfigs(
        InMemoryListenerConfig.createLDAPConfig(
            "ldap", lab.dns.address(m.name), ports.get(m.name), null));
    InMemoryDirectoryServer ds = new InMemoryDirectoryServer(config);
    ds.add(baseEntry(base));
    return ds;
  }

  private String stop(LabMachine m) {
    if (!running.remove(m.name)) {
      throw KeywardException.of(ErrorCode.BAD_REQUEST, "no directory runs on " + m.name);
    }
    servers.get(m.name).shutDown(true);
    return "The directory on " + m.name + " stopped.\n";
  }

  private static Entry baseEntry(String base) {
    int comma = base.indexOf(',');
    String first = base.substring(base.indexOf('=') + 1, comma < 0 ? base.length() : comma);
    return new Entry(
        base, new Attribute("objectClass", "top", "domain"), new Attribute("dc", first));
  }

  /** A password of this run (the lab's machines are its only users). */
  private String password(String directory) {
    return "lab-" + Integer.toHexString((lab.file() + directory).hashCode());
  }

  private static int freePort(InetAddress address) {
    try (ServerSocket s = new ServerSocket(0, 1, address)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    running.forEach(name -> servers.get(name).shutDown(true));
    running.clear();
    servers.clear();
  }
}
