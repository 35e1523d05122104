package dev.keyward.lab.run;

import dev.keyward.core.catalog.Channel;
import dev.keyward.core.catalog.ChannelPolicy;
import dev.keyward.core.catalog.Product;
import dev.keyward.core.hardware.MachineFacts;
import dev.keyward.lab.scenario.KeySpec;
import dev.keyward.lab.scenario.MachineSpec;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What happens before step 1: the lab authority issues the {@code keys:}, then each of the {@code
 * machines:} gets its machine file and store and records its installation with {@code keyward
 * init}. The first thing that fails stops the scenario: its steps would only fail for that reason.
 */
final class LabSetup {
  private final LabSession lab;

  LabSetup(LabSession lab) {
    this.lab = lab;
  }

  /** Whether every key was issued and every machine installed. */
  boolean run() {
    for (KeySpec spec :
        lab.scenario.keys().values().stream()
            .sorted(Comparator.comparing(KeySpec::name))
            .toList()) {
      if (!issue(spec)) {
        return false;
      }
    }
    for (MachineSpec spec :
        lab.scenario.machines().values().stream()
            .sorted(Comparator.comparing(MachineSpec::name))
            .toList()) {
      if (!install(spec)) {
        return false;
      }
    }
    return true;
  }

  private boolean issue(KeySpec spec) {
    String title = "key " + spec.name();
    try {
      Product product = product(spec.product());
      String key = lab.authority.issue(spec, product);
      lab.keys.put(spec.name(), key);
      lab.transcript.say(
          "   key "
              + spec.name()
              + ": "
              + spec.version()
              + " "
              + spec.edition().orElse("(any edition)")
              + " "
              + spec.channel()
              + (spec.pool().isPresent() ? " pool " + spec.pool().getAsInt() : "")
              + "  "
              + key);
      return true;
    } catch (RuntimeException e) {
      return fail(title, "it cannot be issued: " + Transcript.message(e));
    }
  }

  private boolean install(MachineSpec spec) {
    String title = "machine " + spec.name();
    try {
      Product product = product(spec.product());
      LabMachine m =
          new LabMachine(
              spec.name(),
              product.id(),
              spec.profile(),
              facts(spec, product),
              lab.dir.resolve("store-" + spec.name()),
              lab.dir.resolve(spec.name() + ".machine.yaml"));
      m.domain = spec.domain();
      m.host = spec.host();
      m.vmHost = spec.host().map(h -> LabVmHosts.channel(lab.dir, h));
      m.write();
      lab.machines.put(m.name, m);
      lab.transcript.say(
          "   machine "
              + m.name
              + ": "
              + spec.profile()
              + (spec.oem() ? " with the OEM marker" : "")
              + ", "
              + product.id()
              + " "
              + spec.version()
              + " "
              + spec.edition()
              + spec.domain().map(d -> ", domain " + d).orElse("")
              + spec.host().map(h -> ", guest of " + h).orElse("")
              + spec.directory().map(d -> ", joined to " + d + "'s directory").orElse(""));
      Shell.Result init =
          lab.shell(
              m,
              List.of(
                  "init",
                  "--product",
                  product.id(),
                  "--version",
                  spec.version(),
                  "--edition",
                  spec.edition()),
              false);
      if (init.exit() != 0) {
        return fail(title, "keyward init failed: " + (init.out() + init.err()).strip());
      }
      return spec.directory().map(d -> join(m, d, title)).orElse(true);
    } catch (RuntimeException e) {
      return fail(title, Transcript.message(e));
    }
  }

  /** {@code directory: D}: the machine joins D's directory, as {@code keyward directory join}. */
  private boolean join(LabMachine m, String directory, String title) {
    Shell.Result join =
        lab.shell(m, List.of("directory", "join", lab.directories.url(directory)), false);
    if (join.exit() != 0) {
      return fail(title, "keyward directory join failed: " + (join.out() + join.err()).strip());
    }
    m.directory = Optional.of(directory);
    return true;
  }

  /** A new machine of its profile, with the catalog's OEM marker in its firmware when asked. */
  private MachineFacts facts(MachineSpec spec, Product product) {
    MachineFacts facts = spec.profile().newMachine(lab.random);
    if (!spec.oem()) {
      return facts;
    }
    String marker =
        product
            .channel(Channel.OEM)
            .flatMap(ChannelPolicy::oemMarker)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "oem: true, but the catalog's OEM channel has no oemMarker"));
    return new MachineFacts(facts.components(), Optional.of(marker), true);
  }

  private Product product(Optional<String> id) {
    if (id.isPresent()) {
      return lab.catalog
          .product(id.get())
          .orElseThrow(
              () -> new IllegalArgumentException("no product '" + id.get() + "' in the catalog"));
    }
    if (lab.catalog.products().size() != 1) {
      throw new IllegalArgumentException("name the product: the catalog has several");
    }
    return lab.catalog.products().get(0);
  }

  private boolean fail(String title, String why) {
    lab.results.add(StepResult.failed(0, title, why));
    lab.transcript.say("   [FAIL] " + title + ": " + why);
    return false;
  }
}
