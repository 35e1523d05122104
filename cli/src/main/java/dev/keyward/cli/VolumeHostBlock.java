package dev.keyward.cli;

import dev.keyward.client.KeywardClient;
import dev.keyward.client.LicenseInfo;
import dev.keyward.volumehost.HostFiles;
import dev.keyward.volumehost.HostReport;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The volume host block of {@code slmgr /dlv} (SPEC §11; {@code --json}: {@code volumeHost}), for a
 * store that serves or served as a volume host.
 */
final class VolumeHostBlock {
  private VolumeHostBlock() {}

  static Optional<Map<String, Object>> of(
      KeywardClient client, LicenseInfo info, java.time.Instant now) {
    return HostReport.read(HostFiles.of(client.store(), info.product()), client.catalog(), now);
  }

  static List<String> lines(Map<String, Object> block) {
    return HostReport.lines(block);
  }
}
