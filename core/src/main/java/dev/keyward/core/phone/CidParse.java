package dev.keyward.core.phone;

import dev.keyward.core.error.Failure;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of reading a confirmation ID as typed, before its signature is checked (that is
 * {@link PhoneVerifier}'s job): its fields, or why it was refused.
 */
public sealed interface CidParse permits CidParse.Parsed, CidParse.Rejected {

  record Parsed(ConfirmationId cid) implements CidParse {
    public Parsed {
      Objects.requireNonNull(cid, "cid");
    }
  }

  /**
   * @param failure 0xC004F04D when mistyped (naming the groups); 0xC004F02C when every group is
   *     well typed but the digits spell no confirmation ID
   * @param groups the 1-based groups whose check digit (or length) is wrong, ascending; empty when
   *     the fault is not one group's
   */
  record Rejected(Failure failure, List<Integer> groups) implements CidParse {
    public Rejected {
      Objects.requireNonNull(failure, "failure");
      groups = List.copyOf(groups);
    }
  }
}
