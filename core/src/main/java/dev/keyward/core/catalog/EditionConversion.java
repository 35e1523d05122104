package dev.keyward.core.catalog;

import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import java.util.List;
import java.util.Optional;

/**
 * Edition conversion rules. A conversion is allowed exactly when the catalog lists the target among
 * the installed edition's {@code targets}; the loader already guarantees that no target crosses
 * between desktop and core or leads to an evaluation. The refusals explain which rule applies,
 * because "Datacenter to Standard" and "desktop to core" are the two questions support hears.
 */
public final class EditionConversion {
  private EditionConversion() {}

  public static ConversionCheck check(Product product, String fromId, String toId) {
    Optional<Edition> from = product.edition(fromId);
    Optional<Edition> to = product.edition(toId);
    if (from.isEmpty()) {
      return refused("'" + fromId + "' is not an edition of " + product.name() + ".");
    }
    if (to.isEmpty()) {
      return refused(
          "'"
              + toId
              + "' is not an edition of "
              + product.name()
              + "; the editions this installation can become are: "
              + describeTargets(from.get())
              + ".");
    }
    Edition f = from.get();
    Edition t = to.get();
    if (f.targets().contains(t.id())) {
      return new ConversionCheck.Allowed(f, t);
    }
    String why;
    if (f.id().equals(t.id())) {
      why = f.id() + " is already the installed edition.";
    } else if (f.installType() != t.installType()) {
      why =
          "a "
              + f.installType().yamlName()
              + " installation cannot become a "
              + t.installType().yamlName()
              + " one ("
              + t.id()
              + "); reinstall with the "
              + t.installType().yamlName()
              + " media instead.";
    } else if (t.isEvaluation()) {
      why = "no edition converts to an evaluation edition.";
    } else {
      why =
          f.id()
              + " cannot be converted to "
              + t.id()
              + " (an edition converts only upward, e.g. Standard to Datacenter).";
    }
    return refused(why + " Allowed from " + f.id() + ": " + describeTargets(f) + ".");
  }

  /**
   * The conversion that would let a key of {@code keyEdition} be used on a machine where {@code
   * installedEdition} is installed, if the catalog allows it: what an edition-mismatch error should
   * suggest instead of only saying no.
   */
  public static Optional<Edition> fittingConversion(
      Product product, String installedEdition, String keyEdition) {
    return switch (check(product, installedEdition, keyEdition)) {
      case ConversionCheck.Allowed allowed -> Optional.of(allowed.to());
      case ConversionCheck.Refused refused -> Optional.empty();
    };
  }

  private static String describeTargets(Edition from) {
    List<String> targets = from.targets();
    return targets.isEmpty() ? "none" : String.join(", ", targets);
  }

  private static ConversionCheck refused(String detail) {
    return new ConversionCheck.Refused(Failure.of(ErrorCode.CONVERSION_NOT_ALLOWED, detail));
  }
}
