package dev.keyward.core.phone;

import dev.keyward.core.catalog.TrustedKey;
import dev.keyward.core.cert.CertificateVerifier;
import dev.keyward.core.error.ErrorCatalogue;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import dev.keyward.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A proxy activation response file (SPEC §10): the authority's answer to a {@link ProxyRequest},
 * one answer per entry, in the same order: a confirmation ID, or the refusal with its catalogue
 * code. Each machine applies its own answer ({@code keyward proxy apply FILE}). JSON:
 *
 * <pre>{@code
 * {"format": "keyward-proxy-response/1", "answeredAt": "2026-…Z",
 *  "entries": [{"label", "product", "iid", "cid": "…", "reissued": false},
 *              {"label", "product", "iid", "error": {"code", "name", "message", "remedy"}}],
 *  "signature": {"keyId": "k-…", "ed25519": "<base64>"}}
 * }</pre>
 *
 * <p>Two layers of proof. Each confirmation ID is signed for its installation ID with the
 * authority's phone key, and the machine checks it with the public key alone, so a response cannot
 * activate a machine it was not made for, whatever is done to the file. The whole file is also
 * signed with the authority's certificate key (Ed25519 over {@link #canonicalBytes()}), so that an
 * altered file (an answer swapped, an error added, an entry removed) is noticed as such.
 *
 * @param answeredAt when the authority answered
 * @param entries one answer per request entry
 * @param signature the authority's Ed25519 signature of the rest, when signed
 */
