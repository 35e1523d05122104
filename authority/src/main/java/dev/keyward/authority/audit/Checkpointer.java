package dev.keyward.authority.audit;

import dev.keyward.authority.crypto.CertificateSigner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes signed checkpoints of the audit chain's head outside the database: appended to the
 * checkpoint file and logged, every {@link Policy#everyEntries()} entries or {@link Policy#every()}
 * (whichever comes first, when the head moved), on request ({@code GET /v1/admin/audit/checkpoint})
 * and at shutdown.
 *
 * <p>It never signs a head that contradicts its own last checkpoint (a head behind it, or another
 * hash at its entry): that is the tampering checkpoints exist to reveal, and signing it would give
 * the rewritten history a fresh alibi. It logs an error instead, once per state.
 */
public final class Checkpointer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Checkpointer.class);

  /**
   * When to write: after this many new entries, or when this much time passed since the last
   * checkpoint and there are new entries; the head is looked at every {@code poll}.
   */
  public record Policy(int everyEntries, Duration every, Duration poll) {
    public static final Policy DEFAULT =
        new Policy(100, Duration.ofMinutes(10), Duration.ofSeconds(10));

    public Policy {
      if (everyEntries < 1 || every.isNegative() || every.isZero() || poll.isNegative()) {
        throw new IllegalArgumentException("checkpoint policy out of range");
      }
    }
  }

  /** What asking for a checkpoint of the current head gives. */
  public sealed interface Outcome {
    /** The signed head (new, or the last one when the head has not moved since). */
    record Signed(AuditCheckpoint checkpoint) implements Outcome {}

    /** The head contradicts the last checkpoint: nothing was signed. */
    record Refused(String reason) implements Outcome {}
  }

  private final ChainView chain;
  private final CertificateSigner signer;
  private final CheckpointFile file;
  private final Clock clock;
  private final Policy policy;
  private ScheduledExecutorService timer;
  private Optional<AuditCheckpoint> last;
  private String lastRefusal;

  public Checkpointer(
      ChainView chain, CertificateSigner signer, CheckpointFile file, Clock clock, Policy policy) {
    this.chain = chain;
    this.signer = signer;
    this.file = file;
    this.clock = clock;
    this.policy = policy;
    try {
      this.last = file.latest();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file.path() + ": " + e.getMessage(), e);
    }
  }

  /** Starts looking at the head every {@code policy.poll()} (not started: only on request). */
  public synchronized void start() {
    if (timer != null || policy.poll().isZero()) {
      return;
    }
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "audit-checkpoints");
              t.setDaemon(true);
              return t;
            });
    long period = policy.poll().toMillis();
    timer.scheduleWithFixedDelay(this::tickQuietly, period, period, TimeUnit.MILLISECONDS);
  }

  private void tickQuietly() {
    try {
      tick();
    } catch (RuntimeException e) {
      // The next tick tries again; a database that is down must not end the timer.
      LOG.warn("audit checkpoint not written: {}", e.getMessage());
    }
  }

  /**
   * Writes a checkpoint if the policy says it is due.
   *
   * @return the checkpoint written, if one was
   */
  public synchronized Optional<AuditCheckpoint> tick() {
    AuditChainCheck.Head head = chain.head();
    long since = last.map(AuditCheckpoint::seq).orElse(0L);
    if (!agrees(head)) {
      write(head); // refuses, and logs why
      return Optional.empty();
    }
    if (head.seq() == 0) {
      return Optional.empty();
    }
    boolean enoughEntries = head.seq() - since >= policy.everyEntries();
    boolean longEnough =
        last.isEmpty() || !clock.instant().isBefore(last.get().at().plus(policy.every()));
    if (head.seq() <= since || !(enoughEntries || longEnough)) {
      return Optional.empty();
    }
    return switch (write(head)) {
      case Outcome.Signed s -> Optional.of(s.checkpoint());
      case Outcome.Refused r -> Optional.empty();
    };
  }

  /** A checkpoint of the current head, written to the file if the head moved since the last. */
  public synchronized Outcome checkpoint() {
    AuditChainCheck.Head head = chain.head();
    if (last.isPresent() && head.seq() == last.get().seq() && agrees(head)) {
      return new Outcome.Signed(last.get());
    }
    if (head.seq() == 0 && last.isEmpty()) {
      // An empty log: signed, but not worth a line in the file.
      return new Outcome.Signed(AuditCheckpoint.sign(0, head.hash(), now(), signer));
    }
    return write(head);
  }

  private Outcome write(AuditChainCheck.Head head) {
    Optional<String> contradiction = contradiction(head);
    if (contradiction.isPresent()) {
      if (!contradiction.get().equals(lastRefusal)) {
        LOG.error(
            "audit log tampered: {}; no checkpoint signed (run keyward admin audit verify)",
            contradiction.get());
        lastRefusal = contradiction.get();
      }
      return new Outcome.Refused(contradiction.get());
    }
    AuditCheckpoint checkpoint = AuditCheckpoint.sign(head.seq(), head.hash(), now(), signer);
    try {
      file.append(checkpoint);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to " + file.path() + ": " + e.getMessage(), e);
    }
    LOG.info(CheckpointFile.LOG_MARKER + "{}", checkpoint.line());
    last = Optional.of(checkpoint);
    lastRefusal = null;
    return new Outcome.Signed(checkpoint);
  }

  private boolean agrees(AuditChainCheck.Head head) {
    return contradiction(head).isEmpty();
  }

  /** Why this head cannot follow the last checkpoint, if it cannot. */
  private Optional<String> contradiction(AuditChainCheck.Head head) {
    if (last.isEmpty()) {
      return Optional.empty();
    }
    AuditCheckpoint c = last.get();
    if (head.seq() < c.seq()) {
      return Optional.of(
          "the log's head is entry "
              + head.seq()
              + " but checkpoint "
              + c.seq()
              + " of "
              + c.at()
              + " was signed: entries were removed");
    }
    String hash = head.seq() == c.seq() ? head.hash() : chain.hashAt(c.seq()).orElse("");
    if (!hash.equals(c.hash())) {
      return Optional.of(
          "entry "
              + c.seq()
              + " no longer has the hash signed at "
              + c.at()
              + ": it was rewritten");
    }
    return Optional.empty();
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  /** Stops the timer and writes a last checkpoint if the head moved since the last one. */
  @Override
  public synchronized void close() {
    if (timer != null) {
      timer.shutdownNow();
      timer = null;
    }
    try {
      AuditChainCheck.Head head = chain.head();
      if (head.seq() > last.map(AuditCheckpoint::seq).orElse(0L)) {
        write(head);
      }
    } catch (RuntimeException e) {
      LOG.warn("no audit checkpoint written at shutdown: {}", e.getMessage());
    }
  }
}
