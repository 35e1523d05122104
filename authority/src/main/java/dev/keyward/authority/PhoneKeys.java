package dev.keyward.authority;

import dev.keyward.authority.crypto.PhoneCidSigner;
import dev.keyward.authority.startup.StartupException;
import dev.keyward.core.catalog.TrustedPhoneKey;
import dev.keyward.core.phone.PhoneKeyDecoding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The authority's phone activation keys in the data directory (docs/phone-activation.md §4), like
 * the certificate keys beside them:
 *
 * <pre>
 * secrets/phone-keys/N.p256   P-256 private key of index N (0..255), base64, owner-only
 * secrets/phone-keys/active   the index that signs confirmation IDs
 * </pre>
 *
 * The first start creates key 0. Every key in the directory stays trusted (published in trust.json
 * and {@code GET /v1/trust}), so confirmation IDs signed before a rotation still verify.
 *
 * @param signer signs with the active key (BouncyCastle, constant-time scalar multiplication)
 * @param trusted the public half of every key, active first
 */
record PhoneKeys(PhoneCidSigner signer, List<TrustedPhoneKey> trusted) {
  private static final Pattern FILE = Pattern.compile("(\\d{1,3})\\.p256");

  PhoneKeys {
    trusted = List.copyOf(trusted);
  }

  static PhoneKeys open(Path dir, SecureRandom random) throws IOException {
    DataDirectory.createPrivateDirectory(dir);
    if (!Files.exists(dir.resolve("active"))) {
      newKey(dir, random);
    }
    String activeText = Files.readString(dir.resolve("active"), StandardCharsets.US_ASCII).strip();
    int active;
    try {
      active = Integer.parseInt(activeText);
    } catch (NumberFormatException e) {
      throw new StartupException(dir.resolve("active") + " does not name a key index");
    }
    List<TrustedPhoneKey> trusted = new ArrayList<>();
    PhoneCidSigner signer = null;
    for (Path file : keyFiles(dir)) {
      int index = index(file);
      PhoneCidSigner key =
          switch (PhoneCidSigner.decode(index, Files.readString(file, StandardCharsets.US_ASCII))) {
            case PhoneKeyDecoding.Decoded<PhoneCidSigner> d -> d.key();
            case PhoneKeyDecoding.Invalid<PhoneCidSigner> i ->
                throw new StartupException(file + " is not a phone activation key: " + i.reason());
          };
      trusted.add(new TrustedPhoneKey(index, key.publicKey().encode()));
      if (index == active) {
        signer = key;
      }
    }
    if (signer == null) {
      throw new StartupException(
          dir.resolve("active") + " names phone key " + active + ", which is not there");
    }
    trusted.sort(Comparator.comparing((TrustedPhoneKey k) -> k.index() != active));
    return new PhoneKeys(signer, trusted);
  }

  /**
   * Makes a new phone key, of the next free index, the active one; the old ones stay trusted. Takes
   * effect at the next start.
   *
   * @return the new key's index
   */
  static int newKey(Path dir, SecureRandom random) throws IOException {
    DataDirectory.createPrivateDirectory(dir);
    int index = keyFiles(dir).stream().mapToInt(PhoneKeys::index).max().orElse(-1) + 1;
    if (index > TrustedPhoneKey.MAX_INDEX) {
      throw new IOException("all 256 phone key indexes are used in " + dir);
    }
    DataDirectory.writePrivate(
        dir.resolve(index + ".p256"), PhoneCidSigner.generate(random) + "\n");
    DataDirectory.writePrivate(dir.resolve("active"), index + "\n");
    return index;
  }

  private static List<Path> keyFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(f -> FILE.matcher(f.getFileName().toString()).matches())
          .filter(f -> index(f) <= TrustedPhoneKey.MAX_INDEX)
          .sorted(Comparator.comparingInt(PhoneKeys::index))
          .toList();
    }
  }

  private static int index(Path file) {
    Matcher m = FILE.matcher(file.getFileName().toString());
    if (!m.matches()) {
      throw new IllegalArgumentException(file.toString());
    }
    return Integer.parseInt(m.group(1));
  }
}
