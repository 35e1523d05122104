package dev.keyward.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.hardware.Component;
import dev.keyward.core.hardware.MachineFacts;
import dev.keyward.core.key.ProductKey;
import dev.keyward.core.key.ProductKeyCodec;
import dev.keyward.core.license.LicenseState;
import dev.keyward.machines.LabProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A status read never writes (issue 11 item 3): the store's files keep their bytes and times and no
 * file appears, whatever the read finds. Tests run as root, for whom permissions do not stop a
 * write, so the files themselves are compared.
 */
class StatusReadOnlyTest extends AgainstFakeAuthority {
  private static final ProductKey STD_2022 = ProductKeyCodec.encode(2011, 4242, TAGGER);

  /** Every file of the store: its bytes and last-modified time. */
  private Map<String, String> snapshot() {
    Path root = dir.resolve("store");
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.toList()) {
        String what =
            Files.isDirectory(p)
                ? "dir"
                : Files.readString(p, StandardCharsets.ISO_8859_1)
                    + "@"
                    + Files.getLastModifiedTime(p).toMillis();
        files.put(root.relativize(p).toString(), what);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  @Test
  void statusOnAnActivatedStoreWithAnotherMachineShowsTheGraceButSavesNothing() {
    client().init("winserver", "2022", "ServerStandard");
    client().installKey(STD_2022.display());
    client().activate();
    Map<String, String> before = snapshot();

    MachineFacts activated = machine;
    machine =
        LabProfile.migrate(
            machine, LabProfile.PROXMOX_VM, EnumSet.noneOf(Component.class), new Random(2));
    LicenseInfo other = client().status();
    assertThat(other.status().state()).isEqualTo(LicenseState.ADDITIONAL_GRACE);
    assertThat(other.status().reason()).isEqualTo(ErrorCode.OUT_OF_TOLERANCE);
    clock.advance(Duration.ofDays(1));
    client().status();
    client().trustedKeys();
    assertThat(snapshot()).isEqualTo(before);

    // the real machine again: Licensed, as nothing of the other machine was persisted
    machine = activated;
    assertThat(client().status().status().state()).isEqualTo(LicenseState.LICENSED);
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void aDamagedStoreOrAMissingSecretIsReportedWithoutRepairingAnything() throws Exception {
    client().init("winserver", "2022", "ServerStandard");
    client().installKey(STD_2022.display());
    Path state = dir.resolve("store").resolve("winserver").resolve(LocalStore.STATE_FILE);
    Files.writeString(
        state, Files.readString(state).replace("\"rearmCount\":0", "\"rearmCount\":2"));
    Map<String, String> before = snapshot();
    assertThat(client().status().status().state()).isEqualTo(LicenseState.NON_GENUINE_GRACE);
    assertThat(snapshot()).isEqualTo(before);

    Files.delete(dir.resolve("store").resolve(StoreSecret.FILE));
    Map<String, String> noSecret = snapshot();
    assertThat(client().status().status().state()).isEqualTo(LicenseState.NON_GENUINE_GRACE);
    assertThat(snapshot()).as("no secret is made by a read").isEqualTo(noSecret);
  }

  @Test
  void theInstallationIdAndTheTrustAreReadWithoutWriting() {
    client().init("winserver", "2022", "ServerStandard");
    client().installKey(STD_2022.display());
    Map<String, String> before = snapshot();
    assertThat(client().phone().installationId().text()).isNotBlank();
    assertThat(client().trustedPhoneKeys()).isEmpty();
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void anOperationRecordsWhatTheReadsFound() {
    client().init("winserver", "2022", "ServerStandard");
    client().installKey(STD_2022.display());
    client().activate();
    machine =
        LabProfile.migrate(
            machine, LabProfile.PROXMOX_VM, EnumSet.noneOf(Component.class), new Random(2));
    client().status();
    assertThat(client().store().events("winserver"))
        .extracting(e -> e.get("event"))
        .doesNotContain("HardwareChanged");
    client().clearKey();
    assertThat(client().store().events("winserver"))
        .extracting(e -> e.get("event"))
        .contains("HardwareChanged", "KeyCopyCleared");
    assertThat(client().status().status().state()).isEqualTo(LicenseState.ADDITIONAL_GRACE);
  }
}
