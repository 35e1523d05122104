package dev.keyward.authority;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Malformed bodies and keys to every client endpoint: never a 5xx, never a stored activation. A
 * real issued key sits in the otherwise malformed bodies, so a request that slipped through would
 * store something.
 */
class FuzzProperties {
  private static final List<String> CLIENT = List.of("/v1/activate", "/v1/deactivate", "/v1/renew");
  private static final List<String> FIELDS =
      List.of("key", "product", "version", "edition", "components", "cmid", "clientTime");

  static Harness h;
  static String key;
  static Path dir;

  @BeforeContainer
  static void start() throws Exception {
    dir = Files.createTempDirectory("keyward-fuzz");
    h = Harness.start(dir);
    key = h.issue("2022", "ServerStandard", "VOLUME_MAK", 1000);
  }

  @AfterContainer
  static void stop() throws Exception {
    assertThat(stored()).isZero();
    h.close();
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  static int stored() {
    return h.server
        .database()
        .read(x -> x.createQuery("SELECT COUNT(*) FROM activations").mapTo(Integer.class).one());
  }

  private static void assertNoServerError(Harness.Response r) {
    assertThat(r.status()).as(r.raw().body()).isBetween(400, 499);
    assertThat(r.raw().body()).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(r.json().path("code").asText()).startsWith("0x");
  }

  @Property(tries = 150)
  void arbitraryTextBodies(@ForAll("endpoints") String path, @ForAll("junk") String body) {
    assertNoServerError(h.send("POST", path, body, "application/json", null));
  }

  @Property(tries = 250)
  void validShapesWithOneFieldBroken(
      @ForAll("endpoints") String path,
      @ForAll("fields") String field,
      @ForAll("jsonValues") Object value) {
    Map<String, Object> body =
        new LinkedHashMap<>(Harness.activation(key, "2022", "ServerStandard", Machine.random()));
    body.put(field, value);
    if (path.equals("/v1/renew")) {
      body.put("certificate", Map.of("certificateId", value == null ? "x" : value.toString()));
      body.put("signature", "AAAA");
    }
    Harness.Response r = h.send("POST", path, Harness.write(body), "application/json", null);
    assertNoServerError(r);
    assertThat(stored()).isZero();
  }

  @Property(tries = 150)
  void arbitraryKeys(@ForAll("keys") String typed) {
    Harness.Response r = h.activate(typed, "2022", "ServerStandard", Machine.random());
    assertNoServerError(r);
    assertThat(r.code()).isIn("0xC004F050", "0xC0DE0007");
  }

  @Property(tries = 150)
  void adminBodiesWithOneFieldBroken(
      @ForAll("adminPaths") String path,
      @ForAll("adminFields") String field,
      @ForAll("jsonValues") Object value) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("version", "2022");
    body.put("edition", "ServerStandard");
    body.put("channel", "VOLUME_MAK");
    body.put("reason", "fuzz");
    body.put("by", 1);
    body.put(field, value);
    Harness.Response r = h.send("POST", path, Harness.write(body), "application/json", h.token);
    assertThat(r.status()).as(r.raw().body()).isLessThan(500);
  }

  @Property(tries = 60)
  void catalogUploads(@ForAll("junk") String text) {
    Harness.Response r = h.send("PUT", "/v1/admin/catalog", text, "text/yaml", h.token);
    assertThat(r.status()).as(r.raw().body()).isBetween(400, 499);
  }

  /**
   * Chunked bodies with arbitrary framing: valid and junk chunk sizes, sizes that lie, extensions,
   * a missing last chunk, the writer half-closing early. Always a 4xx answer, never a 5xx.
   */
  @Property(tries = 120)
  void chunkedFraming(
      @ForAll("endpoints") String path,
      @ForAll("chunks") List<String> chunks,
      @ForAll boolean finish)
      throws Exception {
    StringBuilder body = new StringBuilder();
    for (String c : chunks) {
      body.append(c);
    }
    if (finish) {
      body.append("0\r\n\r\n");
    }
    int status = raw(path, "Transfer-Encoding: chunked", body.toString(), 0);
    assertThat(status).as(body.toString()).isBetween(400, 499);
    assertThat(stored()).isZero();
  }