public record ProxyResponse(
    Instant answeredAt, List<Answer> entries, Optional<FileSignature> signature) {
  public static final String FORMAT = "keyward-proxy-response/1";

  public ProxyResponse {
    Objects.requireNonNull(answeredAt, "answeredAt");
    entries = List.copyOf(entries);
    Objects.requireNonNull(signature, "signature");
  }

  /**
   * The answer to one request entry.
   *
   * @param cid the confirmation ID, when granted
   * @param reissued the machine already held this activation: nothing was spent
   * @param error the refusal, when not granted
   */
  public record Answer(
      String label,
      String product,
      String iid,
      Optional<String> cid,
      boolean reissued,
      Optional<Failure> error) {
    public Answer {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(product, "product");
      Objects.requireNonNull(iid, "iid");
      Objects.requireNonNull(cid, "cid");
      Objects.requireNonNull(error, "error");
      if (cid.isPresent() == error.isPresent()) {
        throw new IllegalArgumentException("an answer has a confirmation ID or an error");
      }
    }

    public static Answer confirmed(ProxyRequest.Entry e, String cid, boolean reissued) {
      return new Answer(
          e.label(), e.product(), e.iid(), Optional.of(cid), reissued, Optional.empty());
    }

    public static Answer refused(ProxyRequest.Entry e, Failure failure) {
      return new Answer(
          e.label(), e.product(), e.iid(), Optional.empty(), false, Optional.of(failure));
    }

    Map<String, Object> toJson() {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("label", label);
      json.put("product", product);
      json.put("iid", iid);
      cid.ifPresent(c -> json.put("cid", c));
      if (cid.isPresent()) {
        json.put("reissued", reissued);
      }
      error.ifPresent(
          f -> {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("code", f.error().hex());
            e.put("name", f.error().symbolicName());
            e.put("message", f.message());
            e.put("remedy", f.remedy());
            json.put("error", e);
          });
      return json;
    }
  }

  /**
   * @param keyId the authority certificate key that signed ({@code k-…}, as in trust.json)
   * @param ed25519 the signature, base64
   */
  public record FileSignature(String keyId, String ed25519) {
    public FileSignature {
      Objects.requireNonNull(keyId, "keyId");
      Objects.requireNonNull(ed25519, "ed25519");
    }
  }

  /** The same response, signed. */
  public ProxyResponse signed(FileSignature signature) {
    return new ProxyResponse(answeredAt, entries, Optional.of(signature));
  }

  /** What the file signature covers: the canonical JSON of everything but the signature. */
  public byte[] canonicalBytes() {
    return Json.write(body()).getBytes(StandardCharsets.UTF_8);
  }

  private Map<String, Object> body() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("format", FORMAT);
    json.put("answeredAt", answeredAt.toString());
    json.put("entries", entries.stream().map(Answer::toJson).toList());
    return json;
  }

  /** The file's text: canonical JSON and a newline. */
  public String write() {
    Map<String, Object> json = body();
    signature.ifPresent(
        s -> {
          Map<String, Object> sig = new LinkedHashMap<>();
          sig.put("keyId", s.keyId());
          sig.put("ed25519", s.ed25519());
          json.put("signature", sig);
        });
    return Json.write(json) + "\n";
  }

  /** The answer for {@code iid}, if the file has one. */
  public Optional<Answer> answerFor(InstallationId iid) {
    return entries.stream().filter(a -> ProxyRequest.sameIid(a.iid(), iid.text())).findFirst();
  }

  /** What checking the file signature found. */
  public sealed interface SignatureCheck {
    /** The file carries no signature. */
    record Unsigned() implements SignatureCheck {}

    /** Signed by a key that is not among the trusted ones: it cannot be checked here. */
    record UnknownKey(String keyId) implements SignatureCheck {}

    /** Signed by this trusted key, and the content is what it signed. */
    record Valid(String keyId) implements SignatureCheck {}

    /** Signed by a trusted key, but the content was changed since (0xC0DE0009). */
    record Invalid(Failure failure) implements SignatureCheck {}
  }

  /** Checks the file signature against the authority's trusted certificate keys. */
  public SignatureCheck checkSignature(List<TrustedKey> trusted) {
    if (signature.isEmpty()) {
      return new SignatureCheck.Unsigned();
    }
    FileSignature s = signature.get();
    Optional<TrustedKey> key = trusted.stream().filter(k -> k.id().equals(s.keyId())).findFirst();
    if (key.isEmpty()) {
      return new SignatureCheck.UnknownKey(s.keyId());
    }
    try {
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(CertificateVerifier.publicKey(key.get()));
      verifier.update(canonicalBytes());
      if (verifier.verify(Base64.getDecoder().decode(s.ed25519()))) {
        return new SignatureCheck.Valid(s.keyId());
      }
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      // a signature that cannot even be read is as bad as a wrong one
    }
    return new SignatureCheck.Invalid(
        Failure.of(
            ErrorCode.INPUT_FILE_INVALID,
            "The proxy activation response file was changed after the authority signed it (key "
                + s.keyId()
                + "): its content no longer matches its signature. Use the file as the authority"
                + " wrote it, or have the request answered again."));
  }

  /** Reads a response file; a malformed file is not used at all. */
  public static ProxyFileReading<ProxyResponse> read(String text) {
    Optional<Map<String, Object>> json = Json.readObject(text);
    if (json.isEmpty()) {
      return invalid("it is not a JSON object");
    }
    Map<String, Object> m = json.get();
    if (!FORMAT.equals(m.get("format"))) {
      return invalid(
          "its \"format\" is "
              + ProxyRequest.describe(m.get("format"))
              + ", not \""
              + FORMAT
              + "\" (a request file that was not answered yet?)");
    }
    Instant answeredAt;
    try {
      answeredAt =
          Instant.parse(ProxyRequest.text(m, "answeredAt").orElseThrow(IllegalStateException::new));
    } catch (DateTimeParseException | IllegalStateException e) {
      return invalid("\"answeredAt\" is not an ISO-8601 instant");
    }
    if (!(m.get("entries") instanceof List<?> list)) {
      return invalid("it has no \"entries\" list");
    }
    List<Answer> answers = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String where = "entry " + (i + 1);
      if (!(list.get(i) instanceof Map<?, ?> e)) {
        return invalid(where + " is not an object");
      }
      Optional<String> label = ProxyRequest.text(e, "label");
      Optional<String> product = ProxyRequest.text(e, "product");
      Optional<String> iid = ProxyRequest.text(e, "iid");
      if (label.isEmpty() || product.isEmpty() || iid.isEmpty()) {
        return invalid(where + " needs \"label\", \"product\" and \"iid\" as text");
      }
      Optional<String> cid = ProxyRequest.text(e, "cid");
      Optional<Failure> error = Optional.empty();
      if (e.get("error") instanceof Map<?, ?> err) {
        Optional<ErrorCode> code =
            err.get("code") instanceof String c ? ErrorCatalogue.lookup(c) : Optional.empty();
        if (code.isEmpty()) {
          return invalid(where + ": its error has no known \"code\"");
        }
        String message = err.get("message") instanceof String s ? s : "";
        error = Optional.of(Failure.of(code.get(), message));
      }
      if (cid.isPresent() == error.isPresent()) {
        return invalid(where + " needs either a \"cid\" or an \"error\"");
      }
      answers.add(
          new Answer(
              label.get(),
              product.get(),
              iid.get(),
              cid,
              Boolean.TRUE.equals(e.get("reissued")),
              error));
    }
    Optional<FileSignature> signature = Optional.empty();
    if (m.get("signature") instanceof Map<?, ?> s) {
      Optional<String> keyId = ProxyRequest.text(s, "keyId");
      Optional<String> sig = ProxyRequest.text(s, "ed25519");
      if (keyId.isEmpty() || sig.isEmpty()) {
        return invalid("its \"signature\" needs \"keyId\" and \"ed25519\"");
      }
      signature = Optional.of(new FileSignature(keyId.get(), sig.get()));
    } else if (m.get("signature") != null) {
      return invalid("its \"signature\" is not an object");
    }
    return new ProxyFileReading.Read<>(new ProxyResponse(answeredAt, answers, signature));
  }

  private static <T> ProxyFileReading<T> invalid(String detail) {
    return new ProxyFileReading.Invalid<>(
        Failure.of(
            ErrorCode.INPUT_FILE_INVALID,
            "This is not a proxy activation response file: "
                + detail
                + ". Apply the file keyward admin proxy answer wrote, unchanged."));
  }
}
