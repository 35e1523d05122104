package dev.keyward.volumehost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.authority.AuthorityConfig;
import dev.keyward.authority.AuthorityServer;
import dev.keyward.client.KeywardClient;
import dev.keyward.core.catalog.CatalogLoader;
import dev.keyward.core.catalog.Channel;
import dev.keyward.core.catalog.Product;
import dev.keyward.core.hardware.Cmid;
import dev.keyward.core.hardware.MachineFacts;
import dev.keyward.core.hardware.MachineFile;
import dev.keyward.core.json.Json;
import dev.keyward.core.volume.VolumeRequest;
import dev.keyward.machines.LabProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real authority in-process on a random port and host machines with their own stores, activated
 * against it as {@code keyward slmgr /ipk HOSTKEY} and {@code /ato} do; an HTTP client for volume
 * requests.
 */
public final class HostSite implements AutoCloseable {
  public static final Product WINSERVER =
      CatalogLoader.winserver().product("winserver").orElseThrow();
  public static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public final Path dir;
  public final AuthorityServer authority;
  private final Random random = new Random(12);
  private final AtomicInteger machines = new AtomicInteger();

  public HostSite(Path dir) {
    this.dir = dir;
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
                .build());
  }

  /** A host machine: a store, a machine file and a client for it. */
  public record HostMachine(Path store, Path machineFile, KeywardClient client) {}

  public HostMachine machine(String version) {
    int n = machines.incrementAndGet();
    Path store = dir.resolve("host-store-" + n);
    Path file = dir.resolve("host-machine-" + n + ".yaml");
    MachineFacts facts = LabProfile.HYPERV_VM.newMachine(random);
    try {
      Files.writeString(file, MachineFile.write(facts, Optional.empty()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    KeywardClient client =
        KeywardClient.builder()
            .store(store)
            .machine(() -> facts)
            .authority(authority.uri())
            .trust(authority.trustedKeys())
            .build();
    client.init("winserver", version, "ServerStandard");
    return new HostMachine(store, file, client);
  }

  /** A machine activated with a fresh volume host key of {@code version}. */
  public HostMachine activatedHost(String version) {
    HostMachine m = machine(version);
    m.client().installKey(issue(version, Channel.VOLUME_KMS_HOST));
    m.client().activate();
    m.client().pinTrust();
    return m;
  }

  public String issue(String version, Channel channel) {
    String body = Json.write(Map.of("version", version, "channel", channel.name()));
    HttpRequest request =
        HttpRequest.newBuilder(authority.uri().resolve("/v1/admin/keys"))
            .header("Authorization", "Bearer " + authority.adminToken())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
      Map<String, Object> json = Json.readObject(r.body()).orElseThrow();
      @SuppressWarnings("unchecked")
      Map<String, Object> first = ((java.util.List<Map<String, Object>>) json.get("keys")).get(0);
      return (String) first.get("key");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static VolumeHost serve(HostMachine m) {
    return VolumeHost.start(
        new VolumeHost.Config(m.client(), "127.0.0.1", 0, Optional.empty(), Clock.systemUTC()));
  }

  static VolumeRequest request(String version, int machine) {
    int group =
        WINSERVER
            .keyGroup(version, "ServerStandard", Channel.VOLUME_KMSCLIENT)
            .orElseThrow()
            .number();
    return new VolumeRequest(
        "winserver",
        version,
        "ServerStandard",
        group,
        cmid(machine),
        Instant.now(),
        Optional.empty());
  }

  static String cmid(int n) {
    return new Cmid(new java.util.UUID(0x1234_5678_0000_4000L, 0x8000_0000_0000_0000L | n))
        .format();
  }

  /** POSTs {@code body} to the host's activate endpoint. */
  static HttpResponse<String> post(URI host, String body) {
    HttpRequest request =
        HttpRequest.newBuilder(host.resolve("/v1/volume/activate"))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static Map<String, Object> json(HttpResponse<String> r) {
    return Json.readObject(r.body()).orElseThrow(() -> new AssertionError(r.body()));
  }

  @Override
  public void close() {
    authority.close();
  }
}
