package dev.keyward.client;

import dev.keyward.core.catalog.TrustDocument;
import dev.keyward.core.catalog.TrustedKey;
import dev.keyward.core.catalog.TrustedPhoneKey;
import dev.keyward.core.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * The vendor's public keys as a trust file carries them (core's {@link TrustDocument} format): the
 * certificate-signing keys and the phone activation keys. A vendor ships one with its installer; an
 * authority publishes its own as {@code trust.json} in its data directory and at {@code GET
 * /v1/trust}.
 */
public record VendorTrust(List<TrustedKey> keys, List<TrustedPhoneKey> phoneKeys) {
  public VendorTrust {
    keys = List.copyOf(keys);
    phoneKeys = List.copyOf(phoneKeys);
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("a vendor trust names at least one signing key");
    }
  }

  /** Reads trust JSON; empty when it is not of that form or lists no signing key. */
  public static Optional<VendorTrust> parse(String text) {
    return TrustFile.parse(text).map(keys -> new VendorTrust(keys, TrustFile.parsePhoneKeys(text)));
  }

  /**
   * Reads a trust file the vendor ships, failing with the catalogue's error (and what is wrong)
   * when it cannot be read or is not a trust file.
   */
  public static VendorTrust read(Path file) {
    Optional<String> text = PhoneActivation.readFile(file, false);
    return parse(text.orElse(""))
        .orElseThrow(
            () ->
                KeywardException.of(
                    ErrorCode.INPUT_FILE_INVALID,
                    "The trust file "
                        + file
                        + " is not a vendor trust file: it must be JSON of the form {\"keys\":"
                        + " [{\"id\": …, \"ed25519\": …}]}, as an authority writes to trust.json"
                        + " in its data directory."));
  }

  /** This trust and {@code other}'s keys, without repeats (this one's first). */
  public VendorTrust and(VendorTrust other) {
    LinkedHashSet<TrustedKey> k = new LinkedHashSet<>(keys);
    k.addAll(other.keys);
    LinkedHashSet<TrustedPhoneKey> p = new LinkedHashSet<>(phoneKeys);
    p.addAll(other.phoneKeys);
    return new VendorTrust(List.copyOf(k), List.copyOf(p));
  }

  /** The canonical text, as written to the store. */
  public String text() {
    return TrustDocument.write(keys, phoneKeys);
  }

  /** SHA-256 of the canonical text, hex: what a product's sealed state records. */
  public String digest() {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** The key ids, for messages. */
  public String keyIds() {
    return String.join(", ", keys.stream().map(TrustedKey::id).toList());
  }
}
