package dev.keyward.client;

import com.sun.net.httpserver.HttpServer;
import dev.keyward.core.catalog.Channel;
import dev.keyward.core.catalog.TrustedKey;
import dev.keyward.core.cert.ActivationCertificate;
import dev.keyward.core.cert.SignedCertificate;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.hardware.HardwareIdentity;
import dev.keyward.core.volume.HostId;
import dev.keyward.core.volume.SignedVolumeGrant;
import dev.keyward.core.volume.VolumeGrant;
import dev.keyward.core.volume.VolumeRefusal;
import dev.keyward.core.volume.VolumeRequest;
import dev.keyward.machines.LabProfile;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;

/**
 * A minimal volume host for the client's tests, on a real HTTP port: it answers {@code POST
 * /v1/volume/activate} with grants signed by a host key that a test authority key certified (or did
 * not, for a rogue host), counting distinct CMIDs against a threshold. The real host (keyward
 * volume-host serve) is exercised end to end in the CLI tests.
 */
final class SigningVolumeHost implements AutoCloseable {
  final KeyPair authority;
  final KeyPair hostKey = keyPair();
  final Set<String> cmids = new LinkedHashSet<>();
  final Clock clock;
  int threshold;
  int requests;
  private final SignedCertificate certificate;
  private final HttpServer server;

  SigningVolumeHost(KeyPair authority, String hostVersion, int threshold, Clock clock)
      throws IOException {
    this.authority = authority;
    this.threshold = threshold;
    this.clock = clock;
    this.certificate = sign(authority, hostCertificate(hostVersion));
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/v1/volume/activate",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          requests++;
          String answer;
          int status;
          if (VolumeRequest.fromJsonText(body) instanceof VolumeRequest.Parsed.Ok ok) {
            cmids.add(ok.request().cmid());
            if (cmids.size() < this.threshold) {
              VolumeRefusal r =
                  new VolumeRefusal(
                      ErrorCode.VOLUME_NOT_ENOUGH_COUNT,
                      "",
                      OptionalInt.of(cmids.size()),
                      120,
                      Optional.of(hostId()));
              answer = r.toJsonText();
              status = r.httpStatus();
            } else {
              answer = grant(ok.request()).toJsonText();
              status = 200;
            }
          } else {
            answer = "{\"code\":\"" + ErrorCode.BAD_REQUEST.hex() + "\"}";
            status = 400;
          }
          byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(status, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
  }

  static KeyPair keyPair() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  static TrustedKey trusted(KeyPair authority) {
    return new TrustedKey(
        "k1", Base64.getEncoder().encodeToString(authority.getPublic().getEncoded()));
  }

  int port() {
    return server.getAddress().getPort();
  }

  String hostId() {
    return HostId.of(Base64.getEncoder().encodeToString(hostKey.getPublic().getEncoded()));
  }

  private SignedVolumeGrant grant(VolumeRequest r) {
    Instant now = clock.instant();
    VolumeGrant g =
        new VolumeGrant(
            hostId(),
            r.product(),
            r.version(),
            r.edition(),
            r.cmid(),
            cmids.size(),
            now,
            now.plus(Duration.ofDays(180)),
            180 * 24 * 60,
            7 * 24 * 60,
            120);
    return SignedVolumeGrant.sign(g, hostKey.getPrivate(), certificate);
  }

  private ActivationCertificate hostCertificate(String version) {
    HardwareIdentity machine =
        HardwareIdentity.of(LabProfile.VMWARE_VM.newMachine(new Random(7)), "winserver");
    return new ActivationCertificate(
        "cert-host",
        "key-host",
        "HOST5",
        "winserver",
        version,
        "ServerStandard",
        Channel.VOLUME_KMS_HOST,
        machine,
        "0f1c1f7e-5a2b-4c6d-8e9f-0a1b2c3d4e5f",
        clock.instant().minusSeconds(3600),
        Optional.empty(),
        "k1",
        Optional.of(Base64.getEncoder().encodeToString(hostKey.getPublic().getEncoded())));
  }

  private static SignedCertificate sign(KeyPair key, ActivationCertificate c) {
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initSign(key.getPrivate());
      s.update(c.canonicalBytes());
      return new SignedCertificate(c, s.sign());
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
