package dev.keyward.client;

import dev.keyward.core.catalog.ConversionCheck;
import dev.keyward.core.catalog.Edition;
import dev.keyward.core.catalog.KeyGroup;
import dev.keyward.core.catalog.Product;
import dev.keyward.core.channel.EditionChange;
import dev.keyward.core.channel.Installation;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.hardware.Cmid;
import dev.keyward.core.key.KeyDecoding;
import dev.keyward.core.key.ProductKey;
import dev.keyward.core.key.ProductKeyCodec;
import dev.keyward.core.license.LicenseEvent;
import dev.keyward.core.license.LicenseMachine;
import dev.keyward.core.license.LicenseRecord;
import dev.keyward.core.license.LicenseTimers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What changes an installation itself rather than its licence: edition conversion ({@code dism
 * /online /Set-Edition}, applied by {@code keyward restart}) and generalisation (a new client
 * machine id, as an image is generalised before it is deployed). Reached through {@link
 * KeywardClient#editions}, {@link KeywardClient#convertEdition}, {@link
 * KeywardClient#applyPendingConversion} and {@link KeywardClient#generalize}.
 *
 * <p>The rules are core's: {@link EditionChange} decides whether a conversion may be asked for;
 * {@link LicenseEvent.Converted} is what it does to the timers when it takes effect (InitialGrace,
 * the conversion's key installed, no longer an evaluation).
 */
public final class Servicing {
  private final ClientContext client;

  Servicing(ClientContext client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  /**
   * The installed edition and what it may become ({@code /Get-CurrentEdition}, {@code
   * /Get-TargetEditions}).
   *
   * @param targets the editions the catalog lets the installed one convert to, in catalog order
   * @param pending the edition a conversion waiting for the restart leads to
   */
  public record Editions(
      String product,
      String productName,
      String version,
      String edition,
      boolean evaluation,
      List<String> targets,
      Optional<String> pending) {
    public Editions {
      targets = List.copyOf(targets);
    }
  }

  /** A conversion that took effect at restart: from, to, and the licence as it now stands. */
  public record Conversion(String from, String to, LicenseInfo info) {}

  Editions editions() {
    Loaded l = load(new ArrayList<>());
    Installation installed = l.state.installation();
    Optional<Edition> edition = l.product.edition(installed.edition());
    return new Editions(
        l.product.id(),
        l.product.name(),
        installed.version(),
        installed.edition(),
        edition.map(Edition::isEvaluation).orElse(false),
        edition.map(Edition::targets).orElse(List.of()),
        l.state.pendingEdition());
  }

  LicenseInfo convert(String target, String typedKey) {
    List<String> notices = new ArrayList<>();
    Loaded l = load(notices);
    ProductState state = l.state;
    Installation installed = state.installation();
    if (state.pendingConversion().isPresent()) {
      throw KeywardException.of(
          ErrorCode.RESTART_PENDING,
          "A conversion to "
              + state.pendingConversion().get().edition()
              + " is waiting for the restart. Run keyward restart, then convert again.");
    }
    // DISM reads edition ids case-insensitively; the catalog's spelling is what is recorded
    String targetId =
        l.product.editions().stream()
            .map(Edition::id)
            .filter(id -> id.equalsIgnoreCase(target == null ? "" : target.strip()))
            .findFirst()
            .orElse(target == null ? "" : target.strip());
    KeyDecoding.Decoded decoded =
        switch (ProductKeyCodec.decode(
            typedKey == null ? "" : typedKey, client.catalog()::knowsGroup)) {
          case KeyDecoding.Decoded d -> d;
          case KeyDecoding.Rejected rejected -> throw new KeywardException(rejected.failure());
        };
    ProductKey key = decoded.key();
    KeyGroup group = client.catalog().keyGroup(decoded.payload().group()).orElseThrow();
    if (EditionChange.check(l.product, installed, targetId, group)
        instanceof ConversionCheck.Refused refused) {
      throw new KeywardException(refused.failure());
    }
    LocalStore store = client.store();
    StoredKey pendingKey =
        new StoredKey(
            store.secret().fingerprint(key),
            key.partial(),
            group.number(),
            group.channel(),
            group.version(),
            group.edition(),
            Optional.of(store.secret().encrypt(key, l.product.id(), client.random())));
    Instant now = client.clock().instant();
    ProductState next =
        state.withPendingConversion(Optional.of(new PendingConversion(targetId, pendingKey, now)));
    client.sessions().save(l.session, next);
    event(
        next,
        "EditionConversionRequested",
        Map.of("from", installed.edition(), "to", targetId, "partialKey", key.partial()));
    notices.add(
        "The conversion from "
            + installed.edition()
            + " to "
            + targetId
            + " takes effect at the next restart (keyward restart).");
    return client.infos().build(l.session.with(next), notices);
  }

  Optional<Conversion> applyPending() {
    List<String> notices = new ArrayList<>();
    Loaded l = load(notices);
    ProductState state = l.state;
    if (state.pendingConversion().isEmpty()) {
      return Optional.empty();
    }
    PendingConversion pending = state.pendingConversion().get();
    Installation before = state.installation();
    Edition target =
        l.product
            .edition(pending.edition())
            .orElseThrow(
                () ->
                    KeywardException.of(
                        ErrorCode.CONVERSION_NOT_ALLOWED,
                        "The pending conversion names "
                            + pending.edition()
                            + ", which the catalog no longer has."));
    LicenseMachine machine = new LicenseMachine(LicenseTimers.of(l.product, target));
    Instant now = client.clock().instant();
    LicenseRecord next =
        Transitions.refusedOrNext(
            machine.apply(
                state.record(),
                new LicenseEvent.Converted(pending.key().channel().isVolumeClient()),
                now));
    ProductState converted =
        new ProductState(
            new Installation(before.product(), before.version(), target.id()),
            state.cmid(),
            state.installedAt(),
            Optional.of(pending.key()),
            Optional.empty(),
            next,
            state.volume(),
            Optional.empty(),
            Optional.empty(),
            state.trustDigest());
    client.sessions().save(l.session, converted);
    event(
        converted,
        "EditionConverted",
        Map.of("from", before.edition(), "to", target.id(), "partialKey", pending.key().partial()));
    notices.add(
        "Converted "
            + before.edition()
            + " to "
            + target.id()
            + ": the key ending in "
            + pending.key().partial()
            + " is installed; activate it before the grace period ends.");
    LicenseInfo info = client.infos().build(new Session(l.product, converted, machine), notices);
    return Optional.of(new Conversion(before.edition(), target.id(), info));
  }

  LicenseInfo generalize() {
    List<String> notices = new ArrayList<>();
    Loaded l = load(notices);
    String cmid = Cmid.random(client.random()).format();
    ProductState next = l.state.withCmid(cmid);
    client.sessions().save(l.session, next);
    event(next, "Generalized", Map.of("cmid", cmid));
    notices.add("Generalized: the client machine ID is now " + cmid + ".");
    return client.infos().build(l.session.with(next), notices);
  }

  /** Restarts the evaluation or the initial grace ({@code slmgr /rearm}), up to the limit. */
  LicenseInfo rearm() {
    List<String> notices = new ArrayList<>();
    Loaded l = load(notices);
    LicenseRecord next =
        Transitions.refusedOrNext(
            l.session
                .machine()
                .apply(l.state.record(), new LicenseEvent.Rearmed(), client.clock().instant()));
    ProductState state = l.state.withRecord(next);
    client.sessions().save(l.session, state);
    event(state, "Rearmed", Map.of("rearmCount", next.rearmCount()));
    return client.infos().build(l.session.with(state), notices);
  }

  // --- helpers --------------------------------------------------------------------------------

  private record Loaded(Session session, Product product, ProductState state) {}

  /**
   * The product's state as every operation sees it ({@link StoreSession#open}: timers settled,
   * seal, recorded trust, proof of activation and hardware derived), with its notices. What the
   * derivation found is saved with the operation's own change.
   */
  private Loaded load(List<String> notices) {
    Session s = client.sessions().open(notices);
    return new Loaded(s, s.product(), s.state());
  }

  private void event(ProductState state, String name, Map<String, ?> details) {
    client.sessions().event(state, name, details);
  }
}
