package dev.keyward.lab.run;

import dev.keyward.core.hardware.MachineFacts;
import dev.keyward.core.hardware.MachineFile;
import dev.keyward.machines.LabProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A simulated machine of a lab run: its hardware (a machine file written from its facts), its own
 * license store directory, whether it can reach the authority, and the confirmation ID support read
 * back for it.
 */
final class LabMachine {
  final String name;
  final String product;
  LabProfile profile;
  MachineFacts facts;
  final Path store;
  final Path file;
  boolean connected = true;

  /** The DNS domain it belongs to (machine file {@code domain:}). */
  Optional<String> domain = Optional.empty();

  /** The machine that hosts it as a guest ({@code host: hv1}), and that host agent's channel. */
  Optional<String> host = Optional.empty();

  Optional<String> vmHost = Optional.empty();

  /** The lab machine whose directory it joined ({@code directory: dc1}), if any. */
  Optional<String> directory = Optional.empty();

  /** The machines it cannot reach ({@code {network: M, cut: H}}), by name. */
  final java.util.Set<String> cutOff = new java.util.TreeSet<>();

  /** How far its clock is from the lab's ({@code {clock: M, skew: 5h}}). */
  java.time.Duration skew = java.time.Duration.ZERO;

  /** The confirmation ID the activation centre read back for it; {@code slui 4} types it. */
  Optional<String> confirmationId = Optional.empty();

  LabMachine(
      String name, String product, LabProfile profile, MachineFacts facts, Path store, Path file) {
    this.name = name;
    this.product = product;
    this.profile = profile;
    this.facts = facts;
    this.store = store;
    this.file = file;
  }

  /** Writes the machine file the keyward command reads with {@code --machine}. */
  void write() {
    try {
      Files.writeString(
          file,
          new MachineFile(facts, Optional.of(profile.profileName()), domain, vmHost).write(),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