  /**
   * Bodies that trickle in a few bytes at a time, some declaring more than they send: an answer
   * (4xx) once the body is complete or cut short, never a 5xx. Bounded: a few seconds in all.
   */
  @Property(tries = 12)
  void slowBodies(
      @ForAll("endpoints") String path,
      @ForAll("junk") String text,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 40) int extraDeclared)
      throws Exception {
    byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    String body =
        new String(
            bytes, 0, Math.min(bytes.length, 60), java.nio.charset.StandardCharsets.ISO_8859_1);
    int declared = body.length() + extraDeclared;
    int status = raw(path, "Content-Length: " + declared, body, 5);
    assertThat(status).as(body).isBetween(400, 499);
    assertThat(stored()).isZero();
  }

  /**
   * Sends headers and {@code body} on a raw socket, in pieces of up to 7 bytes {@code pauseMs}
   * apart when slow, then half-closes; the answer's status.
   */
  private static int raw(String path, String framing, String body, int pauseMs) throws Exception {
    java.net.URI uri = h.server.uri();
    try (java.net.Socket s = new java.net.Socket(uri.getHost(), uri.getPort())) {
      s.setSoTimeout(20_000);
      var out = s.getOutputStream();
      out.write(
          ("POST "
                  + path
                  + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                  + framing
                  + "\r\n\r\n")
              .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
      byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
      int step = pauseMs > 0 ? 7 : Math.max(1, bytes.length);
      try {
        for (int i = 0; i < bytes.length; i += step) {
          out.write(bytes, i, Math.min(step, bytes.length - i));
          out.flush();
          if (pauseMs > 0) {
            Thread.sleep(pauseMs); // the trickle's pace
          }
        }
        s.shutdownOutput();
      } catch (java.io.IOException e) {
        // the server answered and closed before the whole body was sent
      }
      return HttpEdgeTest.status(HttpEdgeTest.head(s.getInputStream()));
    }
  }

  @Provide
  Arbitrary<List<String>> chunks() {
    Arbitrary<String> data = Arbitraries.strings().withChars("{}[]\":,abc019 ").ofMaxLength(40);
    Arbitrary<String> honest = data.map(d -> Integer.toHexString(d.length()) + "\r\n" + d + "\r\n");
    Arbitrary<String> lying =
        Combinators.combine(Arbitraries.integers().between(0, 100), data)
            .as((n, d) -> Integer.toHexString(n) + "\r\n" + d + "\r\n");
    Arbitrary<String> junkSize =
        Combinators.combine(
                Arbitraries.of(
                    "zz", "-1", "", " ", "FFFFFFFFFFFFFFFFFF", "1;ext=\"x\"", "0x10", "\u00ff"),
                data)
            .as((size, d) -> size + "\r\n" + d + "\r\n");
    return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(6, honest),
            net.jqwik.api.Tuple.of(2, lying),
            net.jqwik.api.Tuple.of(2, junkSize))
        .list()
        .ofMaxSize(6);
  }

  @Provide
  Arbitrary<String> adminPaths() {
    return Arbitraries.of(
        "/v1/admin/keys",
        "/v1/admin/keys/" + key + "/block",
        "/v1/admin/keys/" + key + "/unblock",
        "/v1/admin/keys/" + key + "/extend",
        "/v1/admin/keys/" + key + "/release",
        "/v1/admin/keys/BCDFG-HJKMP/extend");
  }

  @Provide
  Arbitrary<String> adminFields() {
    return Arbitraries.of(
        "version", "edition", "channel", "reason", "by", "count", "pool", "product");
  }

  @Provide
  Arbitrary<String> endpoints() {
    return Arbitraries.of(CLIENT);
  }

  @Provide
  Arbitrary<String> fields() {
    return Arbitraries.of(FIELDS);
  }

  @Provide
  Arbitrary<String> junk() {
    Arbitrary<String> any = Arbitraries.strings().ofMaxLength(300);
    Arbitrary<String> jsonish =
        Arbitraries.strings().withChars("{}[]\":,0123456789.eE-+truefalsnl \\u").ofMaxLength(200);
    Arbitrary<String> deep =
        Arbitraries.integers().between(1, 5000).map(n -> "[".repeat(n) + "]".repeat(n));
    Arbitrary<String> numbers =
        Arbitraries.of("1e999999", "-0", "123456789012345678901234567890123456789012345", "NaN");
    return Arbitraries.oneOf(any, jsonish, deep, numbers, Arbitraries.just(""));
  }

  @Provide
  Arbitrary<Object> jsonValues() {
    Arbitrary<Object> scalars =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(60).map(s -> (Object) s),
            Arbitraries.strings().ofMinLength(3000).ofMaxLength(5000).map(s -> (Object) s),
            Arbitraries.integers().map(i -> (Object) i),
            Arbitraries.longs().map(l -> (Object) l),
            Arbitraries.doubles().map(d -> (Object) d),
            Arbitraries.of(true, false).map(b -> (Object) b),
            Arbitraries.just(null));
    Arbitrary<Object> lists = scalars.list().ofMaxSize(4).map(l -> (Object) l);
    Arbitrary<Object> maps =
        Combinators.combine(Arbitraries.of("uuid", "nic", "x", ""), scalars)
            .as((k, v) -> (Object) java.util.Collections.singletonMap(k, v));
    return Arbitraries.oneOf(scalars, lists, maps);
  }

  @Provide
  Arbitrary<String> keys() {
    Arbitrary<String> alphabet =
        Arbitraries.strings().withChars("BCDFGHJKMPQRTVWXY2346789-").ofMinLength(0).ofMaxLength(40);
    Arbitrary<String> typos =
        Arbitraries.integers()
            .between(0, 28)
            .flatMap(
                i ->
                    Arbitraries.chars()
                        .map(
                            c -> {
                              String k = key;
                              int at = Math.min(i, k.length() - 1);
                              return k.substring(0, at) + c + k.substring(at + 1);
                            }));
    // Anything but the real key itself, in whatever form it normalises from.
    return Arbitraries.oneOf(alphabet, typos, Arbitraries.strings().ofMaxLength(250))
        .filter(FuzzProperties::notTheRealKey);
  }

  private static boolean notTheRealKey(String typed) {
    return !(dev.keyward.core.key.ProductKeyCodec.decode(typed, g -> true)
            instanceof dev.keyward.core.key.KeyDecoding.Decoded d
        && d.key().display().equals(key));
  }
}
