package dev.keyward.authority.audit;

import java.util.Optional;

/** What the checkpointer reads of the audit log: the head, and one entry's hash. */
public interface ChainView {
  AuditChainCheck.Head head();

  /** The hash of entry {@code seq}, empty when there is no such entry. */
  Optional<String> hashAt(long seq);
}
