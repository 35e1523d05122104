package dev.keyward.authority;

import dev.keyward.authority.http.ApiException;
import dev.keyward.authority.store.ActivationRow;
import dev.keyward.authority.store.ActivationStore;
import dev.keyward.authority.store.CertificateStore;
import dev.keyward.authority.store.Database;
import dev.keyward.authority.store.DecisionRead;
import dev.keyward.authority.store.DowngradeStore;
import dev.keyward.authority.store.KeyPriors;
import dev.keyward.authority.store.KeyRow;
import dev.keyward.authority.store.Store;
import dev.keyward.core.catalog.Catalog;
import dev.keyward.core.catalog.Channel;
import dev.keyward.core.catalog.KeyGroup;
import dev.keyward.core.catalog.Product;
import dev.keyward.core.cert.SignedCertificate;
import dev.keyward.core.channel.ActivationRequest;
import dev.keyward.core.channel.ChannelDecision;
import dev.keyward.core.channel.ChannelRules;
import dev.keyward.core.channel.KeyStanding;
import dev.keyward.core.channel.MachineHardware;
import dev.keyward.core.channel.PriorActivation;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A machine's activation by its key: loads the key and its activations in one write transaction,
 * asks core ({@link ChannelRules}) and stores what it says before answering. What a machine then
 * does with the activation it holds (release it, renew its certificate) is {@link
 * HeldActivations}'.
 */
final class ActivationService {
  private final Store store;
  private final Database db;
  private final Keyring keyring;
  private final Supplier<Catalog> catalog;
  private final Clock clock;
  private final boolean allowSimulated;
  private final Downgrades downgrades;
  private final GrantSigner signer;

  ActivationService(
      Store store,
      Keyring keyring,
      Supplier<Catalog> catalog,
      Clock clock,
      boolean allowSimulated) {
    this.store = store;
    this.db = store.db();
    this.keyring = keyring;
    this.catalog = catalog;
    this.clock = clock;
    this.allowSimulated = allowSimulated;
    this.downgrades = new Downgrades(store, keyring, catalog, clock);
    this.signer = new GrantSigner(store, keyring);
  }

  /** What a client receives: the signed certificate JSON and whether it was given again. */
  record Issued(String signedJson, boolean reissued, String activationId) {}

