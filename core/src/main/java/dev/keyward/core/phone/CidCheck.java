package dev.keyward.core.phone;

import dev.keyward.core.error.Failure;
import java.util.List;
import java.util.Objects;

/** The outcome of checking a typed confirmation ID against this machine's installation ID. */
public sealed interface CidCheck permits CidCheck.Confirmed, CidCheck.Rejected {

  /**
   * The authority confirmed this installation ID: the machine may record the activation.
   *
   * @param cid what was confirmed, with the index of the authority key that signed it
   */
  record Confirmed(ConfirmationId cid) implements CidCheck {
    public Confirmed {
      Objects.requireNonNull(cid, "cid");
    }
  }

  /**
   * @param failure 0xC004F04D when mistyped (naming the groups); 0xC004F02C when well typed but not
   *     issued by a trusted authority key for this installation ID
   * @param groups the 1-based groups whose check digit (or length) is wrong, ascending; empty when
   *     the fault is not one group's
   */
  record Rejected(Failure failure, List<Integer> groups) implements CidCheck {
    public Rejected {
      Objects.requireNonNull(failure, "failure");
      groups = List.copyOf(groups);
    }
  }
}
