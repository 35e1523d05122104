package dev.keyward.core.catalog;

import dev.keyward.core.error.Failure;

/** Whether an installed edition may be converted to another one (SPEC §2, `dism /Set-Edition`). */
public sealed interface ConversionCheck {
  record Allowed(Edition from, Edition to) implements ConversionCheck {}

  record Refused(Failure failure) implements ConversionCheck {}
}
