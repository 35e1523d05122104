package dev.keyward.core.protocol;

import dev.keyward.core.json.Json;
import dev.keyward.core.phone.ProxyFileReading;
import dev.keyward.core.phone.ProxyRequest;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of {@code POST /v1/admin/proxy}: answer this proxy activation request file, and why
 * (audited with every entry). The file is core's {@link ProxyRequest}, with its own reader and
 * writer; the answer is core's {@link dev.keyward.core.phone.ProxyResponse}, written as it is.
 */
public record ProxyAnswerRequest(String reason, ProxyRequest request) {

  public Map<String, Object> toMap() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("reason", reason);
    json.put("request", Json.readObject(request.write()).orElseThrow());
    return json;
  }

  /** Reads a body; a request file that is not one is Bad with the file's own failure. */
  public static Parsed<ProxyAnswerRequest> parse(Map<?, ?> json) {
    WireFields b = WireFields.of(json);
    return Parsed.read(
        () -> {
          String reason = b.text("reason").strip();
          Map<?, ?> file = b.object("request");
          return switch (ProxyRequest.read(file)) {
            case ProxyFileReading.Read<ProxyRequest> r -> new ProxyAnswerRequest(reason, r.file());
            case ProxyFileReading.Invalid<ProxyRequest> i ->
                throw new WireFields.BadField("request", i.failure());
          };
        });
  }
}
