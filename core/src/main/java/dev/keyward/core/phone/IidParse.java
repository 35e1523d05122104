package dev.keyward.core.phone;

import dev.keyward.core.error.Failure;
import java.util.List;
import java.util.Objects;

/** The outcome of reading an installation ID as typed: the ID, or why it was refused. */
public sealed interface IidParse permits IidParse.Parsed, IidParse.Rejected {

  record Parsed(InstallationId iid) implements IidParse {
    public Parsed {
      Objects.requireNonNull(iid, "iid");
    }
  }

  /**
   * A refused installation ID.
   *
   * @param failure 0xC004F04D when it was mistyped (naming the groups); 0xC004F02C when it is well
   *     typed but of a format this version cannot read
   * @param groups the 1-based groups whose check digit (or length) is wrong, ascending; empty when
   *     the fault is not one group's
   */
  record Rejected(Failure failure, List<Integer> groups) implements IidParse {
    public Rejected {
      Objects.requireNonNull(failure, "failure");
      groups = List.copyOf(groups);
    }
  }
}
