package dev.keyward.client;

import dev.keyward.core.catalog.Product;
import dev.keyward.core.error.Failure;
import dev.keyward.core.license.LicenseMachine;
import java.util.List;

/**
 * A product's state, derived and brought up to date (never saved by opening), with its catalog
 * entry and timers, and what the derivation found against the stored claim (recorded as events when
 * an operation saves). Opened by {@link StoreSession#open}.
 */
record Session(
    Product product, ProductState state, LicenseMachine machine, List<Failure> findings) {
  Session {
    findings = List.copyOf(findings);
  }

  Session(Product product, ProductState state, LicenseMachine machine) {
    this(product, state, machine, List.of());
  }

  /**
   * The session after an operation changed the state: same product and timers, nothing left to
   * record (the operation's save recorded the findings).
   */
  Session with(ProductState next) {
    return new Session(product, next, machine);
  }
}
