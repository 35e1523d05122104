package dev.keyward.core.volume;

import dev.keyward.core.catalog.Catalog;
import dev.keyward.core.catalog.Channel;
import dev.keyward.core.catalog.KeyGroup;
import dev.keyward.core.catalog.Product;
import dev.keyward.core.catalog.VolumePolicy;
import dev.keyward.core.error.ErrorCode;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How an activated volume host answers a request (SPEC §11), in this order: the request must be for
 * a product of the host key's family, a version ≤ the host key's, with a volume client key of that
 * version and edition (else 0xC004F042, or 0xC004F050 for a key that is not a volume client key);
 * the clocks at most 4 hours apart (else 0xC004F06C); then the CMID is counted and the client is
 * activated when the count of its family has reached its product's threshold (else 0xC004F038 with
 * the count). Requests refused before counting do not count.
 */
public final class VolumeHostRules {
  /** Client and host clocks further apart than this are refused (0xC004F06C). */
  public static final Duration MAX_SKEW = Duration.ofHours(4);

  /** The retry interval a refusal announces when the product is unknown: 2 hours. */
  public static final long DEFAULT_RETRY_MINUTES = 120;

  private final Catalog catalog;
  private final Product hostProduct;
  private final String hostVersion;
  private final String hostId;
  private final int keep;

  /**
   * @param hostProduct the product of the host's VOLUME_KMS_HOST certificate
   * @param hostVersion its version
   * @param hostId the host's id ({@link HostId})
   */
  public VolumeHostRules(Catalog catalog, Product hostProduct, String hostVersion, String hostId) {
    this.catalog = catalog;
    this.hostProduct = hostProduct;
    this.hostVersion = hostVersion;
    this.hostId = hostId;
    this.keep = keep(catalog);
  }

  /** How many CMIDs a host keeps per family: 2 × the highest threshold of the catalog. */
  public static int keep(Catalog catalog) {
    return 2 * catalog.products().stream().mapToInt(p -> p.volume().threshold()).max().orElse(1);
  }

  public int keep() {
    return keep;
  }

  public String hostId() {
    return hostId;
  }

  public VolumeDecision decide(VolumeRequest request, VolumeInventory inventory, Instant now) {
    Optional<Product> product = catalog.product(request.product());
    if (product.isEmpty()
        || product.get().edition(request.edition()).isEmpty()
        || !product.get().hasVersion(request.version())
        || !VolumeVersionRule.serves(hostProduct, hostVersion, product.get(), request.version())) {
      return refuse(
          ErrorCode.VOLUME_HOST_ID_MISMATCH,
          "This host's key ("
              + hostProduct.id()
              + " "
              + hostVersion
              + ") does not serve "
              + installation(request)
              + ".",
          OptionalInt.empty(),
          DEFAULT_RETRY_MINUTES,
          inventory);
    }
    Product p = product.get();
    VolumePolicy policy = p.volume();
    long retry = policy.retry().toMinutes();
    int before = inventory.count(p.family(), now);
    if (!volumeClientGroup(request)) {
      return refuse(
          ErrorCode.INVALID_PRODUCT_KEY,
          "Key group "
              + request.keyGroup()
              + " is not the volume client key group of "
              + installation(request)
              + ".",
          OptionalInt.of(before),
          retry,
          inventory);
    }
    Duration skew = Duration.between(now, request.clientTime()).abs();
    if (skew.compareTo(MAX_SKEW) > 0) {
      return refuse(
          ErrorCode.INVALID_TIMESTAMP,
          skewed(request.clientTime(), now, skew),
          OptionalInt.of(before),
          retry,
          inventory);
    }
    VolumeInventory after = inventory.record(p.family(), request.cmid(), now, keep);
    int count = after.count(p.family(), now);
    if (count < policy.threshold()) {
      return refuse(
          ErrorCode.VOLUME_NOT_ENOUGH_COUNT,
          "The host's count is "
              + count
              + "; "
              + policy.threshold()
              + " machines must have asked before it activates "
              + p.name()
              + ".",
          OptionalInt.of(count),
          retry,
          after);
    }
    VolumeGrant grant =
        new VolumeGrant(
            hostId,
            p.id(),
            request.version(),
            request.edition(),
            request.cmid(),
            count,
            now,
            now.plus(policy.validity()),
            policy.validity().toMinutes(),
            policy.renewal().toMinutes(),
            retry);
    return new VolumeDecision.Granted(grant, after);
  }

  private static String installation(VolumeRequest request) {
    return request.product() + " " + request.version() + " " + request.edition();
  }

  private static String skewed(Instant client, Instant now, Duration skew) {
    return "The client's clock ("
        + client
        + ") and the host's ("
        + now
        + ") are "
        + skew.toMinutes()
        + " minutes apart; at most "
        + MAX_SKEW.toMinutes()
        + " are allowed.";
  }

  /** The answer of a host that cannot activate anyone: 0xC004F041. */
  public static VolumeRefusal notActivated(String detail) {
    return new VolumeRefusal(
        ErrorCode.VOLUME_HOST_NOT_ACTIVATED,
        detail,
        OptionalInt.empty(),
        DEFAULT_RETRY_MINUTES,
        Optional.empty());
  }

  /** The answer to a request that could not be read: KW_E_BAD_REQUEST (HTTP 400). */
  public static VolumeRefusal malformed(String reason, Optional<String> hostId) {
    return new VolumeRefusal(
        ErrorCode.BAD_REQUEST,
        "The volume activation request is malformed: " + reason + ".",
        OptionalInt.empty(),
        DEFAULT_RETRY_MINUTES,
        hostId);
  }

  private boolean volumeClientGroup(VolumeRequest request) {
    Optional<KeyGroup> group = catalog.keyGroup(request.keyGroup());
    return group.isPresent()
        && group.get().channel() == Channel.VOLUME_KMSCLIENT
        && group.get().product().equals(request.product())
        && group.get().version().equals(request.version())
        && group.get().fitsEdition(request.edition());
  }

  private VolumeDecision refuse(
      ErrorCode code, String detail, OptionalInt count, long retry, VolumeInventory inventory) {
    return new VolumeDecision.Refused(
        new VolumeRefusal(code, detail, count, retry, Optional.of(hostId)), inventory);
  }
}
