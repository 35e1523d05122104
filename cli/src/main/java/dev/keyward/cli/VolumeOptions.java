package dev.keyward.cli;

import dev.keyward.client.KeywardException;
import dev.keyward.client.VolumeNetwork;
import dev.keyward.core.discovery.HostPort;
import dev.keyward.core.hardware.MachineFile;
import dev.keyward.core.hardware.MachineFileReading;
import dev.keyward.machines.LabProfile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The global options of volume host discovery ({@code --dns} and the machine file's domain) and of
 * host-based VM activation (the machine file's {@code vmHost:} and name).
 */
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
    return new VolumeNetwork(
        dns,
        () -> machineFile(file).flatMap(MachineFile::domain),
        () -> machineFile(file).flatMap(MachineFile::vmHost),
        () -> file == null ? VolumeNetwork.hostName() : machineName(file));
  }

  /** A machine described by a file is named after it: {@code vm1.machine.yaml} is {@code vm1}. */
  private static String machineName(Path file) {
    String name = file.getFileName().toString();
    int dot = name.indexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  private static Optional<MachineFile> machineFile(Path file) {
    if (file == null) {
      return Optional.empty();
    }
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      return MachineFile.read(text, file.getFileName().toString(), LabProfile.names())
              instanceof MachineFileReading.Loaded loaded
          ? Optional.of(loaded.file())
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
