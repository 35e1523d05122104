package dev.keyward.core.channel;

import dev.keyward.core.catalog.Channel;
import dev.keyward.core.catalog.Edition;
import dev.keyward.core.catalog.EditionConversion;
import dev.keyward.core.catalog.KeyGroup;
import dev.keyward.core.catalog.Product;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import java.util.Optional;

/**
 * Whether a key suits what is installed, checked in one fixed order so that the same key on the
 * same machine always gets the same answer, on the machine ({@code slmgr /ipk}) and at the
 * authority alike:
 *
 * <ol>
 *   <li>product: a key of another product → 0xC004F050;
 *   <li>evaluation: an evaluation edition refuses every other channel's key → 0x80070032, or
 *       0xC004FC07 once the evaluation expired (seeds 000 and 002: convert the edition first);
 *   <li>version: a key of another version → 0xC004E016 (seed 000's downgrade question);
 *   <li>edition: a key of another edition → 0xC004F050, naming the conversion that would fit.
 * </ol>
 */
public final class KeyFit {
  private KeyFit() {}

  /**
   * @param evaluationExpired whether the installed evaluation already ran out (only the machine
   *     knows; the authority passes false)
   * @return empty when the key fits, else the refusal
   */
  public static Optional<Failure> check(
      Product product, Installation installed, KeyGroup key, boolean evaluationExpired) {
    if (!key.product().equals(installed.product()) || !product.id().equals(installed.product())) {
      return refuse(
          ErrorCode.INVALID_PRODUCT_KEY,
          "This key is for " + key.product() + ", but " + installed.product() + " is installed.");
    }
    Optional<Edition> edition = product.edition(installed.edition());
    if (edition.isEmpty()) {
      return refuse(
          ErrorCode.NOT_INSTALLED,
          "'" + installed.edition() + "' is not an edition of " + product.name() + ".");
    }
    if (edition.get().isEvaluation() && key.channel() != Channel.TIMEBASED_EVAL) {
      return evaluationRefusal(edition.get(), key, evaluationExpired);
    }
    if (!key.version().equals(installed.version())) {
      return versionRefusal(product, installed, key);
    }
    if (!key.fitsEdition(installed.edition())) {
      return editionRefusal(product, installed, key);
    }
    return Optional.empty();
  }

  private static Optional<Failure> evaluationRefusal(
      Edition installed, KeyGroup key, boolean expired) {
    String target = key.edition().orElse("a commercial edition");
    String convert =
        installed.targets().contains(target)
            ? " Convert first: keyward dism /online /Set-Edition:"
                + target
                + " /ProductKey:<this key> /AcceptEula, then keyward restart."
            : " "
                + installed.id()
                + " converts to: "
                + String.join(", ", installed.targets())
                + ".";
    if (expired) {
      return refuse(
          ErrorCode.VALIDITY_PERIOD_EXPIRED,
          "The evaluation period of "
              + installed.id()
              + " has ended; a "
              + key.channel()
              + " key cannot activate an evaluation edition."
              + convert);
    }
    return refuse(
        ErrorCode.NOT_SUPPORTED,
        installed.id()
            + " is an evaluation edition: it accepts only evaluation keys, not a "
            + key.channel()
            + " key."
            + convert);
  }

  private static Optional<Failure> versionRefusal(
      Product product, Installation installed, KeyGroup key) {
    String detail =
        "This key is for version "
            + key.version()
            + ", but version "
            + installed.version()
            + " is installed.";
    if (product.compareVersions(key.version(), installed.version()) > 0) {
      detail +=
          " Downgrade rights let a "
              + key.version()
              + " licence run "
              + installed.version()
              + ", but the key must be of the installed version: ask for a "
              + installed.version()
              + " key under downgrade rights.";
    } else {
      detail += " A key of an older version never activates a newer one.";
    }
    return refuse(ErrorCode.PKEY_INVALID_CONFIG, detail);
  }

  private static Optional<Failure> editionRefusal(
      Product product, Installation installed, KeyGroup key) {
    String keyEdition = key.edition().orElseThrow();
    String detail =
        "This key is for " + keyEdition + ", but " + installed.edition() + " is installed.";
    Optional<Edition> conversion =
        EditionConversion.fittingConversion(product, installed.edition(), keyEdition);
    if (conversion.isPresent()) {
      detail +=
          " To use it, convert the edition: keyward dism /online /Set-Edition:"
              + conversion.get().id()
              + " /ProductKey:<this key> /AcceptEula, then keyward restart.";
    } else {
      detail += " Use a key of " + installed.edition() + ".";
    }
    return refuse(ErrorCode.INVALID_PRODUCT_KEY, detail);
  }

  private static Optional<Failure> refuse(ErrorCode code, String detail) {
    return Optional.of(Failure.of(code, detail));
  }
}
