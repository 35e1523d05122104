package dev.keyward.core.vmhost;

import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import dev.keyward.core.json.Json;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The host agent's answer on the channel: a signed grant, or a refusal with its catalogue code and
 * reason ({@code {"error": {"code": "0xC0DE0039", "message": "..."}}}).
 */
public sealed interface VmAgentAnswer {
  record Granted(SignedVmGrant grant) implements VmAgentAnswer {}

  record Refused(Failure failure) implements VmAgentAnswer {}

  default String toJsonText() {
    return switch (this) {
      case Granted g -> g.grant().toJsonText();
      case Refused r -> {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", r.failure().error().hex());
        error.put("message", r.failure().message());
        yield Json.write(Map.of("error", error));
      }
    };
  }

  /** Reads an answer; empty when it is neither a readable grant nor a refusal with a known code. */
  static Optional<VmAgentAnswer> fromJsonText(String text) {
    Optional<Map<String, Object>> json = Json.readObject(text);
    if (json.isEmpty()) {
      return Optional.empty();
    }
    if (json.get().get("error") instanceof Map<?, ?> error) {
      if (!(error.get("code") instanceof String code)
          || !(error.get("message") instanceof String message)) {
        return Optional.empty();
      }
      return Arrays.stream(ErrorCode.values())
          .filter(e -> e.hex().equalsIgnoreCase(code))
          .findFirst()
          .map(e -> new Refused(Failure.of(e, message)));
    }
    return SignedVmGrant.fromJson(json.get()).map(Granted::new);
  }
}
