package dev.keyward.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.keyward.core.catalog.Channel;
import dev.keyward.core.catalog.TrustedKey;
import dev.keyward.core.cert.ActivationCertificate;
import dev.keyward.core.cert.SignedCertificate;
import dev.keyward.core.hardware.Component;
import dev.keyward.core.hardware.ComponentHash;
import dev.keyward.core.hardware.HardwareIdentity;
import dev.keyward.core.json.Json;
import dev.keyward.core.key.KeyDecoding;
import dev.keyward.core.key.ProductKeyCodec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in authority for the client's unit tests: answers {@code /v1/trust}, signs every
 * activation with its own Ed25519 key and counts requests. The real one is tested end to end in the
 * CLI module. With another key id it is the attacker's fake authority: it signs anything.
 */
final class FakeAuthority implements AutoCloseable {
  final KeyPair signing = keyPair();
  final String keyId;

  /** The validity of the certificates it signs, from the client's time; null: permanent. */
  volatile java.time.Duration validity;

  final AtomicInteger trustRequests = new AtomicInteger();
  final AtomicInteger activations = new AtomicInteger();
  final AtomicInteger deactivations = new AtomicInteger();
  final List<Map<String, Object>> activationBodies = new ArrayList<>();
  volatile KeyPair signWith = signing;
  private final HttpServer server;

  FakeAuthority() throws IOException {
    this("k-test");
  }

  FakeAuthority(String keyId) throws IOException {
    this.keyId = keyId;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/v1/trust", this::trust);
    server.createContext("/v1/activate", this::activate);
    server.createContext("/v1/deactivate", this::deactivate);
    server.start();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  TrustedKey trustedKey() {
    return new TrustedKey(
        keyId, Base64.getEncoder().encodeToString(signing.getPublic().getEncoded()));
  }

  static KeyPair keyPair() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  private void trust(HttpExchange ex) throws IOException {
    trustRequests.incrementAndGet();
    answer(ex, 200, TrustFile.write(List.of(trustedKey())));
  }

  private void activate(HttpExchange ex) throws IOException {
    Map<String, Object> body =
        Json.readObject(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
            .orElseThrow();
    activationBodies.add(body);
    activations.incrementAndGet();
    var decoded = (KeyDecoding.Decoded) ProductKeyCodec.decode((String) body.get("key"), g -> true);
    Map<Component, ComponentHash> hashes = new EnumMap<>(Component.class);
    Map<?, ?> components = (Map<?, ?>) body.get("components");
    for (Component c : Component.values()) {
      hashes.put(c, new ComponentHash((String) components.get(c.fileName())));
    }
    ActivationCertificate cert =
        new ActivationCertificate(
            "c-" + activations.get(),
            "key-1",
            decoded.key().partial(),
            (String) body.get("product"),
            (String) body.get("version"),
            (String) body.get("edition"),
            Channel.RETAIL,
            new HardwareIdentity(hashes),
            (String) body.get("cmid"),
            Instant.parse((String) body.get("clientTime")),
            validity == null
                ? Optional.empty()
                : Optional.of(Instant.parse((String) body.get("clientTime")).plus(validity)),
            keyId);
    byte[] signature;
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initSign(signWith.getPrivate());
      s.update(cert.canonicalBytes());
      signature = s.sign();
    } catch (GeneralSecurityException e) {
      throw new IOException(e);
    }
    Map<String, Object> answer =
        new java.util.LinkedHashMap<>(new SignedCertificate(cert, signature).toJson());
    answer.put("reissued", false);
    answer(ex, 200, Json.write(answer));
  }

  private void deactivate(HttpExchange ex) throws IOException {
    ex.getRequestBody().readAllBytes();
    deactivations.incrementAndGet();
    answer(ex, 200, "{\"released\":true,\"activationId\":\"a-1\"}");
  }

  private static void answer(HttpExchange ex, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
    ex.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
