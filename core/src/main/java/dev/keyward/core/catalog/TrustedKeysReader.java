package dev.keyward.core.catalog;

import static dev.keyward.core.yaml.YamlSource.join;

import dev.keyward.core.phone.PhoneKeyDecoding;
import dev.keyward.core.phone.PhonePublicKey;
import dev.keyward.core.yaml.YamlSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;

/** The {@code trustedKeys} (Ed25519) and {@code trustedPhoneKeys} (P-256) a product pins. */
final class TrustedKeysReader {
  private final YamlSource src;

  TrustedKeysReader(YamlSource src) {
    this.src = src;
  }

  List<TrustedKey> readTrustedKeys(MappingNode m, String path) {
    String field = join(path, "trustedKeys");
    List<Node> items =
        src.field(m, "trustedKeys").map(n -> src.sequence(n, field)).orElse(List.of());
    List<TrustedKey> keys = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String p = field + "[" + i + "]";
      src.mapping(items.get(i), p)
          .ifPresent(
              k -> {
                src.rejectUnknown(k, p, List.of("id", "ed25519"));
                Optional<String> id = src.requiredString(k, p, "id");
                Optional<String> key = src.requiredString(k, p, "ed25519");
                if (id.isPresent() && key.isPresent()) {
                  keys.add(new TrustedKey(id.get(), key.get()));
                }
              });
    }
    return keys;
  }

  /**
   * {@code trustedPhoneKeys: [{index: 0, p256: BASE64}]}: each a point of P-256, indexes unique.
   */
  List<TrustedPhoneKey> readTrustedPhoneKeys(MappingNode m, String path) {
    String field = join(path, "trustedPhoneKeys");
    List<Node> items =
        src.field(m, "trustedPhoneKeys").map(n -> src.sequence(n, field)).orElse(List.of());
    List<TrustedPhoneKey> keys = new ArrayList<>();
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < items.size(); i++) {
      String p = field + "[" + i + "]";
      src.mapping(items.get(i), p)
          .ifPresent(
              k -> {
                src.rejectUnknown(k, p, List.of("index", "p256"));
                Optional<Integer> index =
                    src.requiredInteger(k, p, "index", 0, TrustedPhoneKey.MAX_INDEX);
                Optional<String> key = src.requiredString(k, p, "p256");
                if (index.isEmpty() || key.isEmpty()) {
                  return;
                }
                if (!seen.add(index.get())) {
                  src.problem(k, join(p, "index"), "index " + index.get() + " is listed twice");
                  return;
                }
                if (PhonePublicKey.decode(key.get())
                    instanceof PhoneKeyDecoding.Invalid<PhonePublicKey> invalid) {
                  src.problem(k, join(p, "p256"), invalid.reason());
                  return;
                }
                keys.add(new TrustedPhoneKey(index.get(), key.get().strip()));
              });
    }
    return keys;
  }
}
