package dev.keyward.benchmarks.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyward.core.catalog.TrustedKey;
import dev.keyward.core.cert.CertificateCheck;
import dev.keyward.core.cert.CertificateVerifier;
import dev.keyward.core.cert.SignedCertificate;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The checks of {@code scale/cluster-test.sh} after the load: every certificate a client received
 * is stored exactly as received and verifies with the keys the cluster publishes; every key's pool
 * count equals its stored activations; the MAK raced across the nodes has exactly its pool size of
 * activations; and as many activations are stored as machines got a certificate (none lost, none
 * extra). Prints one line per check and exits 1 if any fails.
 */
public final class ClusterCheck {
  private static final ObjectMapper JSON = new ObjectMapper();
  private int failed;

  public static void main(String[] args) throws Exception {
    Map<String, String> o = ClusterLoad.options(args);
    ClusterCheck c = new ClusterCheck();
    c.run(
        o.get("jdbc"),
        URI.create(o.get("url")),
        Path.of(o.get("certs")),
        o.get("mak-id"),
        Integer.parseInt(o.get("mak-pool")));
    System.exit(c.failed == 0 ? 0 : 1);
  }

  private void check(boolean ok, String what) {
    System.out.println((ok ? "ok   " : "FAIL ") + what);
    if (!ok) {
      failed++;
    }
  }

  private void run(String jdbc, URI url, Path certs, String makId, int makPool) throws Exception {
    List<TrustedKey> trusted = trust(url);
    CertificateVerifier verifier = new CertificateVerifier(trusted);
    List<JsonNode> received = new ArrayList<>();
    for (String line : Files.readAllLines(certs, StandardCharsets.UTF_8)) {
      JsonNode n = JSON.readTree(line);
      if (n.has("response")) {
        received.add(n.path("response"));
      }
    }
    try (Connection db = DriverManager.getConnection(jdbc)) {
      int stored = 0;
      int verified = 0;
      try (PreparedStatement ps =
          db.prepareStatement("SELECT signed FROM certificates WHERE id = ?")) {
        for (JsonNode r : received) {
          ObjectNode got = r.deepCopy();
          got.remove("reissued");
          ps.setString(1, got.path("certificate").path("certificateId").asText());
          try (ResultSet rs = ps.executeQuery()) {
            if (rs.next() && JSON.readTree(rs.getString(1)).equals(got)) {
              stored++;
            }
          }
          @SuppressWarnings("unchecked")
          Map<String, Object> map = JSON.convertValue(got, Map.class);
          if (SignedCertificate.fromJson(map).map(verifier::verify).orElse(null)
              instanceof CertificateCheck.Valid) {
            verified++;
          }
        }
      }
      check(
          stored == received.size(),
          "certificates received by clients and stored exactly so: "
              + stored
              + "/"
              + received.size());
      check(
          verified == received.size(),
          "certificates that verify with the cluster's published keys: "
              + verified
              + "/"
              + received.size());
      long activations = one(db, "SELECT COUNT(*) FROM activations");
      check(
          activations == received.size(),
          "activations stored ("
              + activations
              + ") = machines that received a certificate ("
              + received.size()
              + ")");
      long wrongPools =
          one(
              db,
              "SELECT COUNT(*) FROM product_keys k WHERE k.pool_used <> (SELECT COUNT(*) FROM"
                  + " activations a WHERE a.key_id = k.id AND a.spent AND a.active)");
      check(wrongPools == 0, "keys whose pool count differs from their activations: " + wrongPools);
      long makUsed = one(db, "SELECT pool_used FROM product_keys WHERE id = '" + makId + "'");
      long makActivations =
          one(db, "SELECT COUNT(*) FROM activations WHERE key_id = '" + makId + "' AND spent");
      check(
          makUsed == makPool && makActivations == makPool,
          "MAK raced across the nodes: pool "
              + makPool
              + ", used "
              + makUsed
              + ", activations "
              + makActivations);
      long gaps =
          one(
              db,
              "SELECT COUNT(*) FROM (SELECT seq, LAG(seq) OVER (ORDER BY seq) AS prev FROM"
                  + " audit_log) s WHERE prev IS NOT NULL AND seq <> prev + 1");
      long linkBreaks =
          one(
              db,
              "SELECT COUNT(*) FROM (SELECT prev_hash, LAG(hash) OVER (ORDER BY seq) AS before"
                  + " FROM audit_log) s WHERE before IS NOT NULL AND prev_hash <> before");
      check(
          gaps == 0 && linkBreaks == 0,
          "audit chain in the database: one sequence, every entry linked to the one before ("
              + one(db, "SELECT COUNT(*) FROM audit_log")
              + " entries)");
    }
  }

  private static long one(Connection db, String sql) throws Exception {
    try (PreparedStatement ps = db.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getLong(1) : -1;
    }
  }

  private static List<TrustedKey> trust(URI url) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(url.resolve("/v1/trust"))
                    .timeout(Duration.ofSeconds(10))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    List<TrustedKey> keys = new ArrayList<>();
    for (JsonNode k : JSON.readTree(r.body()).path("keys")) {
      keys.add(new TrustedKey(k.path("id").asText(), k.path("ed25519").asText()));
    }
    return keys;
  }
}
