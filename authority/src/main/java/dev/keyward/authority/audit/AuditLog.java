package dev.keyward.authority.audit;

import dev.keyward.authority.crypto.CertificateSigner;
import dev.keyward.authority.store.Store;
import dev.keyward.core.catalog.TrustedKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The running authority's audit anchoring: its checkpoint file ({@code
 * <data>/audit-checkpoints.jsonl}), the checkpointer that writes it, and verification of the
 * database's chain against it.
 */
public final class AuditLog implements AutoCloseable {
  private final DatabaseChain chain;
  private final CheckpointFile file;
  private final Checkpointer checkpointer;
  private final List<TrustedKey> trusted;

  public AuditLog(
      Store store,
      CertificateSigner signer,
      List<TrustedKey> trusted,
      Path dataDir,
      Clock clock,
      Checkpointer.Policy policy) {
    this.chain = new DatabaseChain(store);
    this.file = new CheckpointFile(dataDir.resolve(CheckpointFile.NAME));
    this.trusted = List.copyOf(trusted);
    this.checkpointer = new Checkpointer(chain, signer, file, clock, policy);
  }

  /** Starts the periodic checkpoints. */
  public AuditLog start() {
    checkpointer.start();
    return this;
  }

  public Checkpointer checkpointer() {
    return checkpointer;
  }

  public Path checkpointFile() {
    return file.path();
  }

  /** The chain, its head, and the checkpoint file of the data directory. */
  public AuditReport verify() {
    CheckpointFile.Read checkpoints;
    try {
      checkpoints =
          Files.exists(file.path())
              ? CheckpointFile.read(file.path())
              : new CheckpointFile.Read(List.of(), List.of());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file.path() + ": " + e.getMessage(), e);
    }
    return chain.verify(checkpoints, trusted);
  }

  @Override
  public void close() {
    checkpointer.close();
  }
}
