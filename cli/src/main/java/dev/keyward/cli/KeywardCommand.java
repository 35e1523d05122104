package dev.keyward.cli;

import dev.keyward.client.ConnectionOptions;
import dev.keyward.client.KeywardClient;
import dev.keyward.client.KeywardException;
import dev.keyward.client.Proxies;
import dev.keyward.client.VendorTrust;
import dev.keyward.core.hardware.MachineFacts;
import dev.keyward.core.hardware.MachineFile;
import dev.keyward.core.hardware.MachineFileReading;
import dev.keyward.machines.LabProfile;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code keyward} and its global options, which come before the verb (SPEC §9). */
@Command(
    name = "keyward",
    mixinStandardHelpOptions = true,
    versionProvider = KeywardCommand.Version.class,
    description = "Software licensing and product activation.")
public final class KeywardCommand implements Runnable {
  /**
   * The commands, by name (lower case; aliases too). {@link KeywardCli} adds only the one a command
   * line names, so that a start reads the annotations of one command, not of all (a fast start);
   * help and anything it cannot tell add them all.
   */
  static final java.util.Map<String, Class<?>> COMMANDS = commands();

  private static java.util.Map<String, Class<?>> commands() {
    java.util.Map<String, Class<?>> m = new java.util.LinkedHashMap<>();
    m.put("authority", AuthorityCommand.class);
    m.put("admin", AdminCommand.class);
    m.put("init", InitCommand.class);
    m.put("slmgr", SlmgrCommand.class);
    m.put("slmgr.vbs", SlmgrCommand.class);
    m.put("cscript", CscriptCommand.class);
    m.put("key", KeyCommand.class);
    m.put("activate", ActivateCommand.class);
    m.put("status", StatusCommand.class);
    m.put("expiry", ExpiryCommand.class);
    m.put("rearm", RearmCommand.class);
    m.put("explain", ExplainCommand.class);
    m.put("restart", RestartCommand.class);
    m.put("dism", DismCommand.class);
    m.put("compliance", ComplianceCommand.class);
    m.put("evidence", EvidenceCommand.class);
    m.put("slui", SluiCommand.class);
    m.put("proxy", ProxyCommand.class);
    m.put("lab", LabCommand.class);
    m.put("volume-host", VolumeHostCommand.class);
    m.put("events", EventsCommand.class);
    m.put("catalog", CatalogCommand.class);
    m.put("diagnose", DiagnoseCommand.class);
    m.put("directory", DirectoryCommand.class);
    m.put("vm-host", VmHostCommand.class);
    return java.util.Collections.unmodifiableMap(m);
  }

  /** The authority address {@code keyward authority serve} uses when given no flags. */
  static final String DEFAULT_AUTHORITY = "http://127.0.0.1:8080";

  static final String DEFAULT_DATA = "keyward-data";

  final KeywardCli.Context ctx;

  @Option(
      names = "--store",
      paramLabel = "DIR",
      description = "License store directory (env KEYWARD_STORE; default ~/.keyward/store).")
  Path store;

  @Option(
      names = "--machine",
      paramLabel = "FILE",
      description = "Machine file (YAML or JSON) to use instead of this machine's hardware.")
  Path machineFile;

  @Option(
      names = "--authority",
      paramLabel = "URL",
      description =
          "Activation authority (env KEYWARD_AUTHORITY; default: the address in"
              + " keyward-data/authority.url of the current directory,"
              + " else "
              + DEFAULT_AUTHORITY
              + ").")
  String authority;

  @Option(
      names = "--trust",
      paramLabel = "FILE",
      description =
          "A vendor trust file to trust for this command (env KEYWARD_TRUST), besides the"
              + " catalog's keys, the trust recorded by init --trust and the local authority's"
              + " keyward-data/trust.json.")
  Path trust;

  @Option(
      names = "--trust-on-first-use",
      description =
          "Development only: when no vendor key is trusted, trust the keys of whatever authority"
              + " answers /ato first and record them in the store.")
  boolean trustOnFirstUse;

  @Option(
      names = "--product",
      paramLabel = "P",
      description = "Product to act on when the store holds several (env KEYWARD_PRODUCT).")
  String product;

  @Option(
      names = "--dns",
      paramLabel = "HOST:PORT",
      description =
          "DNS server for volume host discovery (env KEYWARD_DNS; default: the system's).")
  String dns;

  @Option(names = "--json", description = "Print one JSON object on stdout, errors too.")
  boolean json;

