package dev.keyward.client;

import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The vendor trust recorded in a store at installation ({@code <store>/trust.json}, written by
 * {@code keyward init --trust FILE} or the SDK's {@code init} with a {@link VendorTrust}). Each
 * product's sealed state keeps the digest of what was recorded, so that a trust file removed or
 * edited later is noticed (NonGenuineGrace), never taken as a fresh start; a trust file that no
 * product recorded is not trusted at all.
 *
 * <p>It protects against accidents and against keys planted by someone without the store's secret;
 * the machine's owner, who can read the secret, can re-seal anything. A vendor who embeds the SDK
 * therefore compiles its keys in (the catalog's {@code trustedKeys}, or the builder's {@code
 * trust}), which no file on the machine can change.
 */
final class RecordedTrust {
  private RecordedTrust() {}

  /** What the store's trust file is worth for one product's state. */
  sealed interface Reading {
    /** The state recorded no trust: the store's file, if any, counts for nothing. */
    record NotRecorded() implements Reading {}

    /** The recorded trust, as recorded. */
    record Intact(VendorTrust trust) implements Reading {}

    /** The recorded trust was removed or edited: NonGenuineGrace until it is recorded again. */
    record Broken(Failure failure) implements Reading {}
  }

  static Reading read(LocalStore store, Optional<String> digest) {
    if (digest.isEmpty()) {
      return new Reading.NotRecorded();
    }
    Path file = store.trustFile();
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return broken(file, "was removed");
    } catch (IOException | RuntimeException e) {
      return broken(file, "cannot be read");
    }
    Optional<VendorTrust> trust = VendorTrust.parse(text);
    if (trust.isEmpty() || !trust.get().digest().equals(digest.get())) {
      return broken(file, "was edited since it was recorded");
    }
    return new Reading.Intact(trust.get());
  }

  /**
   * Records {@code trust} in the store, beside what it already holds for other products (their keys
   * stay), and returns the digest that every product of the store now records.
   */
  static String record(LocalStore store, VendorTrust trust) {
    VendorTrust merged = trust;
    try {
      if (Files.isRegularFile(store.trustFile())) {
        Optional<VendorTrust> held =
            VendorTrust.parse(Files.readString(store.trustFile(), StandardCharsets.UTF_8));
        if (held.isPresent()) {
          merged = held.get().and(trust);
        }
      }
    } catch (IOException e) {
      // an unreadable file is replaced by the new trust
    }
    store.writeTrust(merged.text());
    String digest = merged.digest();
    for (String product : store.products()) {
      if (store.load(product) instanceof LocalStore.Read.Intact intact
          && intact.state().trustDigest().isPresent()
          && !intact.state().trustDigest().get().equals(digest)) {
        store.save(intact.state().withTrustDigest(Optional.of(digest)));
      }
    }
    return digest;
  }

  private static Reading broken(Path file, String what) {
    return new Reading.Broken(
        Failure.of(
            ErrorCode.AUTHORITY_NOT_TRUSTED,
            "The vendor trust recorded in "
                + file
                + " at installation "
                + what
                + ", so no key of it is trusted: record the vendor's trust file again with"
                + " keyward init --product P --version V --edition E --trust FILE."));
  }
}
