package dev.keyward.client;

import dev.keyward.core.catalog.TrustedKey;
import dev.keyward.hardware.oshi.OshiMachineReader;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * The example of {@link KeywardClient}'s class javadoc, compiled as written: {@link
 * KeywardClientExampleTest} fails when the two differ, so a change of the public API breaks the
 * build here instead of leaving the javadoc wrong. It is never run (it would use the real store and
 * machine).
 */
final class KeywardClientExample {
  private KeywardClientExample() {}

  static LicenseInfo embed(List<TrustedKey> vendorKeys, String keyTypedByTheUser) {
    // example:begin
    KeywardClient client =
        KeywardClient.builder()
            .store(Path.of(System.getProperty("user.home"), ".keyward", "store"))
            .machine(() -> new OshiMachineReader().read())
            .authority(URI.create("https://activation.example.com"))
            .trust(vendorKeys) // the vendor's keys, compiled in
            .build();
    client.init("winserver", "2022", "ServerStandard"); // what an installer records
    client.installKey(keyTypedByTheUser); // slmgr /ipk: checked offline
    client.activate(); // slmgr /ato
    LicenseInfo info = client.status(); // slmgr /dli, /dlv, /xpr
    // example:end
    return info;
  }
}
