package dev.keyward.client;

import dev.keyward.core.catalog.Channel;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.hardware.HardwareIdentity;
import dev.keyward.core.key.KeyDecoding;
import dev.keyward.core.key.KeyPayload;
import dev.keyward.core.key.ProductKey;
import dev.keyward.core.key.ProductKeyCodec;
import dev.keyward.core.phone.InstallationId;
import java.util.Optional;

/**
 * This machine's installation ID for the installed key (SPEC §10): the key's payload, the installed
 * version and edition, and the hashed hardware. What {@code slmgr /dti} shows and a confirmation ID
 * answers.
 */
final class InstallationIds {
  private final ClientContext client;

  InstallationIds(ClientContext client) {
    this.client = client;
  }

  /** The installation ID for {@link LicenseInfo}: empty when it cannot be known (never throws). */
  Optional<String> ifKnown(Session s) {
    Optional<StoredKey> key = s.state().key();
    if (key.isEmpty()
        || key.get().encrypted().isEmpty()
        || !key.get().channel().activatesAtAuthority()) {
      return Optional.empty();
    }
    try {
      return Optional.of(of(s, key.get()).text());
    } catch (RuntimeException e) {
      // a status is never refused because the machine or the key copy cannot be read
      return Optional.empty();
    }
  }

  /** The installed key, checked to be one that activates at the authority. */
  static StoredKey requireKey(Session s) {
    StoredKey stored =
        s.state()
            .key()
            .orElseThrow(
                () ->
                    KeywardException.of(
                        ErrorCode.PKEY_NOT_INSTALLED,
                        "No product key is installed, so there is no installation ID. Install one"
                            + " with keyward slmgr /ipk KEY."));
    Channel channel = stored.channel();
    if (!channel.activatesAtAuthority()) {
      throw KeywardException.of(
          ErrorCode.NOT_SUPPORTED,
          "A "
              + channel
              + " key does not activate against the activation authority, so it has no phone"
              + " activation.");
    }
    return stored;
  }

  InstallationId of(Session s, StoredKey key) {
    ProductKey copy = client.sessions().keyCopy(s, key);
    KeyPayload payload =
        switch (ProductKeyCodec.decode(copy.canonical(), client.catalog()::knowsGroup)) {
          case KeyDecoding.Decoded d -> d.payload();
          case KeyDecoding.Rejected r -> throw new KeywardException(r.failure());
        };
    HardwareIdentity hardware = HardwareIdentity.of(client.machineFacts(), s.product().id());
    try {
      return InstallationId.of(
          payload,
          s.product(),
          s.state().installation().version(),
          s.state().installation().edition(),
          hardware);
    } catch (IllegalArgumentException e) {
      throw KeywardException.of(
          ErrorCode.NOT_INSTALLED,
          "No installation ID can be made for what the store records ("
              + e.getMessage()
              + "). Record the installation again with keyward init.");
    }
  }
}
