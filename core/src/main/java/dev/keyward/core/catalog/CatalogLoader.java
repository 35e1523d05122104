package dev.keyward.core.catalog;

import static dev.keyward.core.yaml.YamlSource.join;

import dev.keyward.core.hardware.TolerancePolicy;
import dev.keyward.core.yaml.SourceProblem;
import dev.keyward.core.yaml.YamlSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads a catalog file (SPEC §2) and checks it whole: every mistake is reported with file, line and
 * field, so a vendor fixes a catalog in one pass instead of one error per run.
 */
public final class CatalogLoader {
  private static final String BUILTIN_PREFIX = "builtin:";
  private static final List<String> PRODUCT_FIELDS =
      List.of(
          "id",
          "name",
          "family",
          "versions",
          "editions",
          "channels",
          "keyGroups",
          "volumeClientKeys",
          "hardware",
          "volume",
          "grace",
          "activationUrl",
          "trustedKeys",
          "trustedPhoneKeys");

  private final YamlSource src;
  private final EditionsReader editionsReader;
  private final ChannelsReader channelsReader;
  // one for the whole catalog: group numbers are checked across products
  private final KeyGroupsReader keyGroupsReader;
  private final VolumeClientKeysReader volumeClientKeysReader;
  private final PoliciesReader policiesReader;
  private final TrustedKeysReader trustedKeysReader;

  private CatalogLoader(YamlSource src) {
    this.src = src;
    this.editionsReader = new EditionsReader(src);
    this.channelsReader = new ChannelsReader(src);
    this.keyGroupsReader = new KeyGroupsReader(src);
    this.volumeClientKeysReader = new VolumeClientKeysReader(src);
    this.policiesReader = new PoliciesReader(src);
    this.trustedKeysReader = new TrustedKeysReader(src);
  }

  /** Reads a catalog from text; {@code file} names it in problems. */
  public static CatalogLoad load(String text, String file) {
    return load(YamlSource.parse(text, file), file);
  }

  private static CatalogLoad load(YamlSource src, String file) {
    CatalogLoader loader = new CatalogLoader(src);
    List<Product> products = loader.readRoot();
    if (src.hasProblems()) {
      return new CatalogLoad.Invalid(src.problems());
    }
    return new CatalogLoad.Loaded(new Catalog(file, products));
  }

  /** Reads a built-in catalog ({@code builtin:winserver} or just {@code winserver}). */
  public static CatalogLoad builtin(String name) {
    String bare = name.startsWith(BUILTIN_PREFIX) ? name.substring(BUILTIN_PREFIX.length()) : name;
    if (!bare.matches("[a-z0-9-]+")) {
      return unknownBuiltin(name);
    }
    try (InputStream in = CatalogLoader.class.getResourceAsStream(bare + ".yaml")) {
      if (in == null) {
        return unknownBuiltin(name);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      CatalogLoad quick =
          load(YamlSource.parseBuiltIn(text, BUILTIN_PREFIX + bare), BUILTIN_PREFIX + bare);
      // a problem found by the cross checks of a quick read is reported with its line, too
      return quick instanceof CatalogLoad.Invalid ? load(text, BUILTIN_PREFIX + bare) : quick;
    } catch (IOException e) {
      throw new UncheckedIOException("built-in catalog " + bare + " cannot be read", e);
    }
  }

  /** The built-in Windows Server model; it is part of the build, so it is always valid. */
  public static Catalog winserver() {
    return switch (builtin("winserver")) {
      case CatalogLoad.Loaded loaded -> loaded.catalog();
      case CatalogLoad.Invalid invalid ->
          throw new IllegalStateException("built-in catalog is invalid: " + invalid.problems());
    };
  }

  private static CatalogLoad unknownBuiltin(String name) {
    return new CatalogLoad.Invalid(
        List.of(
            new SourceProblem(
                name, 0, "", "no such built-in catalog (built-in: builtin:winserver)")));
  }

  private List<Product> readRoot() {
    List<Product> products = new ArrayList<>();
    Optional<MappingNode> root = src.rootMapping("");
    if (root.isEmpty()) {
      return products;
    }
    src.rejectUnknown(root.get(), "", List.of("products"));
    List<Node> items =
        src.required(root.get(), "", "products")
            .map(n -> src.sequence(n, "products"))
            .orElse(List.of());
    if (items.isEmpty() && !src.hasProblems()) {
      src.problem(root.get(), "products", "a catalog declares at least one product");
    }
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < items.size(); i++) {
      String path = "products[" + i + "]";
      Node item = items.get(i);
      readProduct(item, path)
          .ifPresent(
              p -> {
                if (!ids.add(p.id())) {
                  src.problem(item, join(path, "id"), "product '" + p.id() + "' is declared twice");
                }
                products.add(p);
              });
    }
    return products;
  }

  private Optional<Product> readProduct(Node node, String path) {
    Optional<MappingNode> mapping = src.mapping(node, path);
    if (mapping.isEmpty()) {
      return Optional.empty();
    }
    MappingNode m = mapping.get();
    src.rejectUnknown(m, path, PRODUCT_FIELDS);
    Optional<String> id = src.requiredString(m, path, "id");
    String name = src.optionalString(m, path, "name").orElse(id.orElse(""));
    Optional<Family> family =
        src.requiredValue(m, path, "family", Family::byName, unknownValue("server, client"));
    List<String> versions = editionsReader.readVersions(m, path);
    List<Edition> editions = editionsReader.readEditions(m, path);
    Map<Channel, ChannelPolicy> channels = channelsReader.readChannels(m, path);
    String productId = id.orElse("?");
    List<KeyGroup> groups =
        keyGroupsReader.readKeyGroups(m, path, productId, versions, editions, channels);
    List<VolumeClientKey> clientKeys =
        volumeClientKeysReader.readVolumeClientKeys(m, path, versions, editions, groups);
    TolerancePolicy hardware = policiesReader.readHardware(m, path);
    VolumePolicy volume = policiesReader.readVolume(m, path, family.orElse(Family.SERVER));
    GracePolicy grace = policiesReader.readGrace(m, path);
    Optional<String> activationUrl = src.optionalString(m, path, "activationUrl");
    List<TrustedKey> trusted = trustedKeysReader.readTrustedKeys(m, path);
    List<TrustedPhoneKey> phoneKeys = trustedKeysReader.readTrustedPhoneKeys(m, path);
    if (id.isEmpty() || family.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Product(
            productId,
            name,
            family.get(),
            versions,
            editions,
            channels,
            groups,
            clientKeys,
            hardware,
            volume,
            grace,
            activationUrl,
            trusted,
            phoneKeys));
  }

  /** The problem text of a value outside its set: {@code expected} lists the set. */
  static Function<String, String> unknownValue(String expected) {
    return text -> "unknown value '" + text + "' (expected one of " + expected + ")";
  }
}
