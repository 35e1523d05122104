package dev.keyward.core.compliance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads the YAML of SPEC section 13 through the node API (not into maps) so every problem can name
 * its line. Reading goes on after a problem so that one run reports all of them.
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

  private static final String TOP_FIELDS = "hosts, access, rds, entitlements, prices";
  private static final String HOST_FIELDS =
      "name, processors, coresPerProcessor, edition, version, vms";
  private static final String COUNT_FIELDS = "users, devices";
  private static final String CORE_FIELDS = "kind, edition, version, packs16, packs2";
  private static final String CAL_FIELDS = "kind, type, version, quantity";
  private static final String PRICE_FIELDS = "packs16, packs2";
  private static final String EDITIONS =
      "ServerStandard, ServerDatacenter, ServerEssentials, ServerStandardCor, ServerDatacenterCor";

  private final String file;
  private final ProblemList problems;

  ComplianceInputParser(String file) {
    this.file = file;
    this.problems = new ProblemList(file);
  }

  ParseOutcome parse(String yaml) {
    Optional<Node> root;
    try {
      root = new Compose(LoadSettings.builder().setLabel(file).build()).composeString(yaml);
    } catch (MarkedYamlEngineException e) {
      int line = e.getProblemMark().or(e::getContextMark).map(ProblemList::lineOf).orElse(0);
      problems.atLine(line, "", "not valid YAML: " + e.getProblem());
      return outcome(null);
    } catch (YamlEngineException e) {
      problems.atLine(0, "", "not valid YAML: " + e.getMessage());
      return outcome(null);
    }
    if (root.isEmpty()) {
      problems.atLine(1, "", "the file is empty; expected " + TOP_FIELDS);
      return outcome(null);
    }
    Optional<YamlMapping> top = YamlMapping.of(root.get(), "", problems);
    if (top.isEmpty()) {
      return outcome(null);
    }
    return outcome(read(top.get()));
  }

  private ComplianceInput read(YamlMapping top) {
    List<Host> hosts = top.required("hosts").map(this::hosts).orElse(List.of());
    Optional<AccessCounts> access = top.required("access").flatMap(n -> counts(n, "access"));
    AccessCounts rds = top.optional("rds").flatMap(n -> counts(n, "rds")).orElse(AccessCounts.NONE);
    List<Entitlement> entitlements =
        top.optional("entitlements").map(this::entitlements).orElse(List.of());
    PackPrices prices = top.optional("prices").map(this::prices).orElse(PackPrices.EQUAL_PER_CORE);
    top.rejectUnknownFields(TOP_FIELDS);
    return access.map(a -> new ComplianceInput(hosts, a, rds, entitlements, prices)).orElse(null);
  }

  private ParseOutcome outcome(ComplianceInput input) {
    return problems.size() == 0 && input != null
        ? new ParseOutcome.Accepted(input)
        : new ParseOutcome.Rejected(problems.all());
  }

  private List<Node> sequence(Node node, String field) {
    if (node instanceof SequenceNode sequence) {
      return sequence.getValue();
    }
    problems.at(node, field, "expected a list, got " + YamlMapping.describe(node));
    return List.of();
  }

  private List<Host> hosts(Node node) {
    List<Host> hosts = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    List<Node> items = sequence(node, "hosts");
    for (int i = 0; i < items.size(); i++) {
      Node item = items.get(i);
      String path = "hosts[" + i + "]";
      int index = i;
      YamlMapping.of(item, path, problems)
          .flatMap(this::host)
          .ifPresent(
              host -> {
                Integer first = seen.putIfAbsent(host.name(), index);
                if (first != null) {
                  problems.at(
                      item,
                      path + ".name",
                      "\"" + host.name() + "\" is already the name of hosts[" + first + "]");
                }
                hosts.add(host);
              });
    }
    return hosts;
  }

  private Optional<Host> host(YamlMapping fields) {
    Optional<String> name = fields.requiredText("name");
    Optional<Integer> processors = fields.requiredInt("processors", 1, MAX_PROCESSORS);
    Optional<Integer> cores = fields.requiredInt("coresPerProcessor", 1, MAX_CORES_PER_PROCESSOR);
    Optional<ServerEdition> edition = fields.required("edition").flatMap(n -> edition(n, fields));
    Optional<ServerVersion> version = fields.required("version").flatMap(n -> version(n, fields));
    // Required although 0 is common: an audit must not under-count VMs because a line was left out.
    Optional<Integer> vms = fields.requiredInt("vms", 0, MAX_VMS);
    fields.rejectUnknownFields(HOST_FIELDS);
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

  private Optional<ServerEdition> edition(Node node, YamlMapping fields) {
    String field = fields.field("edition");
    return fields
        .text(node, field)
        .flatMap(
            id -> {
              Optional<ServerEdition> edition = ServerEdition.fromId(id);
              if (edition.isEmpty()) {
                problems.at(node, field, editionProblem(id));
              }
              return edition;
            });
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

  private Optional<ServerVersion> version(Node node, YamlMapping fields) {
    String field = fields.field("version");
    return fields
        .text(node, field)
        .flatMap(
            text -> {
              Optional<ServerVersion> version = ServerVersion.parse(text);
              if (version.isEmpty()) {
                problems.at(
                    node, field, "expected a version year such as \"2019\", got \"" + text + "\"");
              }
              return version;
            });
  }

  private Optional<AccessCounts> counts(Node node, String path) {
    return YamlMapping.of(node, path, problems)
        .flatMap(
            fields -> {
              Optional<Integer> users = fields.requiredInt("users", 0, MAX_ACCESS);
              Optional<Integer> devices = fields.requiredInt("devices", 0, MAX_ACCESS);
              fields.rejectUnknownFields(COUNT_FIELDS);
              return users.isPresent() && devices.isPresent()
                  ? Optional.of(new AccessCounts(users.get(), devices.get()))
                  : Optional.empty();
            });
  }

  private List<Entitlement> entitlements(Node node) {
    List<Entitlement> entitlements = new ArrayList<>();
    List<Node> items = sequence(node, "entitlements");
    for (int i = 0; i < items.size(); i++) {
      YamlMapping.of(items.get(i), "entitlements[" + i + "]", problems)
          .flatMap(this::entitlement)
          .ifPresent(entitlements::add);
    }
    return entitlements;
  }

  private Optional<Entitlement> entitlement(YamlMapping fields) {
    Optional<Node> kindNode = fields.required("kind");
    Optional<String> kind =
        kindNode
            .flatMap(n -> fields.text(n, fields.field("kind")))
            .map(k -> k.toLowerCase(Locale.ROOT));
    if (kind.isEmpty()) {
      return Optional.empty();
    }
    return switch (kind.get()) {
      case "cores" -> coreEntitlement(fields);
      case "cal" -> calEntitlement(fields, CalKind.SERVER);
      case "rdscal" -> calEntitlement(fields, CalKind.RDS);
      default -> {
        problems.at(
            kindNode.get(),
            fields.field("kind"),
            "unknown kind \"" + kind.get() + "\"; expected cores, cal or rdscal");
        yield Optional.empty();
      }
    };
  }

  private Optional<Entitlement> coreEntitlement(YamlMapping fields) {
    Optional<Node> editionNode = fields.required("edition");
    Optional<ServerEdition> edition = editionNode.flatMap(n -> edition(n, fields));
    if (edition.isPresent() && !edition.get().licensedPerCore()) {
      problems.at(
          editionNode.get(),
          fields.field("edition"),
          "ServerEssentials is licensed per server, not sold in core packs");
      edition = Optional.empty();
    }
    Optional<ServerVersion> version = fields.required("version").flatMap(n -> version(n, fields));
    boolean anyPack =
        fields.optional("packs16").isPresent() || fields.optional("packs2").isPresent();
    Optional<Integer> packs16 = fields.optionalInt("packs16", 0, 0, MAX_PACKS);
    Optional<Integer> packs2 = fields.optionalInt("packs2", 0, 0, MAX_PACKS);
    if (!anyPack) {
      fields.problem("packs16", "a cores entitlement needs packs16, packs2 or both");
    }
    fields.rejectUnknownFields(CORE_FIELDS);
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

  private Optional<Entitlement> calEntitlement(YamlMapping fields, CalKind kind) {
    Optional<Node> typeNode = fields.required("type");
    Optional<CalType> type =
        typeNode.flatMap(
            n ->
                fields
                    .text(n, fields.field("type"))
                    .flatMap(
                        text -> {
                          Optional<CalType> parsed = CalType.fromName(text);
                          if (parsed.isEmpty()) {
                            problems.at(
                                n,
                                fields.field("type"),
                                "unknown CAL type \"" + text + "\"; expected user or device");
                          }
                          return parsed;
                        }));
    Optional<ServerVersion> version = fields.required("version").flatMap(n -> version(n, fields));
    Optional<Integer> quantity = fields.requiredInt("quantity", 0, MAX_CALS);
    fields.rejectUnknownFields(CAL_FIELDS);
    if (type.isEmpty() || version.isEmpty() || quantity.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new CalEntitlement(kind, type.get(), version.get(), quantity.get()));
  }

  private PackPrices prices(Node node) {
    Map<ServerEdition, PackPrice> prices = new EnumMap<>(ServerEdition.class);
    YamlMapping.of(node, "prices", problems)
        .ifPresent(
            editions -> {
              for (String id : editions.keys()) {
                Node key = editions.keyNode(id);
                String field = editions.field(id);
                Optional<ServerEdition> edition = ServerEdition.fromId(id);
                Node value = editions.optional(id).orElse(key);
                if (edition.isEmpty() || !edition.get().licensedPerCore()) {
                  problems.at(
                      key,
                      field,
                      "expected an edition sold in core packs (ServerStandard, ServerDatacenter"
                          + " or their Cor ids), got \""
                          + id
                          + "\"");
                } else if (prices.containsKey(edition.get())) {
                  problems.at(
                      key, field, "a price for " + edition.get().id() + " is already given");
                } else {
                  YamlMapping.of(value, field, problems)
                      .flatMap(this::packPrice)
                      .ifPresent(price -> prices.put(edition.get(), price));
                }
              }
            });
    return new PackPrices(prices);
  }

  private Optional<PackPrice> packPrice(YamlMapping fields) {
    Optional<BigDecimal> sixteen = fields.optionalPositiveDecimal("packs16");
    Optional<BigDecimal> two = fields.optionalPositiveDecimal("packs2");
    boolean given16 = fields.optional("packs16").isPresent();
    boolean given2 = fields.optional("packs2").isPresent();
    fields.rejectUnknownFields(PRICE_FIELDS);
    if (!given16 && !given2) {
      fields.problem("packs16", "give packs16, packs2 or both");
      return Optional.empty();
    }
    if ((given16 && sixteen.isEmpty()) || (given2 && two.isEmpty())) {
      return Optional.empty();
    }
    // One price given: the other pack is priced at the same price per core (16 = 8 x 2 cores).
    BigDecimal eight = BigDecimal.valueOf(8);
    BigDecimal price16 = sixteen.orElseGet(() -> two.get().multiply(eight));
    BigDecimal price2 = two.orElseGet(() -> sixteen.get().divide(eight, 6, RoundingMode.HALF_UP));
    return Optional.of(new PackPrice(price16, price2));
  }
}
