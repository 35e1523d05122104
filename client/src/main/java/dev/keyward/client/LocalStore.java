package dev.keyward.client;

import dev.keyward.core.channel.Installation;
import dev.keyward.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The local license store (SPEC §9): a directory holding the per-store {@code secret}, an optional
 * pinned {@code trust.json}, and one directory per product with
 *
 * <ul>
 *   <li>{@code license.json}: {@code {"seal": HMAC, "state": {...}}}, the whole {@link
 *       ProductState} sealed as one file and replaced atomically;
 *   <li>{@code events.jsonl}: what happened, one JSON object a line (appended, never rewritten).
 * </ul>
 */
public final class LocalStore {
  static final String STATE_FILE = "license.json";
  static final String EVENTS_FILE = "events.jsonl";
  public static final String TRUST_FILE = "trust.json";
  private static final Pattern PRODUCT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private final Path root;
  private final SecureRandom random;
  private StoreSecret secret;

  public LocalStore(Path root, SecureRandom random) {
    this.root = root.toAbsolutePath().normalize();
    this.random = random;
  }

  public Path root() {
    return root;
  }

  /** What {@link #load} found. */
  public sealed interface Read {
    /** The product was never initialised in this store. */
    record Missing() implements Read {}

    /** The state, its seal verified. */
    record Intact(ProductState state) implements Read {}

    /**
     * The state file exists but fails its seal or cannot be read: tampered with or corrupted.
     *
     * @param raw the state object as found, when the file is still JSON (untrusted)
     * @param problem what is wrong, for the event log
     */
    record Damaged(Optional<Map<?, ?>> raw, String problem) implements Read {
      /** What the file still tells of the installation, if anything (untrusted). */
      public Optional<Installation> installation() {
        return raw.flatMap(StateCodec::salvageInstallation);
      }

      /** The trusted-time anchor it still tells, if any (untrusted, only ever moves time on). */
      public Optional<Instant> trustedTime() {
        return raw.flatMap(StateCodec::salvageTrustedTime);
      }
    }
  }

  static void checkProductId(String product) {
    if (product == null || !PRODUCT_ID.matcher(product).matches()) {
      throw KeywardException.of(
          dev.keyward.core.error.ErrorCode.BAD_REQUEST,
          "'" + product + "' is not a product id (letters, digits, '.', '_' and '-').");
    }
  }

  /** The ids of the products that have a state in this store, sorted. */
  public List<String> products() {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> dirs = Files.list(root)) {
      return dirs.filter(d -> Files.isRegularFile(d.resolve(STATE_FILE)))
          .map(d -> d.getFileName().toString())
          .filter(name -> PRODUCT_ID.matcher(name).matches())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Read load(String product) {
    checkProductId(product);
    Path file = root.resolve(product).resolve(STATE_FILE);
    if (!Files.exists(file)) {
      return new Read.Missing();
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return new Read.Damaged(Optional.empty(), "the state file cannot be read: " + e.getMessage());
    }
    Optional<Map<String, Object>> outer = Json.readObject(text);
    if (outer.isEmpty() || !(outer.get().get("state") instanceof Map<?, ?> state)) {
      return new Read.Damaged(Optional.empty(), "the state file is not JSON");
    }
    Optional<Map<?, ?>> raw = Optional.of(state);
    Object seal = outer.get().get("seal");
    // reading never makes a secret: a store whose secret is gone is damaged, not re-keyed
    Optional<StoreSecret> key = existingSecret();
    if (key.isEmpty()) {
      return new Read.Damaged(raw, "the store's secret is missing or unreadable");
    }
    if (!(seal instanceof String s) || !key.get().verify(Json.write(state), s)) {
      return new Read.Damaged(raw, "the state file fails its seal");
    }
    try {
      ProductState read = StateCodec.read(state);
      if (!read.installation().product().equals(product)) {
        return new Read.Damaged(raw, "the state belongs to another product");
      }
      return new Read.Intact(read);
    } catch (RuntimeException e) {
      return new Read.Damaged(raw, "the state is malformed: " + e.getMessage());
    }
  }

  /** Seals and writes {@code state}, replacing the product's state file atomically. */
  public void save(ProductState state) {
    String product = state.installation().product();
    checkProductId(product);
    Map<String, Object> content = StateCodec.write(state);
    // the seal is over the canonical text of exactly what a reader parses back
    String canonical = Json.write(content);
    Map<String, Object> outer = new LinkedHashMap<>();
    outer.put("seal", secret().seal(canonical));
    outer.put("state", content);
    try {
      AtomicFiles.writeText(root.resolve(product).resolve(STATE_FILE), Json.write(outer) + "\n");
    } catch (IOException e) {
      throw storeFailure(e);
    }
  }

  /** Appends one event to the product's log; a failing log never fails the operation. */
  public void appendEvent(String product, Map<String, Object> event) {
    checkProductId(product);
    try {
      AtomicFiles.appendLine(root.resolve(product).resolve(EVENTS_FILE), Json.write(event));
    } catch (IOException e) {
      // the state is what matters; a full disk shows up at the next save
    }
  }

  /** The product's events, oldest first; unreadable lines are skipped. */
  public List<Map<String, Object>> events(String product) {
    checkProductId(product);
    Path file = root.resolve(product).resolve(EVENTS_FILE);
    List<Map<String, Object>> events = new ArrayList<>();
    if (!Files.exists(file)) {
      return events;
    }
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        Json.readObject(line).ifPresent(events::add);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return events;
  }

  public Path trustFile() {
    return root.resolve(TRUST_FILE);
  }

  /** The store's secret when it exists, read without creating one (status reads never write). */
  Optional<StoreSecret> existingSecret() {
    if (secret == null) {
      secret = StoreSecret.load(root).orElse(null);
    }
    return Optional.ofNullable(secret);
  }

  /** The store's secret, made when there is none (only operations that write ask for it). */
  StoreSecret secret() {
    if (secret == null) {
      try {
        secret = StoreSecret.loadOrCreate(root, random);
      } catch (IOException e) {
        throw storeFailure(e);
      }
    }
    return secret;
  }

  void writeTrust(String json) {
    try {
      AtomicFiles.writeText(trustFile(), json + "\n");
    } catch (IOException e) {
      throw storeFailure(e);
    }
  }

  private KeywardException storeFailure(IOException e) {
    // in words, never the exception's text; the remedy names --store DIR
    return new KeywardException(
        dev.keyward.core.error.FileProblems.writing("The license store", root, e), e);
  }
}
