package dev.keyward.compliance;

import static dev.keyward.core.yaml.YamlSource.join;

import dev.keyward.core.yaml.YamlSource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Reads the YAML of SPEC section 13 through {@link YamlSource} so every problem can name its line.
 * Reading goes on after a problem so that one run reports all of them; a misspelt field ({@code
 * coresPerProccesor}) is an error, not a silent zero.
 */
final class ComplianceInputParser {
  // Bounds keep every derived count inside an int (64 x 512 cores x 5,000 coverages < 2^31) while
  // staying far above real hardware and estates.
  static final int MAX_PROCESSORS = 64;
  static final int MAX_CORES_PER_PROCESSOR = 512;
  static final int MAX_VMS = 10_000;
  static final int MAX_ACCESS = 10_000_000;
  static final int MAX_PACKS = 1_000_000;
  static final int MAX_CALS = 10_000_000;

  private static final List<String> TOP_FIELDS =
      List.of("hosts", "access", "rds", "entitlements", "prices");
  private static final List<String> HOST_FIELDS =
      List.of("name", "processors", "coresPerProcessor", "edition", "version", "vms");
  private static final List<String> COUNT_FIELDS = List.of("users", "devices");
  private static final List<String> CORE_FIELDS =
      List.of("kind", "edition", "version", "packs16", "packs2");
  private static final List<String> CAL_FIELDS = List.of("kind", "type", "version", "quantity");
  private static final List<String> PRICE_FIELDS = List.of("packs16", "packs2");
  private static final String EDITIONS =
      "ServerStandard, ServerDatacenter, ServerEssentials, ServerStandardCor, ServerDatacenterCor";
  private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,15}(\\.[0-9]{1,6})?");

  private final String file;
  private YamlSource src;

  ComplianceInputParser(String file) {
    this.file = file;
  }

  ParseOutcome parse(String yaml) {
    src = YamlSource.parse(yaml, file);
    Optional<ComplianceInput> input =
        src.rootMapping("expected " + String.join(", ", TOP_FIELDS)).flatMap(this::read);
    return input.isPresent() && !src.hasProblems()
        ? new ParseOutcome.Accepted(input.get())
        : new ParseOutcome.Rejected(src.problems());
  }

  private Optional<ComplianceInput> read(MappingNode top) {
    src.rejectUnknown(top, "", TOP_FIELDS);
    List<Host> hosts = src.required(top, "", "hosts").map(this::hosts).orElse(List.of());
    Optional<AccessCounts> access =
        src.required(top, "", "access").flatMap(n -> counts(n, "access"));
    AccessCounts rds =
        src.field(top, "rds").flatMap(n -> counts(n, "rds")).orElse(AccessCounts.NONE);
    List<Entitlement> entitlements =
        src.field(top, "entitlements").map(this::entitlements).orElse(List.of());
    PackPrices prices =
        src.field(top, "prices").map(this::prices).orElse(PackPrices.EQUAL_PER_CORE);
    return access.map(a -> new ComplianceInput(hosts, a, rds, entitlements, prices));
  }

  private List<Host> hosts(Node node) {
    List<Host> hosts = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    List<Node> items = src.sequence(node, "hosts");
    for (int i = 0; i < items.size(); i++) {
      Node item = items.get(i);
      String path = "hosts[" + i + "]";
      int index = i;
      src.mapping(item, path)
          .flatMap(fields -> host(fields, path))
          .ifPresent(
              host -> {
                Integer first = seen.putIfAbsent(host.name(), index);
                if (first != null) {
                  src.problem(
                      item,
                      join(path, "name"),
                      "\"" + host.name() + "\" is already the name of hosts[" + first + "]");
                }
                hosts.add(host);
              });
    }
    return hosts;
  }

  private Optional<Host> host(MappingNode fields, String path) {
    src.rejectUnknown(fields, path, HOST_FIELDS);
    Optional<String> name = src.requiredString(fields, path, "name");
    Optional<Integer> processors =
        src.requiredInteger(fields, path, "processors", 1, MAX_PROCESSORS);
    Optional<Integer> cores =
        src.requiredInteger(fields, path, "coresPerProcessor", 1, MAX_CORES_PER_PROCESSOR);
    Optional<ServerEdition> edition = edition(fields, path);
    Optional<ServerVersion> version = version(fields, path);
    // Required although 0 is common: an audit must not under-count VMs because a line was left out.
    Optional<Integer> vms = src.requiredInteger(fields, path, "vms", 0, MAX_VMS);
    if (name.isEmpty()
        || processors.isEmpty()
        || cores.isEmpty()
        || edition.isEmpty()
        || version.isEmpty()
        || vms.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Host(
            name.get(), processors.get(), cores.get(), edition.get(), version.get(), vms.get()));
  }

  private Optional<ServerEdition> edition(MappingNode fields, String path) {
    return src.requiredValue(
        fields, path, "edition", ServerEdition::fromId, ComplianceInputParser::editionProblem);
  }

  private static String editionProblem(String id) {
    if (id.contains("Eval")) {
      return "\""
          + id
          + "\" is an evaluation edition; licenses apply to the edition it will be converted to,"
          + " so list that one ("
          + EDITIONS
          + ")";
    }
    return "unknown edition \"" + id + "\"; expected one of " + EDITIONS;
  }

  private Optional<ServerVersion> version(MappingNode fields, String path) {
    return src.requiredValue(
        fields,
        path,
        "version",
        ServerVersion::parse,
        text -> "expected a version year such as \"2019\", got \"" + text + "\"");
  }

  private Optional<AccessCounts> counts(Node node, String path) {
    return src.mapping(node, path)
        .flatMap(
            fields -> {
              src.rejectUnknown(fields, path, COUNT_FIELDS);
              Optional<Integer> users = src.requiredInteger(fields, path, "users", 0, MAX_ACCESS);
              Optional<Integer> devices =
                  src.requiredInteger(fields, path, "devices", 0, MAX_ACCESS);
              return users.isPresent() && devices.isPresent()
                  ? Optional.of(new AccessCounts(users.get(), devices.get()))
                  : Optional.empty();
            });
  }

  private List<Entitlement> entitlements(Node node) {
    List<Entitlement> entitlements = new ArrayList<>();
    List<Node> items = src.sequence(node, "entitlements");
    for (int i = 0; i < items.size(); i++) {
      String path = "entitlements[" + i + "]";
      src.mapping(items.get(i), path)
          .flatMap(fields -> entitlement(fields, path))
          .ifPresent(entitlements::add);
    }
    return entitlements;
  }

  private Optional<Entitlement> entitlement(MappingNode fields, String path) {
    String field = join(path, "kind");
    Optional<Node> kindNode = src.required(fields, path, "kind");
    Optional<String> kind =
        kindNode.flatMap(n -> src.string(n, field)).map(k -> k.toLowerCase(Locale.ROOT));
    if (kind.isEmpty()) {
      return Optional.empty();
    }
    return switch (kind.get()) {
      case "cores" -> coreEntitlement(fields, path);
      case "cal" -> calEntitlement(fields, path, CalKind.SERVER);
      case "rdscal" -> calEntitlement(fields, path, CalKind.RDS);
      default -> {
        src.problem(
            kindNode.get(),
            field,
            "unknown kind \"" + kind.get() + "\"; expected cores, cal or rdscal");
        yield Optional.empty();
      }
    };
  }

  private Optional<Entitlement> coreEntitlement(MappingNode fields, String path) {
    src.rejectUnknown(fields, path, CORE_FIELDS);
    Optional<ServerEdition> edition = edition(fields, path);
    if (edition.isPresent() && !edition.get().licensedPerCore()) {
      src.problem(
          src.field(fields, "edition").orElse(fields),
          join(path, "edition"),
          "ServerEssentials is licensed per server, not sold in core packs");
      edition = Optional.empty();
    }
    Optional<ServerVersion> version = version(fields, path);
    boolean anyPack =
        src.field(fields, "packs16").isPresent() || src.field(fields, "packs2").isPresent();
    Optional<Integer> packs16 = packs(fields, path, "packs16");
    Optional<Integer> packs2 = packs(fields, path, "packs2");
    if (!anyPack) {
      src.problem(
          fields, join(path, "packs16"), "a cores entitlement needs packs16, packs2 or both");
    }
    if (edition.isEmpty()
        || version.isEmpty()
        || packs16.isEmpty()
        || packs2.isEmpty()
        || !anyPack) {
      return Optional.empty();
    }
    return Optional.of(
        new CoreEntitlement(edition.get(), version.get(), packs16.get(), packs2.get()));
  }

  /** A pack count; 0 when the field is left out. */
  private Optional<Integer> packs(MappingNode fields, String path, String name) {
    return src.field(fields, name).isEmpty()
        ? Optional.of(0)
        : src.optionalInteger(fields, path, name, 0, MAX_PACKS);
  }

  private Optional<Entitlement> calEntitlement(MappingNode fields, String path, CalKind kind) {
    src.rejectUnknown(fields, path, CAL_FIELDS);
    Optional<CalType> type =
        src.requiredValue(
            fields,
            path,
            "type",
            CalType::fromName,
            text -> "unknown CAL type \"" + text + "\"; expected user or device");
    Optional<ServerVersion> version = version(fields, path);
    Optional<Integer> quantity = src.requiredInteger(fields, path, "quantity", 0, MAX_CALS);
    if (type.isEmpty() || version.isEmpty() || quantity.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new CalEntitlement(kind, type.get(), version.get(), quantity.get()));
  }

  private PackPrices prices(Node node) {
    Map<ServerEdition, PackPrice> prices = new EnumMap<>(ServerEdition.class);
    src.mapping(node, "prices")
        .ifPresent(
            editions -> {
              for (Map.Entry<String, NodeTuple> entry : src.entries(editions).entrySet()) {
                String id = entry.getKey();
                Node key = entry.getValue().getKeyNode();
                String field = join("prices", id);
                Optional<ServerEdition> edition = ServerEdition.fromId(id);
                if (edition.isEmpty() || !edition.get().licensedPerCore()) {
                  src.problem(
                      key,
                      field,
                      "expected an edition sold in core packs (ServerStandard, ServerDatacenter"
                          + " or their Cor ids), got \""
                          + id
                          + "\"");
                } else if (prices.containsKey(edition.get())) {
                  src.problem(
                      key, field, "a price for " + edition.get().id() + " is already given");
                } else {
                  src.mapping(entry.getValue().getValueNode(), field)
                      .flatMap(fields -> packPrice(fields, field))
                      .ifPresent(price -> prices.put(edition.get(), price));
                }
              }
            });
    return new PackPrices(prices);
  }

  private Optional<PackPrice> packPrice(MappingNode fields, String path) {
    src.rejectUnknown(fields, path, PRICE_FIELDS);
    Optional<Node> given16 = src.field(fields, "packs16");
    Optional<Node> given2 = src.field(fields, "packs2");
    Optional<BigDecimal> sixteen = given16.flatMap(n -> price(n, join(path, "packs16")));
    Optional<BigDecimal> two = given2.flatMap(n -> price(n, join(path, "packs2")));
    if (given16.isEmpty() && given2.isEmpty()) {
      src.problem(fields, join(path, "packs16"), "give packs16, packs2 or both");
      return Optional.empty();
    }
    if ((given16.isPresent() && sixteen.isEmpty()) || (given2.isPresent() && two.isEmpty())) {
      return Optional.empty();
    }
    // One price given: the other pack is priced at the same price per core (16 = 8 x 2 cores).
    BigDecimal eight = BigDecimal.valueOf(8);
    BigDecimal price16 = sixteen.orElseGet(() -> two.get().multiply(eight));
    BigDecimal price2 = two.orElseGet(() -> sixteen.get().divide(eight, 6, RoundingMode.HALF_UP));
    return Optional.of(new PackPrice(price16, price2));
  }

  private Optional<BigDecimal> price(Node value, String field) {
    if (value instanceof ScalarNode scalar && DECIMAL.matcher(scalar.getValue()).matches()) {
      BigDecimal number = new BigDecimal(scalar.getValue());
      if (number.signum() > 0) {
        return Optional.of(number);
      }
    }
    src.problem(value, field, "expected a price greater than 0, got " + YamlSource.describe(value));
    return Optional.empty();
  }
}
