package dev.keyward.client;

import dev.keyward.core.catalog.Channel;
import dev.keyward.core.license.LicenseStatus;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the client knows of one product's license, as {@code slmgr /dli}, {@code /dlv}, {@code /xpr}
 * and {@code --json} show it.
 *
 * @param product product id
 * @param productName the product's name in the catalog
 * @param version installed version
 * @param edition installed edition
 * @param evaluation whether the installed edition is an evaluation edition
 * @param channel the installed key's channel; TIMEBASED_EVAL for an evaluation without a key; empty
 *     when no key is installed
 * @param partialProductKey last five symbols of the installed key, if any
 * @param keyGroup the installed key's group, if any
 * @param status state, reason, remaining time, rearms, enforcement
 * @param cmid client machine id
 * @param activationId the id of the activation certificate, when activated
 * @param trustedTime the trusted-time anchor
 * @param installedAt when the installation was recorded
 * @param keyCopyStored whether the store holds the encrypted key copy {@code /ato} sends
 * @param volume volume client settings
 * @param pendingEdition an edition conversion waiting for {@code keyward restart}
 * @param notices things the user should know about what just happened (trust pinned, hardware
 *     change detected, store damaged…), in order
 * @param installationId this machine's installation ID for the installed key ({@code slmgr /dti}),
 *     when a key that activates at the authority is installed with its copy
 * @param phoneActivation the confirmation ID when the product was activated by phone or proxy file
 *     (no certificate then)
 * @param volumeClient what a volume client knows of its host, grant and schedule (empty for other
 *     keys)
 */
public record LicenseInfo(
    String product,
    String productName,
    String version,
    String edition,
    boolean evaluation,
    Optional<Channel> channel,
    Optional<String> partialProductKey,
    Optional<Integer> keyGroup,
    LicenseStatus status,
    String cmid,
    Optional<String> activationId,
    Instant trustedTime,
    Instant installedAt,
    boolean keyCopyStored,
    VolumeSettings volume,
    Optional<String> pendingEdition,
    List<String> notices,
    Optional<String> installationId,
    Optional<PhoneConfirmation> phoneActivation,
    Optional<VolumeClientInfo> volumeClient) {

  public LicenseInfo {
    Objects.requireNonNull(volumeClient, "volumeClient");
    Objects.requireNonNull(status, "status");
    notices = List.copyOf(notices);
    Objects.requireNonNull(installationId, "installationId");
    Objects.requireNonNull(phoneActivation, "phoneActivation");
  }

  /** How the product was activated: {@code online}, {@code phone}, or empty when it is not. */
  public Optional<String> activationMethod() {
    if (phoneActivation.isPresent()) {
      return Optional.of("phone");
    }
    return activationId.map(id -> "online");
  }

  /**
   * A made-up extended product id in the shape administrators know ({@code
   * PPPPP-GGGGG-CCC-000000-03-1033-VVVV.0000-DDDYYYY}): product number, key group, channel number,
   * a zero serial block (it is never derived from the key), version and install day. Empty without
   * a key.
   */
  public Optional<String> extendedPid() {
    if (keyGroup.isEmpty() || channel.isEmpty()) {
      return Optional.empty();
    }
    int productNumber = Math.floorMod(product.hashCode(), 100_000);
    String versionDigits = version.replaceAll("[^0-9]", "");
    if (versionDigits.isEmpty()) {
      versionDigits = "0";
    }
    var day = installedAt.atZone(java.time.ZoneOffset.UTC);
    return Optional.of(
        String.format(
            "%05d-%05d-%03d-000000-03-1033-%s.0000-%03d%04d",
            productNumber,
            keyGroup.get(),
            channel.get().ordinal() + 1,
            versionDigits,
            day.getDayOfYear(),
            day.getYear()));
  }

  /** The activation's expiry: null when permanent or not activated. */
  public Instant expires() {
    return status.expires();
  }

  /** This answer with {@code first} before its own notices (each notice once). */
  LicenseInfo withNoticesFirst(List<String> first) {
    List<String> all = new java.util.ArrayList<>(first);
    notices.stream().filter(n -> !all.contains(n)).forEach(all::add);
    return new LicenseInfo(
        product,
        productName,
        version,
        edition,
        evaluation,
        channel,
        partialProductKey,
        keyGroup,
        status,
        cmid,
        activationId,
        trustedTime,
        installedAt,
        keyCopyStored,
        volume,
        pendingEdition,
        all,
        installationId,
        phoneActivation,
        volumeClient);
  }
}
