package dev.keyward.client;

import dev.keyward.core.catalog.TrustedKey;
import dev.keyward.core.directory.ActivationObject;
import dev.keyward.core.directory.ActivationObjectEntry;
import dev.keyward.core.directory.DirectoryPolicy;
import dev.keyward.core.directory.DirectorySchema;
import dev.keyward.core.directory.ObjectCheck;
import dev.keyward.core.directory.ObjectReading;
import dev.keyward.core.directory.ObjectVerifier;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import dev.keyward.core.license.ActivationStanding;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A volume client on a machine that joined a directory (SPEC §12): at {@code /ato} and at each
 * renewal it looks for an activation object that verifies to the trusted authority keys and covers
 * its product and version; one found activates it for 180 days from that check. At every read the
 * kept object is verified again ({@link #standing}): the directory's say-so is never stored as a
 * claim the owner could rewrite into more than the object's signatures prove.
 */
final class DirectoryActivation {
  private final ClientContext client;
  private final DirectoryActivationFile file;
  private final DirectoryPolicy policy = DirectoryPolicy.DEFAULT;

  DirectoryActivation(ClientContext client) {
    this.client = client;
    this.file = new DirectoryActivationFile(client.store());
  }

  /** What a directory check gave. */
  sealed interface Outcome {
    record Found(ActivationObject object, String dn, Instant expiresAt) implements Outcome {}

    record NotFound(Failure failure) implements Outcome {}
  }

  /**
   * Checks the joined directory; empty when the machine joined none. Records the result and its
   * event (12295 found, 12296 not).
   */
  Optional<Outcome> check(Session s, StoredKey key) {
    Optional<DirectoryJoin> join =
        new DirectoryMembership(client.store(), client.clock()).current();
    if (join.isEmpty()) {
      return Optional.empty();
    }
    String product = s.product().id();
    Instant now = client.clock().instant();
    DirectoryActivationRecord record = file.read(product);
    Outcome outcome = search(s, join.get());
    switch (outcome) {
      case Outcome.Found f -> {
        file.write(product, record.found(f.object(), f.dn(), key.fingerprint(), now));
        DirectoryEvents.activated(client, s.state(), f.object(), f.dn(), f.expiresAt());
      }
      case Outcome.NotFound n -> {
        file.write(product, record.failed(now, n.failure().error().hex()));
        DirectoryEvents.checkFailed(
            client, s.state(), join.get().address().toString(), n.failure());
      }
    }
    return Optional.of(outcome);
  }

  private Outcome search(Session s, DirectoryJoin join) {
    List<LdapDirectory.Found> entries;
    try (LdapDirectory directory = LdapDirectory.open(join.address())) {
      entries = directory.objects(join.base());
    } catch (KeywardException e) {
      return new Outcome.NotFound(e.failure());
    }
    ObjectVerifier verifier = verifier(client.trust().keys());
    Failure best = null;
    for (LdapDirectory.Found f : entries) {
      Failure problem;
      switch (ActivationObjectEntry.read(f.dn(), f.attributes())) {
        case ObjectReading.Malformed m -> problem = m.failure();
        case ObjectReading.Read r -> {
          ObjectCheck check = verifier.verify(r.object(), s.product().id(), version(s));
          if (check instanceof ObjectCheck.Invalid invalid) {
            problem = invalid.failure();
          } else {
            return new Outcome.Found(
                r.object(), f.dn(), policy.expiresAt(client.clock().instant()));
          }
        }
      }
      if (best == null || rank(problem.error()) > rank(best.error())) {
        best = problem;
      }
    }
    if (best != null) {
      return new Outcome.NotFound(best);
    }
    return new Outcome.NotFound(
        Failure.of(
            ErrorCode.NO_ACTIVATION_OBJECT,
            "The directory "
                + join.address().server()
                + " holds no activation object under "
                + DirectorySchema.containerDn(join.base())
                + "."));
  }

  /** Which failure tells most: a bad object (an administrator must act) before a missing one. */
  private static int rank(ErrorCode e) {
    return switch (e) {
      case ACTIVATION_OBJECT_UNTRUSTED -> 3;
      case ACTIVATION_OBJECT_MALFORMED -> 2;
      default -> 1;
    };
  }

  /**
   * What the kept object proves now: Proven until 180 days after the check that last found it when
   * it verifies with the trusted keys, covers this installation and was found with the installed
   * key; Absent without one; Refuted otherwise.
   */
  ActivationStanding standing(String product, ProductState state, List<TrustedKey> trusted) {
    DirectoryActivationRecord r = file.read(product);
    if (r.object().isEmpty() || r.confirmedAt().isEmpty()) {
      return new ActivationStanding.Absent();
    }
    Optional<String> problem = problem(r, state, trusted);
    if (problem.isPresent()) {
      return new ActivationStanding.Refuted(
          Failure.of(
              ErrorCode.STORE_TAMPERED,
              "the kept directory activation proves nothing: " + problem.get() + "."));
    }
    return new ActivationStanding.Proven(policy.expiresAt(r.confirmedAt().get()));
  }

  /** What {@code /dlv} shows; empty when no object was ever found. */
  Optional<DirectoryActivationInfo> info(String product, ProductState state) {
    Optional<DirectoryJoin> join =
        new DirectoryMembership(client.store(), client.clock()).current();
    DirectoryActivationRecord r = file.read(product);
    if (join.isEmpty() && r.object().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new DirectoryActivationInfo(
            join.map(j -> j.address().toString()),
            r.object().map(ActivationObject::name),
            r.dn(),
            r.confirmedAt().map(policy::expiresAt),
            r.confirmedAt().map(c -> c.plus(policy.recheck())),
            r.lastResult(),
            r.object().isPresent() ? problem(r, state, client.trust().keys()) : Optional.empty()));
  }

  /** When the directory was last checked, found or not (the renewal schedule counts from it). */
  Optional<Instant> lastCheckAt(String product) {
    return file.read(product).lastCheckAt();
  }

  /** When a check last found an object. */
  Optional<Instant> confirmedAt(String product) {
    return file.read(product).confirmedAt();
  }

  private Optional<String> problem(
      DirectoryActivationRecord r, ProductState state, List<TrustedKey> trusted) {
    if (!r.keyFingerprint().equals(state.key().map(StoredKey::fingerprint))) {
      return Optional.of("it was found with another product key");
    }
    if (r.confirmedAt()
        .get()
        .isAfter(client.clock().instant().plus(java.time.Duration.ofHours(4)))) {
      return Optional.of("it says it was confirmed in the future");
    }
    return switch (verifier(trusted)
        .verify(r.object().get(), state.installation().product(), state.installation().version())) {
      case ObjectCheck.Valid v -> Optional.empty();
      case ObjectCheck.Invalid i -> Optional.of(i.failure().detail());
    };
  }

  private ObjectVerifier verifier(List<TrustedKey> trusted) {
    return new ObjectVerifier(trusted, client.catalog(), client.clock());
  }

  private static String version(Session s) {
    return s.state().installation().version();
  }
}
