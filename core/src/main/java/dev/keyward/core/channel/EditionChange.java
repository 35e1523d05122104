package dev.keyward.core.channel;

import dev.keyward.core.catalog.Channel;
import dev.keyward.core.catalog.ConversionCheck;
import dev.keyward.core.catalog.EditionConversion;
import dev.keyward.core.catalog.KeyGroup;
import dev.keyward.core.catalog.Product;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;

/**
 * Whether {@code dism /online /Set-Edition:TARGET /ProductKey:KEY} may convert what is installed,
 * checked in one fixed order (seeds 000 and 002):
 *
 * <ol>
 *   <li>the conversion itself: the catalog must list TARGET among the installed edition's targets
 *       (never Datacenter to Standard, never desktop to core or back) → 0xC0DE0004;
 *   <li>the key against the TARGET edition, in {@link KeyFit}'s order: another product →
 *       0xC004F050, another version → 0xC004E016 (a conversion keeps the version), another edition
 *       → 0xC004F050.
 * </ol>
 *
 * <p>An evaluation edition converts whether its evaluation still runs or has expired: converting is
 * the way out of an expired evaluation. The key becomes the installed key when the conversion takes
 * effect (at restart), and the converted installation starts its initial grace.
 */
public final class EditionChange {
  private EditionChange() {}

  /**
   * @param installed what is installed now
   * @param target the edition asked for ({@code /Set-Edition:ID}), exactly as the catalog spells it
   * @param key the group of the key given with {@code /ProductKey}
   * @return Allowed(from, to), or Refused with the first rule that fails
   */
  public static ConversionCheck check(
      Product product, Installation installed, String target, KeyGroup key) {
    ConversionCheck conversion = EditionConversion.check(product, installed.edition(), target);
    if (conversion instanceof ConversionCheck.Refused) {
      return conversion;
    }
    if (!key.product().equals(installed.product())) {
      return refuse(
          ErrorCode.INVALID_PRODUCT_KEY,
          "The key given with /ProductKey is for "
              + key.product()
              + ", but "
              + installed.product()
              + " is installed.");
    }
    if (!key.version().equals(installed.version())) {
      String detail =
          "The key given with /ProductKey is for version "
              + key.version()
              + ", but version "
              + installed.version()
              + " is installed; a conversion keeps the version, so the key must be a "
              + installed.version()
              + " key of "
              + target
              + ".";
      if (product.compareVersions(key.version(), installed.version()) > 0) {
        detail +=
            " Downgrade rights let a "
                + key.version()
                + " licence run "
                + installed.version()
                + ": ask for a "
                + installed.version()
                + " key under downgrade rights.";
      }
      return refuse(ErrorCode.PKEY_INVALID_CONFIG, detail);
    }
    if (!key.fitsEdition(target)) {
      String keyEdition = key.edition().orElseThrow();
      String detail =
          "The key given with /ProductKey is for "
              + keyEdition
              + ", not for the target edition "
              + target
              + ": give a key of "
              + target
              + ".";
      if (EditionConversion.fittingConversion(product, installed.edition(), keyEdition)
          .isPresent()) {
        detail += " Or convert to " + keyEdition + " with /Set-Edition:" + keyEdition + ".";
      }
      return refuse(ErrorCode.INVALID_PRODUCT_KEY, detail);
    }
    if (key.channel() == Channel.TIMEBASED_EVAL) {
      return refuse(
          ErrorCode.INVALID_PRODUCT_KEY,
          "An evaluation key cannot be given with /ProductKey: no edition converts to an"
              + " evaluation.");
    }
    return conversion;
  }

  private static ConversionCheck refuse(ErrorCode code, String detail) {
    return new ConversionCheck.Refused(Failure.of(code, detail));
  }
}
