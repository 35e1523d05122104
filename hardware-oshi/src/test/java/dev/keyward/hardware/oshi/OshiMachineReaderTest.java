package dev.keyward.hardware.oshi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.core.hardware.Component;
import dev.keyward.core.hardware.ComponentValues;
import dev.keyward.core.hardware.HardwareIdentity;
import dev.keyward.core.hardware.MachineFacts;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import oshi.SystemInfo;
import oshi.hardware.HardwareAbstractionLayer;

class OshiMachineReaderTest {

  @Test
  void readsThisMachine() {
    MachineFacts machine = new OshiMachineReader().read();

    assertThat(machine.simulated()).isFalse();
    assertThat(machine.oemMarker()).isEmpty();
    // Every machine, container or not, has a processor and memory to report.
    assertThat(machine.component(Component.CPU)).isPresent();
    assertThat(machine.component(Component.RAM))
        .hasValueSatisfying(ram -> assertThat(ram).matches("\\d+ GiB"));
    machine
        .component(Component.NIC)
        .ifPresent(nic -> assertThat(ComponentValues.mac(nic)).contains(nic));
    machine
        .component(Component.UUID)
        .ifPresent(uuid -> assertThat(uuid).matches("[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}"));
  }

  @Test
  void readingTwiceGivesTheSameIdentity() {
    OshiMachineReader reader = new OshiMachineReader();

    HardwareIdentity first = HardwareIdentity.of(reader.read(), "winserver");
    HardwareIdentity second = HardwareIdentity.of(new OshiMachineReader().read(), "winserver");

    assertThat(second).isEqualTo(first);
  }

  @Test
  void aSystemThatCannotBeReadGivesAMachineWithNothingNotAnException() {
    OshiMachineReader reader =
        new OshiMachineReader(
            () -> {
              throw new UnsupportedOperationException("unsupported operating system");
            },
            new LinuxStorageController());

    assertThat(reader.read()).isEqualTo(new MachineFacts(Map.of(), Optional.empty(), false));
  }

  @Test
  void aComponentThatFailsIsAbsentAndTheOthersAreStillRead() {
    SystemInfo real = new SystemInfo();
    HardwareAbstractionLayer failing = failingFirmwareAndGraphics(real.getHardware());
    SystemInfo partly =
        new SystemInfo() {
          @Override
          public HardwareAbstractionLayer getHardware() {
            return failing;
          }
        };

    MachineFacts machine = new OshiMachineReader(() -> partly, new LinuxStorageController()).read();

    assertThat(machine.components())
        .doesNotContainKeys(
            Component.UUID, Component.SERIAL, Component.BASEBOARD, Component.DISPLAY)
        .containsKeys(Component.CPU, Component.RAM);
  }

  /**
   * The real hardware, except that firmware tables throw as an access denial would and graphics
   * throw as a native library that will not load would.
   */
  private static HardwareAbstractionLayer failingFirmwareAndGraphics(
      HardwareAbstractionLayer real) {
    return (HardwareAbstractionLayer)
        Proxy.newProxyInstance(
            HardwareAbstractionLayer.class.getClassLoader(),
            new Class<?>[] {HardwareAbstractionLayer.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getComputerSystem" -> throw new IllegalStateException("access denied");
                  case "getGraphicsCards" -> throw new UnsatisfiedLinkError("no libudev");
                  default -> {
                    try {
                      yield method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                      throw e.getCause();
                    }
                  }
                });
  }
}
