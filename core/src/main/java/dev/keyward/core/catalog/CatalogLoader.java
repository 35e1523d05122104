package dev.keyward.core.catalog;

import static dev.keyward.core.yaml.YamlSource.join;

import dev.keyward.core.hardware.Component;
import dev.keyward.core.hardware.TolerancePolicy;
import dev.keyward.core.hardware.TolerancePolicyCheck;
import dev.keyward.core.key.KeyDecoding;
import dev.keyward.core.key.ProductKeyCodec;
import dev.keyward.core.phone.PhoneKeyDecoding;
import dev.keyward.core.phone.PhonePublicKey;
import dev.keyward.core.time.DurationText;
import dev.keyward.core.yaml.SourceProblem;
import dev.keyward.core.yaml.YamlSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

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
  // Across products: a key's group number alone must name one group of the whole catalog.
  private final Map<Integer, String> groupOwners = new HashMap<>();

  private CatalogLoader(YamlSource src) {
    this.src = src;
  }

  /** Reads a catalog from text; {@code file} names it in problems. */
  public static CatalogLoad load(String text, String file) {
    YamlSource src = YamlSource.parse(text, file);
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
      return load(new String(in.readAllBytes(), StandardCharsets.UTF_8), BUILTIN_PREFIX + bare);
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
    List<String> versions = readVersions(m, path);
    List<Edition> editions = readEditions(m, path);
    Map<Channel, ChannelPolicy> channels = readChannels(m, path);
    String productId = id.orElse("?");
    List<KeyGroup> groups = readKeyGroups(m, path, productId, versions, editions, channels);
    List<VolumeClientKey> clientKeys = readVolumeClientKeys(m, path, versions, editions, groups);
    TolerancePolicy hardware = readHardware(m, path);
    VolumePolicy volume = readVolume(m, path, family.orElse(Family.SERVER));
    GracePolicy grace = readGrace(m, path);
    Optional<String> activationUrl = src.optionalString(m, path, "activationUrl");
    List<TrustedKey> trusted = readTrustedKeys(m, path);
    List<TrustedPhoneKey> phoneKeys = readTrustedPhoneKeys(m, path);
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

  private static Function<String, String> unknownValue(String expected) {
    return text -> "unknown value '" + text + "' (expected one of " + expected + ")";
  }

  private List<String> readVersions(MappingNode m, String path) {
    String field = join(path, "versions");
    Optional<Node> node = src.required(m, path, "versions");
    if (node.isEmpty()) {
      return List.of();
    }
    List<String> versions = src.strings(node.get(), field);
    if (versions.isEmpty()) {
      src.problem(node.get(), field, "a product has at least one version");
    }
    for (int i = 1; i < versions.size(); i++) {
      String before = versions.get(i - 1);
      String after = versions.get(i);
      if (VersionOrder.INSTANCE.compare(before, after) >= 0) {
        src.problem(
            node.get(),
            field,
            "versions must be listed oldest first, each once: '"
                + after
                + "' comes after '"
                + before
                + "'");
      }
    }
    return versions;
  }

  private List<Edition> readEditions(MappingNode m, String path) {
    String field = join(path, "editions");
    List<Node> items =
        src.required(m, path, "editions").map(n -> src.sequence(n, field)).orElse(List.of());
    List<Edition> editions = new ArrayList<>();
    Map<String, Node> targetNodes = new LinkedHashMap<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < items.size(); i++) {
      String p = field + "[" + i + "]";
      Optional<MappingNode> em = src.mapping(items.get(i), p);
      if (em.isEmpty()) {
        continue;
      }
      MappingNode e = em.get();
      src.rejectUnknown(e, p, List.of("id", "tier", "installType", "evaluation", "targets"));
      Optional<String> id = src.requiredString(e, p, "id");
      Optional<String> tier = src.requiredString(e, p, "tier");
      Optional<InstallType> type =
          src.requiredValue(
              e, p, "installType", InstallType::byName, unknownValue("desktop, core"));
      int evaluation = src.optionalInteger(e, p, "evaluation", 0, 3650).orElse(0);
      List<String> targets =
          src.field(e, "targets").map(n -> src.strings(n, join(p, "targets"))).orElse(List.of());
      if (id.isPresent() && !ids.add(id.get())) {
        src.problem(e, join(p, "id"), "edition '" + id.get() + "' is declared twice");
      }
      if (id.isPresent() && tier.isPresent() && type.isPresent()) {
        editions.add(new Edition(id.get(), tier.get(), type.get(), evaluation, targets));
        src.field(e, "targets").ifPresent(n -> targetNodes.put(id.get(), n));
      }
    }
    checkTargets(editions, targetNodes, field);
    return editions;
  }

  private void checkTargets(List<Edition> editions, Map<String, Node> targetNodes, String field) {
    Map<String, Edition> byId = new HashMap<>();
    editions.forEach(e -> byId.put(e.id(), e));
    for (int i = 0; i < editions.size(); i++) {
      Edition from = editions.get(i);
      Node node = targetNodes.get(from.id());
      String p = field + "[" + i + "].targets";
      Set<String> seen = new HashSet<>();
      for (String target : from.targets()) {
        Edition to = byId.get(target);
        if (to == null) {
          src.problem(
              node,
              p,
              "unknown edition '"
                  + target
                  + "' (declared: "
                  + String.join(", ", byId.keySet().stream().sorted().toList())
                  + ")");
        } else if (to.id().equals(from.id())) {
          src.problem(node, p, "an edition cannot be converted to itself");
        } else if (to.installType() != from.installType()) {
          src.problem(
              node,
              p,
              "'"
                  + from.id()
                  + "' ("
                  + from.installType().yamlName()
                  + ") cannot convert to '"
                  + target
                  + "' ("
                  + to.installType().yamlName()
                  + "): desktop and core installations never convert into each other");
        } else if (to.isEvaluation()) {
          src.problem(
              node, p, "conversion to an evaluation edition ('" + target + "') is not possible");
        }
        if (!seen.add(target)) {
          src.problem(node, p, "target '" + target + "' is listed twice");
        }
      }
    }
  }

  private Map<Channel, ChannelPolicy> readChannels(MappingNode m, String path) {
    String field = join(path, "channels");
    Map<Channel, ChannelPolicy> channels = new EnumMap<>(Channel.class);
    Optional<MappingNode> cm =
        src.required(m, path, "channels").flatMap(n -> src.mapping(n, field));
    if (cm.isEmpty()) {
      return channels;
    }
    for (Map.Entry<String, NodeTuple> entry : src.entries(cm.get()).entrySet()) {
      String p = join(field, entry.getKey());
      Optional<Channel> channel = Channel.byName(entry.getKey());
      if (channel.isEmpty()) {
        src.problem(
            entry.getValue().getKeyNode(),
            p,
            "unknown channel (expected one of RETAIL, OEM, VOLUME_MAK, VOLUME_KMSCLIENT, VOLUME_KMS_HOST, TIMEBASED_EVAL, VIRTUAL_MACHINE_ACTIVATION)");
        continue;
      }
      ChannelPolicy d = ChannelPolicy.defaults(channel.get());
      Node value = entry.getValue().getValueNode();
      if (value instanceof ScalarNode s && s.getValue().isEmpty()) {
        channels.put(channel.get(), d);
        continue;
      }
      Optional<MappingNode> pm = src.mapping(value, p);
      if (pm.isEmpty()) {
        continue;
      }
      src.rejectUnknown(
          pm.get(),
          p,
          List.of("defaultPool", "extensionLimit", "hosts", "activationsPerHost", "oemMarker"));
      channels.put(
          channel.get(),
          new ChannelPolicy(
              channel.get(),
              src.optionalInteger(pm.get(), p, "defaultPool", 1, 1_000_000).orElse(d.defaultPool()),
              src.optionalInteger(pm.get(), p, "extensionLimit", 0, 1_000_000)
                  .orElse(d.extensionLimit()),
              src.optionalInteger(pm.get(), p, "hosts", 1, 10_000).orElse(d.hosts()),
              src.optionalInteger(pm.get(), p, "activationsPerHost", 1, 10_000)
                  .orElse(d.activationsPerHost()),
              src.optionalString(pm.get(), p, "oemMarker")));
    }
    if (channels.containsKey(Channel.OEM) && channels.get(Channel.OEM).oemMarker().isEmpty()) {
      src.problem(
          cm.get(),
          join(field, "OEM"),
          "the OEM channel needs an oemMarker (the firmware marker OEM keys require)");
    }
    return channels;
  }

  private List<KeyGroup> readKeyGroups(
      MappingNode m,
      String path,
      String product,
      List<String> versions,
      List<Edition> editions,
      Map<Channel, ChannelPolicy> channels) {
    String field = join(path, "keyGroups");
    List<Node> items =
        src.required(m, path, "keyGroups").map(n -> src.sequence(n, field)).orElse(List.of());
    List<KeyGroup> groups = new ArrayList<>();
    Set<String> triples = new HashSet<>();
    for (int i = 0; i < items.size(); i++) {
      String p = field + "[" + i + "]";
      Optional<MappingNode> gm = src.mapping(items.get(i), p);
      if (gm.isEmpty()) {
        continue;
      }
      MappingNode g = gm.get();
      src.rejectUnknown(g, p, List.of("group", "version", "edition", "channel"));
      Optional<Integer> number = src.requiredInteger(g, p, "group", 0, 65_535);
      Optional<String> version = src.requiredString(g, p, "version");
      Optional<String> edition = src.optionalString(g, p, "edition");
      Optional<Channel> channel =
          src.requiredValue(
              g,
              p,
              "channel",
              Channel::byName,
              unknownValue(
                  "RETAIL, OEM, VOLUME_MAK, VOLUME_KMSCLIENT, VOLUME_KMS_HOST, TIMEBASED_EVAL, VIRTUAL_MACHINE_ACTIVATION"));
      boolean ok = number.isPresent() && version.isPresent() && channel.isPresent();
      if (version.isPresent() && !versions.contains(version.get())) {
        src.problem(
            g,
            join(p, "version"),
            "unknown version '"
                + version.get()
                + "' (declared: "
                + String.join(", ", versions)
                + ")");
        ok = false;
      }
      if (channel.isPresent() && !channels.containsKey(channel.get())) {
        src.problem(
            g, join(p, "channel"), "channel " + channel.get() + " is not declared under channels");
        ok = false;
      }
      if (channel.isPresent()) {
        ok &= checkGroupEdition(g, p, edition, channel.get(), editions);
      }
      if (number.isPresent()) {
        String owner = groupOwners.putIfAbsent(number.get(), product + " " + p);
        if (owner != null) {
          src.problem(
              g, join(p, "group"), "group " + number.get() + " is already used by " + owner);
          ok = false;
        }
      }
      if (ok) {
        String triple = version.get() + "/" + edition.orElse("*") + "/" + channel.get();
        if (!triples.add(triple)) {
          src.problem(g, p, "a key group for " + triple.replace('/', ' ') + " is declared twice");
        }
        groups.add(new KeyGroup(number.get(), product, version.get(), edition, channel.get()));
      }
    }
    return groups;
  }

  private boolean checkGroupEdition(
      MappingNode g, String p, Optional<String> edition, Channel channel, List<Edition> editions) {
    if (channel == Channel.VOLUME_KMS_HOST) {
      if (edition.isPresent()) {
        src.problem(
            g,
            join(p, "edition"),
            "volume host keys are for every edition of the family: leave edition out");
        return false;
      }
      return true;
    }
    if (edition.isEmpty()) {
      src.problem(g, join(p, "edition"), "missing (required for " + channel + " keys)");
      return false;
    }
    Optional<Edition> e = editions.stream().filter(x -> x.id().equals(edition.get())).findFirst();
    if (e.isEmpty()) {
      src.problem(g, join(p, "edition"), "unknown edition '" + edition.get() + "'");
      return false;
    }
    boolean evalChannel = channel == Channel.TIMEBASED_EVAL;
    if (e.get().isEvaluation() != evalChannel) {
      src.problem(
          g,
          join(p, "channel"),
          evalChannel
              ? "TIMEBASED_EVAL keys are only for evaluation editions; '"
                  + e.get().id()
                  + "' is not one"
              : "evaluation edition '" + e.get().id() + "' takes only TIMEBASED_EVAL keys");
      return false;
    }
    return true;
  }

  private List<VolumeClientKey> readVolumeClientKeys(
      MappingNode m,
      String path,
      List<String> versions,
      List<Edition> editions,
      List<KeyGroup> groups) {
    String field = join(path, "volumeClientKeys");
    List<Node> items =
        src.field(m, "volumeClientKeys").map(n -> src.sequence(n, field)).orElse(List.of());
    List<VolumeClientKey> keys = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String p = field + "[" + i + "]";
      Optional<MappingNode> km = src.mapping(items.get(i), p);
      if (km.isEmpty()) {
        continue;
      }
      MappingNode k = km.get();
      src.rejectUnknown(k, p, List.of("version", "edition", "key", "channel"));
      Optional<String> version = src.requiredString(k, p, "version");
      Optional<String> edition = src.requiredString(k, p, "edition");
      Optional<String> key = src.requiredString(k, p, "key");
      Optional<Channel> channel = volumeClientChannel(k, p);
      if (version.isEmpty() || edition.isEmpty() || key.isEmpty() || channel.isEmpty()) {
        continue;
      }
      Optional<KeyGroup> group =
          groups.stream()
              .filter(
                  g ->
                      g.channel() == channel.get()
                          && g.version().equals(version.get())
                          && g.fitsEdition(edition.get()))
              .findFirst();
      if (group.isEmpty()) {
        src.problem(
            k, p, "no " + channel.get() + " key group for " + version.get() + " " + edition.get());
        continue;
      }
      int expected = group.get().number();
      switch (ProductKeyCodec.decode(key.get(), n -> n == expected)) {
        case KeyDecoding.Decoded decoded ->
            keys.add(
                new VolumeClientKey(
                    version.get(), edition.get(), decoded.key().display(), channel.get()));
        case KeyDecoding.Rejected rejected ->
            src.problem(
                k,
                join(p, "key"),
                "not a key of group " + expected + " (" + rejected.reason() + ")");
      }
    }
    return keys;
  }

  /** A public key's channel: VOLUME_KMSCLIENT when left out, else a volume client channel. */
  private Optional<Channel> volumeClientChannel(MappingNode k, String p) {
    Optional<String> name = src.optionalString(k, p, "channel");
    if (name.isEmpty()) {
      return Optional.of(Channel.VOLUME_KMSCLIENT);
    }
    Optional<Channel> channel = Channel.byName(name.get()).filter(Channel::isVolumeClient);
    if (channel.isEmpty()) {
      src.problem(
          k,
          join(p, "channel"),
          "must be VOLUME_KMSCLIENT or VIRTUAL_MACHINE_ACTIVATION, not '" + name.get() + "'");
    }
    return channel;
  }

  private TolerancePolicy readHardware(MappingNode m, String path) {
    String field = join(path, "hardware");
    TolerancePolicy defaults = TolerancePolicy.defaultPolicy();
    Optional<MappingNode> hm = src.field(m, "hardware").flatMap(n -> src.mapping(n, field));
    if (hm.isEmpty()) {
      return defaults;
    }
    src.rejectUnknown(hm.get(), field, List.of("limit", "weights"));
    int limit = src.optionalInteger(hm.get(), field, "limit", 0, 10_000).orElse(defaults.limit());
    Map<Component, Integer> weights = new EnumMap<>(defaults.weights());
    String weightsField = join(field, "weights");
    src.field(hm.get(), "weights")
        .flatMap(n -> src.mapping(n, weightsField))
        .ifPresent(
            w -> {
              src.rejectUnknown(w, weightsField, List.of(Component.allNames().split(", ")));
              for (Component c : Component.values()) {
                src.optionalInteger(w, weightsField, c.fileName(), 0, TolerancePolicy.MAX_WEIGHT)
                    .ifPresent(v -> weights.put(c, v));
              }
            });
    return switch (TolerancePolicy.validate(weights, limit)) {
      case TolerancePolicyCheck.Valid valid -> valid.policy();
      case TolerancePolicyCheck.Invalid invalid -> {
        invalid.problems().forEach(problem -> src.problem(hm.get(), field, problem));
        yield defaults;
      }
    };
  }

  private VolumePolicy readVolume(MappingNode m, String path, Family family) {
    String field = join(path, "volume");
    // SPEC §11: server products need 5 distinct machines, client products 25.
    int threshold = family == Family.SERVER ? 5 : 25;
    VolumePolicy defaults =
        new VolumePolicy(threshold, Duration.ofDays(180), Duration.ofDays(7), Duration.ofHours(2));
    Optional<MappingNode> vm = src.field(m, "volume").flatMap(n -> src.mapping(n, field));
    if (vm.isEmpty()) {
      return defaults;
    }
    src.rejectUnknown(vm.get(), field, List.of("threshold", "validity", "renewal", "retry"));
    return new VolumePolicy(
        src.optionalInteger(vm.get(), field, "threshold", 1, 10_000).orElse(threshold),
        duration(vm.get(), field, "validity", defaults.validity()),
        duration(vm.get(), field, "renewal", defaults.renewal()),
        duration(vm.get(), field, "retry", defaults.retry()));
  }

  private GracePolicy readGrace(MappingNode m, String path) {
    String field = join(path, "grace");
    GracePolicy d =
        new GracePolicy(
            Duration.ofDays(10),
            Duration.ofDays(30),
            Duration.ofDays(3),
            Duration.ofDays(30),
            5,
            Duration.ofHours(4));
    Optional<MappingNode> gm = src.field(m, "grace").flatMap(n -> src.mapping(n, field));
    if (gm.isEmpty()) {
      return d;
    }
    MappingNode g = gm.get();
    src.rejectUnknown(
        g,
        field,
        List.of(
            "initial",
            "additionalVolume",
            "additionalOther",
            "nonGenuine",
            "rearmLimit",
            "clockSkew"));
    return new GracePolicy(
        duration(g, field, "initial", d.initial()),
        duration(g, field, "additionalVolume", d.additionalVolume()),
        duration(g, field, "additionalOther", d.additionalOther()),
        duration(g, field, "nonGenuine", d.nonGenuine()),
        src.optionalInteger(g, field, "rearmLimit", 0, 1000).orElse(d.rearmLimit()),
        duration(g, field, "clockSkew", d.clockSkew()));
  }

  private Duration duration(MappingNode m, String path, String name, Duration fallback) {
    Optional<Node> node = src.field(m, name);
    if (node.isEmpty()) {
      return fallback;
    }
    Optional<String> text = src.string(node.get(), join(path, name));
    if (text.isEmpty()) {
      return fallback;
    }
    Optional<Duration> d = DurationText.parse(text.get());
    if (d.isEmpty() || d.get().isNegative()) {
      src.problem(
          node.get(),
          join(path, name),
          "'" + text.get() + "' is not a duration (write e.g. 180d, 7d, 2h, 30m)");
      return fallback;
    }
    return d.get();
  }

  private List<TrustedKey> readTrustedKeys(MappingNode m, String path) {
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
  private List<TrustedPhoneKey> readTrustedPhoneKeys(MappingNode m, String path) {
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