  @Option(
      names = "--ca-file",
      paramLabel = "FILE",
      description =
          "PEM certificate of the CA that signed an https authority's certificate (env"
              + " KEYWARD_CA_FILE; default: the JDK's trusted CAs).")
  Path caFile;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      description = "Longest wait for the authority's answer (env KEYWARD_TIMEOUT; default 30).")
  String timeout;

  private Printer printer;

  KeywardCommand(KeywardCli.Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public void run() {
    help(
        "keyward: software licensing and product activation.\n"
            + "Run keyward --help for the commands, keyward slmgr /? for slmgr's.\n");
  }

  /** Prints a help text: as is, or with --json as {@code {"ok": true, "help": TEXT}}. */
  int help(String text) {
    if (json) {
      java.util.Map<String, Object> o = new java.util.LinkedHashMap<>();
      o.put("ok", true);
      o.put("help", text);
      printer().object(o);
    } else {
      ctx.out().print(text);
    }
    return KeywardCli.OK;
  }

  Printer printer() {
    if (printer == null || printer.json() != json) {
      printer = new Printer(ctx.out(), ctx.err(), json);
    }
    return printer;
  }

  Path storeDir() {
    if (store != null) {
      return ctx.workingDirectory().resolve(store);
    }
    String env = ctx.env().get("KEYWARD_STORE");
    if (env != null && !env.isBlank()) {
      return ctx.workingDirectory().resolve(env);
    }
    return KeywardClient.defaultStore();
  }

  /** --authority, KEYWARD_AUTHORITY, ./keyward-data/authority.url, then the default address. */
  URI authorityUri() {
    return URI.create(authorityText());
  }

  private String authorityText() {
    if (authority != null && !authority.isBlank()) {
      return authority.strip();
    }
    String env = ctx.env().get("KEYWARD_AUTHORITY");
    if (env != null && !env.isBlank()) {
      return env.strip();
    }
    Optional<String> local = readAuthorityUrl(ctx.workingDirectory().resolve(DEFAULT_DATA));
    return local.orElse(DEFAULT_AUTHORITY);
  }

  static Optional<String> readAuthorityUrl(Path dataDir) {
    Path file = dataDir.resolve("authority.url");
    try {
      if (Files.isRegularFile(file)) {
        String text = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (!text.isEmpty()) {
          return Optional.of(text);
        }
      }
    } catch (IOException e) {
      // fall back to the default address
    }
    return Optional.empty();
  }

  Supplier<MachineFacts> machine() {
    if (machineFile == null) {
      return ctx.machine();
    }
    Path file = ctx.workingDirectory().resolve(machineFile);
    return () -> readMachineFile(file);
  }

  static MachineFacts readMachineFile(Path file) {
    String text = LocalFiles.readText("The machine file", file);
    // a lab machine's file names its profile; the lab's profiles are the names it may say
    return switch (MachineFile.read(text, file.getFileName().toString(), LabProfile.names())) {
      case MachineFileReading.Loaded loaded -> loaded.file().facts();
      case MachineFileReading.Rejected rejected -> throw new KeywardException(rejected.failure());
    };
  }

  private Optional<Path> trustFile() {
    Path file = trust;
    if (file == null) {
      String env = ctx.env().get("KEYWARD_TRUST");
      if (env != null && !env.isBlank()) {
        file = Path.of(env);
      }
    }
    return Optional.ofNullable(file).map(f -> ctx.workingDirectory().resolve(f));
  }

  /**
   * The keys this command trusts besides the store's: {@code --trust FILE} (or KEYWARD_TRUST), and
   * on the machine that runs the authority, its data directory's trust.json.
   */
  private Optional<VendorTrust> explicitTrust() {
    Optional<VendorTrust> given = trustFile().map(VendorTrust::read);
    Optional<VendorTrust> local = localAuthorityTrust();
    if (given.isPresent() && local.isPresent()) {
      return Optional.of(given.get().and(local.get()));
    }
    return given.or(() -> local);
  }

  /** The trust.json of the authority whose data directory is ./keyward-data, if there is one. */
  Optional<VendorTrust> localAuthorityTrust() {
    Path file = localAuthorityTrustFile();
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return VendorTrust.parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  Path localAuthorityTrustFile() {
    return ctx.workingDirectory().resolve(DEFAULT_DATA).resolve("trust.json");
  }

  KeywardClient client() {
    return client(chosenProduct().orElse(null));
  }

  /** --product, else KEYWARD_PRODUCT, else none (the store's only product). */
  Optional<String> chosenProduct() {
    String chosen = product;
    if (chosen == null) {
      String env = ctx.env().get("KEYWARD_PRODUCT");
      chosen = env == null || env.isBlank() ? null : env.strip();
    }
    return Optional.ofNullable(chosen);
  }

  KeywardClient client(String chosen) {
    Supplier<MachineFacts> machine = machine();
    if (machineFile != null) {
      // a missing, empty or garbage machine file is refused by every verb alike, status reads too
      MachineFacts facts = machine.get();
      machine = () -> facts;
    }
    KeywardClient.Builder builder =
        KeywardClient.builder()
            .store(storeDir())
            .product(chosen)
            .machine(machine)
            .authority(authorityUri())
            .pinTrustOnFirstUse(trustOnFirstUse)
            .clock(ctx.clock())
            .proxies(Proxies.selector(ctx.env(), System.getProperties()))
            .volumeNetwork(VolumeOptions.network(this))
            .connection(connectionOptions());
    explicitTrust().ifPresent(builder::trust);
    return builder.build();
  }

  /** --timeout / KEYWARD_TIMEOUT, --ca-file / KEYWARD_CA_FILE, and a progress line on stderr. */
  ConnectionOptions connectionOptions() {
    return ClientConnectionFlags.options(ctx, timeout, caFile);
  }

  /** The version keyward --version prints. */
  static final class Version implements picocli.CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = KeywardCommand.class.getPackage().getImplementationVersion();
      return new String[] {"keyward " + (v == null ? "0.1.0-SNAPSHOT" : v)};
    }
  }
}
