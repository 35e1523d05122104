package dev.keyward.volumehost;

import dev.keyward.client.KeywardClient;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import dev.keyward.core.json.Json;
import dev.keyward.volumehost.console.ConsoleContext;
import dev.keyward.volumehost.console.ConsoleToken;
import dev.keyward.volumehost.console.SiteConsole;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A running volume activation host (SPEC §11): serves {@code POST /v1/volume/activate} from the
 * store of the machine's {@code keyward slmgr}, counts in the store's journal, writes {@code
 * volume-host.url} and the status {@code slmgr /dlv} shows, and publishes its SRV record when
 * asked. Whether the store is an activated host is checked at start and every {@link
 * #CHECK_SECONDS} seconds; until it is, every request is answered 0xC004F041.
 */
public final class VolumeHost implements AutoCloseable {
  static final int CHECK_SECONDS = 30;
  static final int STATUS_SECONDS = 5;

  /** Where to publish: {@code --publish DOMAIN --dns-server HOST:PORT [--tsig FILE]}. */
  public record Publishing(String domain, String dnsServer, int dnsPort, Optional<Path> tsigFile) {}

  /**
   * @param client the host store's client (as {@code keyward slmgr} builds it)
   * @param bind the address to listen on
   * @param port the port (0: any free one)
   */
  public record Config(
      KeywardClient client, String bind, int port, Optional<Publishing> publish, Clock clock) {}

  private final Config config;
  private final HostFiles files;
  private final HostStats stats = new HostStats();
  private final HostEvents events;
  private final CountJournal journal;
  private final VolumeService service;
  private final VolumeHttp http;
  private final Optional<DnsPublisher> publisher;
  private final ScheduledExecutorService timer;
  private final URI url;
  private final Instant startedAt;
  private final ConsoleToken consoleToken;
  private volatile HostStanding standing;

  private VolumeHost(Config config) throws IOException {
    this.config = config;
    String product = config.client().status().product();
    this.files = HostFiles.of(config.client().store(), product);
    this.startedAt = config.clock().instant();
    Optional<TsigKeyFile> tsig =
        config.publish().flatMap(Publishing::tsigFile).map(TsigKeyFile::read);
    this.standing = HostStanding.of(config.client());
    this.events = new HostEvents(files.events(), config.clock());
    CountJournal.Opened opened =
        CountJournal.open(
            files.journal(),
            dev.keyward.core.volume.VolumeHostRules.keep(config.client().catalog()));
    this.journal = opened.journal();
    this.service =
        new VolumeService(
            config.client().catalog(),
            journal,
            opened.inventory(),
            events,
            stats,
            config.clock(),
            () -> standing);
    InetAddress bound = InetAddress.getByName(config.bind());
    this.consoleToken = consoleToken(files);
    SiteConsole console =
        new SiteConsole(
            new ConsoleContext(
                config.client().catalog(),
                files,
                config.client().trustedKeys(),
                config.clock(),
                consoleToken));
    this.http =
        new VolumeHttp(new InetSocketAddress(bound, config.port()), service, stats, console);
    this.url = URI.create("http://" + urlHost(bound) + ":" + http.port());
    this.publisher =
        config
            .publish()
            .map(
                p ->
                    new DnsPublisher(
                        new DnsPublisher.Target(p.domain(), p.dnsServer(), p.dnsPort(), tsig),
                        localHostName(),
                        DnsPublisher.publishedAddress(bound, p.dnsServer(), p.dnsPort()),
                        http.port(),
                        events,
                        config.clock()));
    writeText(files.url(), url + "\n");
    writeStatus(true);
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "volume-host-timer");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleWithFixedDelay(this::check, CHECK_SECONDS, CHECK_SECONDS, TimeUnit.SECONDS);
    timer.scheduleWithFixedDelay(
        () -> quietly(() -> writeStatus(true)), STATUS_SECONDS, STATUS_SECONDS, TimeUnit.SECONDS);
    publisher.ifPresent(
        p ->
            timer.scheduleWithFixedDelay(
                () -> quietly(this::publishNow),
                0,
                DnsPublisher.REFRESH.toSeconds(),
                TimeUnit.SECONDS));
  }

  /** The console's token, made at the first start; a clear failure when the file is unusable. */
  private static ConsoleToken consoleToken(HostFiles files) {
    Path file = ConsoleContext.tokenFile(files);
    try {
      return ConsoleToken.open(file, new java.security.SecureRandom());
    } catch (IOException e) {
      throw new VolumeHostException(
          dev.keyward.core.error.FileProblems.writing("The site console's token", file, e));
    }
  }

  /** Starts the host; a clear failure (port taken, bad TSIG file) when it cannot. */
  public static VolumeHost start(Config config) {
    try {
      return new VolumeHost(config);
    } catch (IOException e) {
      throw new VolumeHostException(
          Failure.of(
              ErrorCode.BAD_REQUEST,
              "The volume host cannot listen on "
                  + config.bind()
                  + ":"
                  + config.port()
                  + " ("
                  + e.getMessage()
                  + "): choose another --port or --bind."));
    }
  }

  public URI url() {
    return url;
  }

  public int port() {
    return http.port();
  }

  /** The site console's address. */
  public URI consoleUrl() {
    return url.resolve("/console");
  }

  /** The file holding the site console's sign-in token (made at the first start). */
  public Path consoleTokenFile() {
    return consoleToken.file();
  }

  public HostFiles files() {
    return files;
  }

  /** Whether the store is an activated host now (as last checked). */
  public boolean activated() {
    return standing instanceof HostStanding.Ready;
  }

  /** Checks the store's standing again now (the timer does it every 30 s). */
  public void check() {
    quietly(
        () -> {
          standing = HostStanding.of(config.client());
          service.compactIfLarge();
          writeStatus(true);
        });
  }

  /** Publishes the SRV record now (the timer does it every 5 min); empty when not publishing. */
  public Optional<String> publishNow() {
    Optional<String> state = publisher.map(p -> p.publish().state());
    quietly(() -> writeStatus(true));
    return state;
  }

  /** The current counts, by family name. */
  public Map<String, Integer> counts() {
    Map<String, Integer> out = new LinkedHashMap<>();
    service.counts().forEach((f, n) -> out.put(f.yamlName(), n));
    return out;
  }

  private void writeStatus(boolean running) throws IOException {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("running", running);
    s.put("url", url.toString());
    s.put("bind", config.bind());
    s.put("port", http.port());
    s.put("startedAt", startedAt.toString());
    s.put("updatedAt", config.clock().instant().toString());
    HostStanding now = standing;
    s.put("activated", now instanceof HostStanding.Ready);
    s.put("hostId", now instanceof HostStanding.Ready r ? r.identity().hostId() : null);
    s.put("notActivatedReason", now instanceof HostStanding.NotReady n ? n.reason() : null);
    Map<String, Object> requests = new LinkedHashMap<>();
    requests.put("received", stats.received());
    requests.put("granted", stats.grantedCount());
    requests.put("failed", stats.failed());
    requests.put("failedByCode", new LinkedHashMap<>(stats.failedByCode()));
    requests.put("failedByStatus", new LinkedHashMap<>(stats.failedByStatus()));
    s.put("requests", requests);
    s.put("publishing", publisher.map(this::publishing).orElse(null));
    writeText(files.status(), Json.write(s) + "\n");
  }

  private Map<String, Object> publishing(DnsPublisher p) {
    Publishing asked = config.publish().orElseThrow();
    DnsPublisher.State st = p.state();
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("domain", asked.domain());
    o.put("dnsServer", asked.dnsServer() + ":" + asked.dnsPort());
    o.put("record", p.srvName());
    o.put("target", p.hostName());
    o.put("tsig", asked.tsigFile().isPresent());
    o.put("state", st.state());
    o.put("detail", st.detail().orElse(null));
    o.put("lastPublished", st.lastPublished().map(Instant::toString).orElse(null));
    return o;
  }

  static void writeText(Path file, String text) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
    Files.writeString(tmp, text, StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private static String urlHost(InetAddress bound) {
    if (bound.isAnyLocalAddress()) {
      return localHostName();
    }
    String text = bound.getHostAddress();
    return text.contains(":") ? "[" + text + "]" : text;
  }

  private static String localHostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }

  private interface Step {
    void run() throws IOException;
  }

  private static void quietly(Step step) {
    try {
      step.run();
    } catch (IOException | RuntimeException e) {
      // the next tick tries again; requests are answered meanwhile
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
    http.close();
    quietly(journal::close);
    quietly(() -> writeStatus(false));
    quietly(events::close);
  }
}
