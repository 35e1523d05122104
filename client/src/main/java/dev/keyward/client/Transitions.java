package dev.keyward.client;

import dev.keyward.core.catalog.Edition;
import dev.keyward.core.catalog.InstallType;
import dev.keyward.core.catalog.Product;
import dev.keyward.core.license.LicenseMachine;
import dev.keyward.core.license.LicenseRecord;
import dev.keyward.core.license.LicenseTimers;
import dev.keyward.core.license.Transition;
import java.util.List;
import java.util.Optional;

/** Core's state machine as the client uses it: its timers for an edition, its answers as values. */
final class Transitions {
  private Transitions() {}

  /** The state machine of an installed edition (an edition the catalog lost: default timers). */
  static LicenseMachine machine(Product product, String editionId) {
    Optional<Edition> edition = product.edition(editionId);
    if (edition.isPresent()) {
      return new LicenseMachine(LicenseTimers.of(product, edition.get()));
    }
    Edition any = new Edition(editionId, "", InstallType.DESKTOP, 0, List.of());
    return new LicenseMachine(LicenseTimers.of(product, any));
  }

  /** The next record, or the machine's refusal as the exception the caller reports. */
  static LicenseRecord refusedOrNext(Transition t) {
    return switch (t) {
      case Transition.Moved moved -> moved.next();
      case Transition.Refused refused -> throw new KeywardException(refused.failure());
    };
  }

  /** The next record of a transition that cannot be refused ({@code what} names it if it is). */
  static LicenseRecord moved(Transition t, String what) {
    return switch (t) {
      case Transition.Moved moved -> moved.next();
      case Transition.Refused refused ->
          throw new IllegalStateException(what + " refused: " + refused.failure());
    };
  }
}
