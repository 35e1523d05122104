package dev.keyward.cli;

import dev.keyward.client.KeywardException;
import dev.keyward.client.VolumeNetwork;
import dev.keyward.core.discovery.HostPort;
import dev.keyward.core.hardware.MachineFile;
import dev.keyward.core.hardware.MachineFileReading;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The global options of volume host discovery: {@code --dns} and the machine file's domain. */
final class VolumeOptions {
  private VolumeOptions() {}

  static VolumeNetwork network(KeywardCommand root) {
    String typed = root.dns;
    if (typed == null || typed.isBlank()) {
      typed = root.ctx.env().get("KEYWARD_DNS");
    }
    Optional<HostPort> dns = Optional.empty();
    if (typed != null && !typed.isBlank()) {
      dns =
          Optional.of(
              switch (HostPort.parse(typed, 53)) {
                case HostPort.Parse.Parsed p -> p.value();
                case HostPort.Parse.Rejected r -> throw new KeywardException(r.failure());
              });
    }
    Path file =
        root.machineFile == null ? null : root.ctx.workingDirectory().resolve(root.machineFile);
    return new VolumeNetwork(dns, () -> file == null ? Optional.empty() : domain(file));
  }

  private static Optional<String> domain(Path file) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      return MachineFile.read(text, file.getFileName().toString())
              instanceof MachineFileReading.Loaded loaded
          ? loaded.file().domain()
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
