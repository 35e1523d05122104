package dev.keyward.client;

import dev.keyward.core.discovery.HostPort;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.json.Json;
import dev.keyward.core.volume.SignedVolumeGrant;
import dev.keyward.core.volume.VolumeRefusal;
import dev.keyward.core.volume.VolumeRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One request to a volume host ({@code POST /v1/volume/activate}, docs/api.md "Volume host
 * protocol"), straight over the local network (no proxy). Every outcome is a value: a signed grant
 * (not yet verified), the host's refusal, or why no answer came.
 */
final class VolumeHostConnection {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(CONNECT_TIMEOUT)
          .followRedirects(HttpClient.Redirect.NEVER)
          .proxy(HttpClient.Builder.NO_PROXY)
          .build();

  /** What came back from one host. */
  sealed interface Reply {
    record Granted(SignedVolumeGrant grant) implements Reply {}

    record Refused(VolumeRefusal refusal) implements Reply {}

    /** No usable answer: not reachable, timed out, or not a volume host's answer. */
    record Unreachable(String detail) implements Reply {}
  }

  Reply activate(HostPort host, String address, VolumeRequest request) {
    URI uri =
        URI.create(
            "http://"
                + (address.contains(":") ? "[" + address + "]" : address)
                + ":"
                + host.port()
                + "/v1/volume/activate");
    HttpRequest http =
        HttpRequest.newBuilder(uri)
            .timeout(REQUEST_TIMEOUT)
            .header("Accept", "application/json")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(request.toJsonText(), StandardCharsets.UTF_8))
            .build();
    HttpResponse<String> response;
    try {
      response = this.http.send(http, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      return new Reply.Unreachable(
          host + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Reply.Unreachable(host + ": interrupted");
    } catch (IllegalArgumentException e) {
      return new Reply.Unreachable(host + ": not an address (" + e.getMessage() + ")");
    }
    Optional<Map<String, Object>> json = Json.readObject(response.body());
    if (response.statusCode() == 200) {
      return json.flatMap(SignedVolumeGrant::fromJson)
          .<Reply>map(Reply.Granted::new)
          .orElse(new Reply.Unreachable(host + " answered without a readable grant"));
    }
    Optional<VolumeRefusal> refusal = json.flatMap(VolumeRefusal::fromJson);
    if (refusal.isPresent()) {
      return new Reply.Refused(refusal.get());
    }
    if (response.statusCode() >= 400 && response.statusCode() < 500) {
      return new Reply.Refused(
          new VolumeRefusal(
              ErrorCode.BAD_REQUEST,
              host + " answered HTTP " + response.statusCode(),
              OptionalInt.empty(),
              0,
              Optional.empty()));
    }
    return new Reply.Unreachable(host + " answered HTTP " + response.statusCode());
  }
}
