package dev.keyward.cli;

import com.sun.net.httpserver.HttpServer;
import dev.keyward.core.catalog.Channel;
import dev.keyward.core.cert.ActivationCertificate;
import dev.keyward.core.cert.SignedCertificate;
import dev.keyward.core.hardware.HardwareIdentity;
import dev.keyward.core.volume.HostId;
import dev.keyward.core.volume.SignedVolumeGrant;
import dev.keyward.core.volume.VolumeGrant;
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
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Random;

/**
 * A host the authority never activated: it made its own "authority" key, certified its own host key
 * with it, and grants every request at once (no threshold), as a rogue KMS emulator would.
 */
final class RogueVolumeHost implements AutoCloseable {
  private final HttpServer server;

  RogueVolumeHost() throws IOException, GeneralSecurityException {
    KeyPairGenerator gen = KeyPairGenerator.getInstance("Ed25519");
    KeyPair selfMadeAuthority = gen.generateKeyPair();
    KeyPair hostKey = gen.generateKeyPair();
    String hostPublic = Base64.getEncoder().encodeToString(hostKey.getPublic().getEncoded());
    ActivationCertificate cert =
        new ActivationCertificate(
            "cert-rogue",
            "key-rogue",
            "ROGUE",
            "winserver",
            "2025",
            "ServerStandard",
            Channel.VOLUME_KMS_HOST,
            HardwareIdentity.of(LabProfile.VMWARE_VM.newMachine(new Random(9)), "winserver"),
            "0f1c1f7e-5a2b-4c6d-8e9f-0a1b2c3d4e5f",
            Instant.now().minusSeconds(60),
            Optional.empty(),
            "k1",
            Optional.of(hostPublic));
    Signature s = Signature.getInstance("Ed25519");
    s.initSign(selfMadeAuthority.getPrivate());
    s.update(cert.canonicalBytes());
    SignedCertificate signed = new SignedCertificate(cert, s.sign());
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/v1/volume/activate",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          byte[] answer = new byte[0];
          int status = 400;
          if (VolumeRequest.fromJsonText(body) instanceof VolumeRequest.Parsed.Ok ok) {
            VolumeRequest r = ok.request();
            Instant now = Instant.now();
            VolumeGrant g =
                new VolumeGrant(
                    HostId.of(hostPublic),
                    r.product(),
                    r.version(),
                    r.edition(),
                    r.cmid(),
                    50,
                    now,
                    now.plus(Duration.ofDays(180)),
                    180 * 24 * 60,
                    7 * 24 * 60,
                    120);
            answer =
                SignedVolumeGrant.sign(g, hostKey.getPrivate(), signed)
                    .toJsonText()
                    .getBytes(StandardCharsets.UTF_8);
            status = 200;
          }
          exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
          }
        });
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
