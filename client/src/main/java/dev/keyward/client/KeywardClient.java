package dev.keyward.client;

import dev.keyward.core.catalog.Catalog;
import dev.keyward.core.catalog.CatalogLoader;
import dev.keyward.core.catalog.TrustedKey;
import dev.keyward.core.catalog.TrustedPhoneKey;
import dev.keyward.core.hardware.MachineFacts;
import java.net.ProxySelector;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The licensing client an application embeds: one object per store, one call per administrator
 * command. Every licensing rule is core's; this class reads and writes the store, asks the
 * authority, and applies core's decisions.
 *
 * <pre>{@code
 * KeywardClient client = KeywardClient.builder()
 *     .store(Path.of(System.getProperty("user.home"), ".keyward", "store"))
 *     .machine(() -> new OshiMachineReader().read())
 *     .authority(URI.create("https://activation.example.com"))
 *     .trust(vendorKeys)                                  // the vendor's keys, compiled in
 *     .build();
 * client.init("winserver", "2022", "ServerStandard");   // what an installer records
 * client.installKey(keyTypedByTheUser);                  // slmgr /ipk: checked offline
 * client.activate();                                     // slmgr /ato
 * LicenseInfo info = client.status();                    // slmgr /dli, /dlv, /xpr
 * }</pre>
 *
 * <p>Every method throws {@link KeywardException} (with the catalogue's code, message and remedy)
 * when the operation is refused; it never throws for a damaged store, which is reported as
 * NonGenuineGrace instead. Not thread-safe; one process at a time per store.
 *
 * <p>The example is compiled: {@code KeywardClientExample} in the tests holds the same code, and a
 * test fails when the two differ.
 */
// The public front only: one delegating method per command, and its Builder (public API, which is
// why the class passes 300 lines). The work is done by one part per job: Installer,
// OnlineActivation, Deactivation, PhoneActivation, Servicing, the volume and VM guest licences,
// over the shared ClientContext (StoreSession, TrustPinning, InfoBuilder).
public final class KeywardClient {
  private final ClientContext context;

  private KeywardClient(Builder b) {
    this.context =
        new ClientContext(
            b.store,
            b.catalog,
            b.product,
            b.machine,
            new ClientContext.GivenTrust(b.trust, b.phoneTrust, b.pinTrustOnFirstUse),
            new ClientContext.Reach(b.authority, b.proxies, b.connectionOptions, b.volumeNetwork),
            b.clock,
            b.random);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The default store directory: {@code ~/.keyward/store}. */
  public static Path defaultStore() {
    return Path.of(System.getProperty("user.home"), ".keyward", "store");
  }

  public LocalStore store() {
    return context.store();
  }

  public Catalog catalog() {
    return context.catalog();
  }

  public Optional<URI> authority() {
    return context.authority();
  }

  /** The parts behind this front, for the package's public helpers built from a client. */
  ClientContext context() {
    return context;
  }

  /**
   * Phone and proxy activation ({@code slmgr /dti}, {@code /atp}, {@code slui 4}, proxy files): the
   * installation ID and confirmation IDs of the installed key.
   */
  public PhoneActivation phone() {
    return new PhoneActivation(context);
  }

  /** The volume client settings verbs ({@code slmgr /skms}, {@code /sai}, …). */
  public VolumeClientSettings volumeSettings() {
    return new VolumeClientSettings(context);
  }

  // --- operations -----------------------------------------------------------------------------

  /**
   * Records what is installed ({@code keyward init}). Recording the same installation again changes
   * nothing; another version or edition is a reinstall: fresh timers (the trusted-time anchor is
   * kept), no key, a new CMID.
   */
  public LicenseInfo init(String productId, String version, String editionId) {
    return new Installer(context).init(productId, version, editionId, Optional.empty());
  }

  /**
   * Records what is installed together with the vendor's trust ({@code keyward init … --trust
   * FILE}): the keys are copied into the store's {@code trust.json} and the product's sealed state
   * records their digest, so that a trust file removed or edited later is noticed. Recording the
   * same installation again records the trust and changes nothing else.
   */
  public LicenseInfo init(String productId, String version, String editionId, VendorTrust trust) {
    return new Installer(context).init(productId, version, editionId, Optional.of(trust));
  }

  /** Installs a product key ({@code slmgr /ipk}), checked offline against the catalog. */
  public LicenseInfo installKey(String typed) {
    return new Installer(context).installKey(typed);
  }

  /** The outcome of {@link #activate}. */
  public record Activation(LicenseInfo info, boolean reissued, String certificateId) {}

  /**
   * Activates the installed key online ({@code slmgr /ato}): sends it with the machine's hashed
   * hardware, verifies the signed certificate against the trusted keys and stores it.
   */
  public Activation activate() {
    return new OnlineActivation(context).activate();
  }

  /**
   * Uninstalls the product key ({@code slmgr /upk}): when it is activated, the activation is first
   * released at the authority (so that a retail key can move to another machine), then the key and
   * its certificate are removed from the store.
   */
  public LicenseInfo uninstallKey() {
    return new Deactivation(context).uninstallKey();
  }

  /**
   * Clears the key copy from the store ({@code slmgr /cpky}): the key stays installed (fingerprint
   * and partial key), but it can no longer be read back from this machine.
   */
  public LicenseInfo clearKey() {
    return new Deactivation(context).clearKey();
  }

  /**
   * Renews a volume client's activation when its schedule says so (7 days after the grant, every 2
   * hours after a failure, or the host's intervals), or a host-based VM activation guest's a day
   * after its last grant; empty when nothing was due.
   */
  public Optional<Activation> renewIfDue() {
    List<String> notices = new ArrayList<>();
    Session s = context.sessions().open(notices);
    return new VolumeClientLicense(context)
        .renewIfDue(s, notices)
        .or(() -> new VmGuestLicense(context).renewIfDue(s, notices));
  }

  /**
   * The license status ({@code slmgr /dli}, {@code /dlv}, {@code /xpr}): derived from the store,
   * the proof of activation, the trusted keys, this machine and the clock. It never writes: it
   * works on a read-only store, and what it finds is recorded by the next operation.
   */
  public LicenseInfo status() {
    return context.infos().status();
  }

  /**
   * What is wrong and how to fix it ({@code keyward diagnose}): read-only, like {@link #status}.
   */
  public Diagnostics.Report diagnose() {
    return new Diagnostics(context).run();
  }

  /** Restarts the evaluation or the initial grace ({@code slmgr /rearm}), up to the limit. */
  public LicenseInfo rearm() {
    return new Servicing(context).rearm();
  }

  // --- servicing: edition conversion and generalisation (see Servicing) ----------------------

  /** The installed edition, the editions it may be converted to, and a pending conversion. */
  public Servicing.Editions editions() {
    return new Servicing(context).editions();
  }

  /**
   * Asks for an edition conversion ({@code dism /online /Set-Edition:TARGET /ProductKey:KEY
   * /AcceptEula}): checked now (core's {@code EditionChange}), applied by {@link
   * #applyPendingConversion} at the next restart. The edition id is matched case-insensitively.
   */
  public LicenseInfo convertEdition(String target, String key) {
    return new Servicing(context).convert(target, key);
  }

  /**
   * Applies a pending edition conversion ({@code keyward restart}): the target edition is installed
   * with the conversion's key, in its initial grace. Empty when nothing is pending.
   */
  public Optional<Servicing.Conversion> applyPendingConversion() {
    return new Servicing(context).applyPending();
  }

  /** Gives the installation a new client machine ID, as generalising an image does. */
  public LicenseInfo generalize() {
    return new Servicing(context).generalize();
  }

  // --- trust ----------------------------------------------------------------------------------

  /**
   * The vendor keys this client trusts for certificates: the builder's, the catalog's, and the
   * trust recorded in the store at installation (when the product's state still vouches for it).
   */
  public List<TrustedKey> trustedKeys() {
    return context.trust().keys();
  }

  /**
   * The vendor phone keys this client trusts for confirmation IDs, from the same sources as {@link
   * #trustedKeys()}, by index (the first of an index wins).
   */
  public List<TrustedPhoneKey> trustedPhoneKeys() {
    return context.trust().phoneKeys();
  }

  /**
   * Trust on first use, for development only: fetches the authority's keys ({@code GET /v1/trust})
   * and records them in the store as an installer would. Vendor keys come from the vendor (the
   * catalog, the builder, a trust file recorded at {@code init}); a fake server that answers first
   * is trusted by this call.
   */
  public List<TrustedKey> pinTrust() {
    return context.trust().pin();
  }

  /** Configures a client. Only {@link #store} is required. */
  public static final class Builder {
    private Path store;
    private Catalog catalog;
    private Optional<String> product = Optional.empty();
    private Supplier<MachineFacts> machine;
    private Optional<URI> authority = Optional.empty();
    private List<TrustedKey> trust = List.of();
    private List<TrustedPhoneKey> phoneTrust = List.of();
    private boolean pinTrustOnFirstUse = false;
    private Clock clock = Clock.systemUTC();
    private ProxySelector proxies;
    private ConnectionOptions connectionOptions = ConnectionOptions.DEFAULT;
    private SecureRandom random = new SecureRandom();
    private VolumeNetwork volumeNetwork = VolumeNetwork.system();

    private Builder() {}

    /** Where a volume client looks for its host: the DNS server and the machine's domain. */
    public Builder volumeNetwork(VolumeNetwork volumeNetwork) {
      this.volumeNetwork = Objects.requireNonNull(volumeNetwork, "volumeNetwork");
      return this;
    }

    /** The store directory (e.g. {@link KeywardClient#defaultStore()}). */
    public Builder store(Path store) {
      this.store = store;
      return this;
    }

    /** The catalog; the built-in {@code winserver} when not set. */
    public Builder catalog(Catalog catalog) {
      this.catalog = catalog;
      return this;
    }

    /** Which product of the store to act on; needed only when the store holds several. */
    public Builder product(String product) {
      this.product = Optional.ofNullable(product);
      return this;
    }

    /** Reads this machine's facts, once, when first needed (activation and hardware checks). */
    public Builder machine(Supplier<MachineFacts> machine) {
      this.machine = machine;
      return this;
    }

    /** The activation authority's base address; else the catalog's {@code activationUrl}. */
    public Builder authority(URI authority) {
      this.authority = Optional.ofNullable(authority);
      return this;
    }

    /**
     * Vendor keys to trust besides the catalog's and the trust recorded in the store: the way a
     * vendor that embeds the SDK compiles its keys in, which no file on the machine can change.
     */
    public Builder trust(List<TrustedKey> trust) {
      this.trust = List.copyOf(trust);
      return this;
    }

    /** A vendor trust (signing and phone keys) to trust, as {@link #trust(List)} does. */
    public Builder trust(VendorTrust trust) {
      this.trust = List.copyOf(trust.keys());
      this.phoneTrust = List.copyOf(trust.phoneKeys());
      return this;
    }

    /** Authority phone keys to trust for confirmation IDs besides the catalog's and pinned ones. */
    public Builder phoneTrust(List<TrustedPhoneKey> phoneTrust) {
      this.phoneTrust = List.copyOf(phoneTrust);
      return this;
    }

    /**
     * For development only: whether {@link #activate} may fetch and pin the authority's keys when
     * no key is trusted at all (trust on first use; off by default). With it, whatever server
     * answers first is trusted; a product uses the catalog's keys, {@link #trust} or a trust file
     * recorded at {@link KeywardClient#init(String, String, String, VendorTrust)} instead.
     */
    public Builder pinTrustOnFirstUse(boolean pin) {
      this.pinTrustOnFirstUse = pin;
      return this;
    }

    /** The clock of every timer; the lab passes a virtual one. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How to reach the authority; {@link Proxies#fromEnvironment()} when not set. */
    public Builder proxies(ProxySelector proxies) {
      this.proxies = proxies;
      return this;
    }

    /** Timeout, CAs trusted for HTTPS (a CA file or an SSLContext) and a slow-answer notice. */
    public Builder connection(ConnectionOptions options) {
      this.connectionOptions = Objects.requireNonNull(options, "options");
      return this;
    }

    public Builder random(SecureRandom random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    public KeywardClient build() {
      if (catalog == null) {
        catalog = CatalogLoader.winserver();
      }
      if (proxies == null) {
        proxies = Proxies.fromEnvironment();
      }
      return new KeywardClient(this);
    }
  }
}
