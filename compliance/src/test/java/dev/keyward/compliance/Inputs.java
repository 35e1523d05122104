package dev.keyward.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test helpers: inputs from YAML text, which keeps scenarios readable and exercises the parser. */
final class Inputs {
  private Inputs() {}

  static ComplianceInput parse(String yaml) {
    ParseOutcome outcome = ComplianceInput.parse(yaml, "test.yaml");
    assertThat(outcome).as("problems: %s", outcome).isInstanceOf(ParseOutcome.Accepted.class);
    return ((ParseOutcome.Accepted) outcome).input();
  }

  static ComplianceReport report(String yaml) {
    return ComplianceReporter.report(parse(yaml));
  }

  /** A host as one flow-mapping line of a {@code hosts:} list. */
  static String host(String name, int processors, int cores, String edition, int version, int vms) {
    return String.format(
        "  - {name: %s, processors: %d, coresPerProcessor: %d, edition: %s, version: \"%d\","
            + " vms: %d}%n",
        name, processors, cores, edition, version, vms);
  }

  static String resource(String name) {
    try (InputStream in = Inputs.class.getResourceAsStream("/compliance/" + name)) {
      assertThat(in).as("test resource %s", name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
