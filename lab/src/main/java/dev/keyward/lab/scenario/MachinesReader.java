package dev.keyward.lab.scenario;

import static dev.keyward.core.yaml.YamlSource.join;

import dev.keyward.core.yaml.YamlSource;
import dev.keyward.machines.LabProfile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;

/** The {@code machines:} section: the simulated machines and what is installed on each. */
final class MachinesReader {
  private static final List<String> FIELDS =
      List.of("profile", "product", "version", "edition", "oem", "domain", "directory", "host");

  private final YamlSource src;

  MachinesReader(YamlSource src) {
    this.src = src;
  }

  /** The machines by name; every name is known to the steps, even when its entry is wrong. */
  Map<String, MachineSpec> read(MappingNode section, StepFields names) {
    Map<String, MachineSpec> machines = new LinkedHashMap<>();
    src.entries(section)
        .forEach(
            (name, entry) -> {
              String path = join("machines", name);
              names.declareMachine(name);
              src.mapping(entry.getValueNode(), path)
                  .flatMap(spec -> machine(name, spec, path))
                  .ifPresent(spec -> machines.put(name, spec));
            });
    checkHosts(section, machines);
    checkDirectories(section, machines);
    return machines;
  }

  private Optional<MachineSpec> machine(String name, MappingNode spec, String path) {
    src.rejectUnknown(spec, path, FIELDS);
    Optional<LabProfile> profile =
        src.requiredValue(
            spec,
            path,
            "profile",
            LabProfile::byName,
            t -> "unknown profile '" + t + "' (" + LabProfile.allNames() + ")");
    Optional<String> version = src.requiredString(spec, path, "version");
    Optional<String> edition = src.requiredString(spec, path, "edition");
    boolean oem = src.field(spec, "oem").flatMap(n -> src.bool(n, join(path, "oem"))).orElse(false);
    Optional<String> domain = src.optionalString(spec, path, "domain");
    if (domain.isPresent() && !DnsNames.isName(domain.get())) {
      src.problem(
          spec,
          join(path, "domain"),
          "'" + domain.get() + "' is not a DNS domain name (e.g. contoso.lan)");
      domain = Optional.empty();
    }
    if (profile.isEmpty() || version.isEmpty() || edition.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new MachineSpec(
            name,
            profile.get(),
            src.optionalString(spec, path, "product"),
            version.get(),
            edition.get(),
            oem,
            domain.map(d -> d.toLowerCase(java.util.Locale.ROOT).replaceAll("\\.$", "")),
            src.optionalString(spec, path, "directory"),
            src.optionalString(spec, path, "host")));
  }

  /** A machine's {@code directory:} names a machine of the file (the one serving the directory). */
  private void checkDirectories(MappingNode section, Map<String, MachineSpec> machines) {
    for (MachineSpec spec : machines.values()) {
      spec.directory()
          .filter(d -> !machines.containsKey(d))
          .ifPresent(
              d ->
                  src.problem(
                      src.entries(section).get(spec.name()).getValueNode(),
                      join(join("machines", spec.name()), "directory"),
                      "no machine named '"
                          + d
                          + "' serves a directory (declared: "
                          + String.join(", ", machines.keySet())
                          + ")"));
    }
  }

  /** A machine's {@code host:} names another machine of the file. */
  private void checkHosts(MappingNode section, Map<String, MachineSpec> machines) {
    for (MachineSpec spec : machines.values()) {
      spec.host()
          .filter(h -> h.equals(spec.name()) || !machines.containsKey(h))
          .ifPresent(
              h ->
                  src.problem(
                      src.entries(section).get(spec.name()).getValueNode(),
                      join(join("machines", spec.name()), "host"),
                      h.equals(spec.name())
                          ? "a machine cannot host itself"
                          : "no machine named '"
                              + h
                              + "' (declared: "
                              + String.join(", ", machines.keySet())
                              + ")"));
    }
  }
}
