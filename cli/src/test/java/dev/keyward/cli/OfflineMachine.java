package dev.keyward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.core.hardware.MachineFacts;
import dev.keyward.core.hardware.MachineFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One machine with no authority to reach ({@code KEYWARD_AUTHORITY} names a port where nothing
 * listens), on a fixed clock: its machine file {@code m.yaml} and its store {@code store} in the
 * test's directory, and the keyward command run there.
 */
final class OfflineMachine {
  final CliRunner cli;

  OfflineMachine(Path dir, Instant now, MachineFacts facts) {
    this(dir, now, facts, Map.of());
  }

  /** The same, with more environment ({@code KEYWARD_TRUST}, …). */
  OfflineMachine(Path dir, Instant now, MachineFacts facts, Map<String, String> env) {
    Map<String, String> all = new HashMap<>(env);
    all.put("KEYWARD_AUTHORITY", "http://127.0.0.1:9");
    cli = new CliRunner(dir, Map.copyOf(all), Clock.fixed(now, ZoneOffset.UTC));
    try {
      Files.writeString(dir.resolve("m.yaml"), MachineFile.write(facts, Optional.empty()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code keyward --store store --machine m.yaml ARGS}. */
  CliRunner.Result run(String... args) {
    String[] all =
        Stream.concat(List.of("--store", "store", "--machine", "m.yaml").stream(), Stream.of(args))
            .toArray(String[]::new);
    return cli.run(all);
  }

  /** {@code keyward init} of winserver {@code version} {@code edition}, expected to succeed. */
  CliRunner.Result init(String version, String edition) {
    CliRunner.Result r =
        run("init", "--product", "winserver", "--version", version, "--edition", edition);
    assertThat(r.exit()).as(r.toString()).isZero();
    return r;
  }
}