  TypedKey read(String typed) {
    return TypedKey.read(typed, catalog.get(), keyring, 422);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  Issued activate(TypedKey typed, ActivationRequest request, String cmid) {
    return activate(typed, request, cmid, Optional.empty());
  }

  /**
   * Activates; {@code hostPublicKey} (a volume host's or host agent's key, base64 X.509 Ed25519) is
   * certified in the certificate of a VOLUME_KMS_HOST activation (SPEC §11) or of a Datacenter
   * edition's (SPEC §12), and ignored otherwise.
   */
  Issued activate(
      TypedKey typed, ActivationRequest request, String cmid, Optional<String> hostPublicKey) {
    typed.requireIssued(422);
    Optional<String> hostKey = certifiesHostKey(typed) ? hostPublicKey : Optional.empty();
    Product product = typed.product();
    KeyGroup group = typed.group();
    Instant now = now();
    if (typed.publicVolumeKey()) {
      // Public keys are never stored; core refuses them with the way to go.
      ChannelDecision d =
          ChannelRules.decide(
              product, group, KeyStanding.unblocked(), List.of(), request, now, allowSimulated);
      throw ApiException.refusal(
          d instanceof ChannelDecision.Refuse r
              ? r.failure()
              : Failure.of(ErrorCode.NOT_SUPPORTED, "Volume client keys activate elsewhere."));
    }
    // The certificate a grant would give, signed before the transaction where that saves the
    // database's time (SQLite: one writer).
    GrantSigner.Signed presigned =
        db.dialect() == Database.Dialect.SQLITE
            ? signer.presign(typed, request, cmid, hostKey, now)
            : null;
    String components = Machines.toJson(request.machine());
    MachineHardware machine = MachineHardware.of(request.machine());
    Issued issued = activate(typed, request, cmid, hostKey, now, presigned, components, machine);
    if (!issued.reissued()) {
      // After the commit, off the transaction (on SQLite, the one writer's time): the key's next
      // decisions find this machine in the key's memo; this table serves those whose memo is gone.
      Machines.rememberActivation(issued.activationId(), components, machine);
    }
    return issued;
  }

  private Issued activate(
      TypedKey typed,
      ActivationRequest request,
      String cmid,
      Optional<String> hostKey,
      Instant now,
      GrantSigner.Signed presigned,
      String components,
      MachineHardware grantedMachine) {
    Product product = typed.product();
    KeyGroup group = typed.group();
    return db.write(
        h -> {
          DecisionRead.Read read =
              store
                  .decisionRead()
                  .read(h, typed.fingerprint(), decisionRows(group.channel()), MACHINES)
                  .orElseThrow(() -> TypedKey.notIssued(422));
          KeyRow key = read.key();
          List<ActivationStore.Prior> rows = read.priors();
          List<PriorActivation> prior = read.activations().forRules();
          // a multiple activation downgrade key counts against its original's pool
          DowngradeStore.Around links = read.links();
          KeyRow pool = downgrades.poolOf(h, key, links);
          KeyStanding standing =
              new KeyStanding(downgrades.blocked(h, key, links), pool.poolSize(), pool.poolUsed());
          ChannelDecision decision =
              ChannelRules.decide(product, group, standing, prior, request, now, allowSimulated);
          return switch (decision) {
            case ChannelDecision.Refuse refuse -> throw ApiException.refusal(refuse.failure());
            case ChannelDecision.Reissue reissue -> {
              ActivationStore.Prior row =
                  rows.stream()
                      .filter(r -> r.id().equals(reissue.prior().id()))
                      .findFirst()
                      .orElseThrow();
              if (!row.active()) {
                // An OEM key stays bound to its first machine even once released: the same
                // machine gets its activation back, active again, and nothing is spent.
                store.activations().reactivate(h, row.id());
              }
              Optional<CertificateStore.CertificateRow> stored =
                  store.certificates().currentOf(h, row.id());
              if (stored.isEmpty() || !certifies(stored.get(), hostKey)) {
                // Activated by phone, so certificate-less: its first certificate, nothing spent
                // (the presigned one when there is one: only its activation id goes unused).
                GrantSigner.Signed issued =
                    signer.forKey(presigned, key, typed, request, cmid, hostKey, now);
                store
                    .certificates()
                    .insertCertificate(
                        h, issued.certificateId(), row.id(), now.toEpochMilli(), issued.text());
                store.activations().setCurrentCertificate(h, row.id(), issued.certificateId());
                yield new Issued(issued.text(), true, row.id());
              }
              yield new Issued(stored.get().signed(), true, row.id());
            }
            case ChannelDecision.Grant grant -> {
              // one licence, one machine: the original and its downgrade keys (retail, OEM)
              downgrades.claimLicence(
                  h, key, links, product, request.machine(), now.toEpochMilli());
              GrantSigner.Signed issued =
                  signer.forKey(presigned, key, typed, request, cmid, hostKey, now);
              // KeyStanding's pool is the multiple activation key's (a downgrade key's is its
              // original's); a volume host key's slots are counted by core from its activations.
              Optional<KeyRow> spent =
                  grant.spendsCount() && group.channel() == Channel.VOLUME_MAK
                      ? Optional.of(
                          pool.withStanding(
                              pool.blocked(),
                              pool.poolSize(),
                              pool.poolUsed() + 1,
                              pool.extensionTotal()))
                      : Optional.empty();
              // told to the key's memo before the transaction's last statement: on PostgreSQL that
              // statement carries the commit, the key's lock goes with it, and only the lock's
              // holder may change the memo
              read.activations()
                  .granted(
                      new ActivationStore.Prior(
                          issued.activationId(),
                          grantedMachine,
                          true,
                          grant.spendsCount(),
                          now.toEpochMilli()));
              store
                  .activations()
                  .insertGrant(
                      h,
                      new ActivationRow(
                          issued.activationId(),
                          key.id(),
                          components,
                          cmid,
                          true,
                          grant.spendsCount(),
                          now.toEpochMilli(),
                          Optional.empty(),
                          Optional.empty(),
                          issued.certificateId()),
                      now.toEpochMilli(),
                      issued.text(),
                      spent);
              yield new Issued(issued.text(), false, issued.activationId());
            }
          };
        });
  }

  /**
   * The activations {@link ChannelRules#decide} looks at for a key of this channel: retail and
   * multiple activation keys look only at active activations and those still holding a count; OEM
   * and volume host keys at every activation the key ever had.
   */
  static ActivationStore.Rows decisionRows(Channel channel) {
    return switch (channel) {
      case RETAIL, VOLUME_MAK -> ActivationStore.Rows.ACTIVE_OR_SPENT;
      default -> ActivationStore.Rows.ALL;
    };
  }

  /**
   * Whether an activation of this key certifies the key the machine sent: a volume host's (it signs
   * volume grants, SPEC §11) or a Datacenter host's (its host agent signs VM grants, SPEC §12).
   */
  private static boolean certifiesHostKey(TypedKey typed) {
    KeyGroup group = typed.group();
    return group.channel() == Channel.VOLUME_KMS_HOST
        || group
            .edition()
            .flatMap(typed.product()::edition)
            .map(dev.keyward.core.vmhost.VmHostEdition::hosts)
            .orElse(false);
  }

  /**
   * Whether a stored certificate may be given again to a machine that sent {@code hostKey}: a
   * volume host that sends another key than the one certified (it lost its key file) gets a new
   * certificate for the same activation, nothing spent.
   */
  private static boolean certifies(
      CertificateStore.CertificateRow stored, Optional<String> hostKey) {
    if (hostKey.isEmpty()) {
      return true;
    }
    return SignedCertificate.fromJsonText(stored.signed())
        .map(c -> c.certificate().hostPublicKey().equals(hostKey))
        .orElse(true);
  }

  static KeyStanding standing(KeyRow key) {
    return new KeyStanding(key.blocked(), key.poolSize(), key.poolUsed());
  }

  /** Machines of stored activations, each read once per process (see {@link Machines}). */
  private static final ActivationStore.MachineOf MACHINES =
      new ActivationStore.MachineOf() {
        @Override
        public MachineHardware known(String activationId) {
          return Machines.knownActivation(activationId);
        }

        @Override
        public MachineHardware read(String activationId, String components) {
          return Machines.ofActivation(activationId, components);
        }

        @Override
        public KeyPriors lastRead(String keyId) {
          return KEY_PRIORS.get(keyId);
        }

        @Override
        public void remember(String keyId, KeyPriors read) {
          KEY_PRIORS.put(keyId, read);
        }
      };

  // A key's activations as its last decision read them (KeyPriors): as many keys
  // as the machine cache holds activations, since most keys have one or a few. One memo a key,
  // whichever rows it holds: a grant is appended to one memo, and another kept beside it for the
  // same key would miss it.
  private static final Generations<KeyPriors> KEY_PRIORS = new Generations<>(Machines.READ_LIMIT);

  static PriorActivation prior(ActivationRow row) {
    return new PriorActivation(
        row.id(),
        Machines.ofActivation(row.id(), row.components()),
        row.active(),
        Instant.ofEpochMilli(row.issuedAt()),
        row.spent());
  }
}
