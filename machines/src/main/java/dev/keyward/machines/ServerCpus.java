package dev.keyward.machines;

import dev.keyward.core.hardware.ComponentValues;
import java.util.List;
import java.util.Optional;

/**
 * Server CPUs lab machines are given, with the processor id Windows reports for each (feature flags
 * then family/model/stepping). VMs show their host's CPU, so every profile draws from here.
 */
final class ServerCpus {
  private record Cpu(String name, String processorId) {}

  private static final List<Cpu> CPUS =
      List.of(
          new Cpu("Intel(R) Xeon(R) Gold 6230 CPU @ 2.10GHz", "BFEBFBFF00050657"),
          new Cpu("Intel(R) Xeon(R) Silver 4214R CPU @ 2.40GHz", "BFEBFBFF00050657"),
          new Cpu("Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz", "BFEBFBFF000606A6"),
          new Cpu("Intel(R) Xeon(R) CPU E5-2680 v4 @ 2.40GHz", "BFEBFBFF000406F1"),
          new Cpu("AMD EPYC 7543 32-Core Processor", "178BFBFF00A00F11"),
          new Cpu("AMD EPYC 9354 32-Core Processor", "178BFBFF00A10F11"));

  private ServerCpus() {}

  static String pick(LabRandom random) {
    Cpu cpu = random.pick(CPUS);
    return ComponentValues.cpu(Optional.of(cpu.name()), Optional.of(cpu.processorId()))
        .orElseThrow();
  }
}
