package dev.keyward.core.compliance;

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

  static String resource(String name) {
    try (InputStream in = Inputs.class.getResourceAsStream("/compliance/" + name)) {
      assertThat(in).as("test resource %s", name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
