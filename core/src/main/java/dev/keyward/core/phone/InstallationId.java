package dev.keyward.core.phone;

import dev.keyward.core.catalog.Edition;
import dev.keyward.core.catalog.Product;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import dev.keyward.core.hardware.Component;
import dev.keyward.core.hardware.HardwareIdentity;
import dev.keyward.core.key.KeyPayload;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The installation ID (IID, SPEC §10): what a machine without network reads out to the authority so
 * that it can be activated by phone. 8 groups of 7 digits ({@link DigitGroups}), 56 digits:
 *
 * <pre>
 *   bits  field
 *      4  format, 1
 *     16  key group       } of the installed key: the authority recomputes the key's tag from
 *     34  key serial      } them, so the IID never spells the full product key
 *      6  version index   position of the installed version in the product's versions (0-based)
 *      8  edition index   position of the installed edition in the product's editions (0-based)
 *     80  hardware        ten 8-bit short hashes, in {@link Component} order
 *     11  check           first 11 bits of SHA-256("keyward/iid/v1" || the 148 bits above)
 *    159  in all, most significant first, written as 48 decimal digits (10^48 > 2^159)
 * </pre>
 *
 * <p>The product is the key group's (key group numbers are unique across a catalog). The 11-bit
 * check catches, with probability 2047/2048, typing errors that a group's check digit missed (two
 * wrong digits in one group), before the authority spends an activation on a machine that does not
 * exist. Indexes follow catalog order: catalogs must only append versions and editions.
 *
 * @param keyGroup the installed key's group, 0..65535
 * @param serial the installed key's serial, 0..2^34-1
 * @param versionIndex the installed version's position in the product's versions, 0..63
 * @param editionIndex the installed edition's position in the product's editions, 0..255
 * @param hardware the machine's short component hashes
 */
public record InstallationId(
    int keyGroup, long serial, int versionIndex, int editionIndex, HardwareFingerprint hardware) {

  /** The format this version writes and reads. */
  public static final int FORMAT = 1;

  public static final int FORMAT_BITS = 4;
  public static final int VERSION_BITS = 6;
  public static final int EDITION_BITS = 8;
  public static final int CHECK_BITS = 11;
  public static final int MAX_VERSION_INDEX = (1 << VERSION_BITS) - 1;
  public static final int MAX_EDITION_INDEX = (1 << EDITION_BITS) - 1;

  /** Bits of the fields before the check. */
  static final int FIELD_BITS =
      FORMAT_BITS
          + KeyPayload.GROUP_BITS
          + KeyPayload.SERIAL_BITS
          + VERSION_BITS
          + EDITION_BITS
          + Component.values().length * HardwareFingerprint.BITS_PER_COMPONENT;

  /** Bits of the whole value. */
  public static final int PAYLOAD_BITS = FIELD_BITS + CHECK_BITS;

  /** Groups as written. */
  public static final int GROUPS = 8;

  /** Digits as typed, check digits included. */
  public static final int DIGITS = GROUPS * DigitGroups.GROUP_LENGTH;

  /** Length of {@link #canonicalBytes()}. */
  public static final int CANONICAL_BYTES = (PAYLOAD_BITS + 7) / 8;

  private static final byte[] CHECK_DOMAIN = "keyward/iid/v1".getBytes(StandardCharsets.US_ASCII);
  private static final String NAME = "installation ID";

  public InstallationId {
    if (keyGroup < 0 || keyGroup > KeyPayload.MAX_GROUP) {
      throw new IllegalArgumentException("key group must be 0.." + KeyPayload.MAX_GROUP);
    }
    if (serial < 0 || serial > KeyPayload.MAX_SERIAL) {
      throw new IllegalArgumentException("serial must be 0.." + KeyPayload.MAX_SERIAL);
    }
    if (versionIndex < 0 || versionIndex > MAX_VERSION_INDEX) {
      throw new IllegalArgumentException("version index must be 0.." + MAX_VERSION_INDEX);
    }
    if (editionIndex < 0 || editionIndex > MAX_EDITION_INDEX) {
      throw new IllegalArgumentException("edition index must be 0.." + MAX_EDITION_INDEX);
    }
    Objects.requireNonNull(hardware, "hardware");
  }

  /** The IID of an installed key, by catalog indexes. */
  public static InstallationId of(
      KeyPayload key, int versionIndex, int editionIndex, HardwareFingerprint hardware) {
    return new InstallationId(key.group(), key.serial(), versionIndex, editionIndex, hardware);
  }

  /**
   * The IID of a machine on which {@code product}'s {@code version} and {@code editionId} are
   * installed with {@code key}.
   *
   * @throws IllegalArgumentException if the product has no such version or edition, or either's
   *     position does not fit in the IID
   */
  public static InstallationId of(
      KeyPayload key,
      Product product,
      String version,
      String editionId,
      HardwareIdentity hardware) {
    int versionIndex = product.versions().indexOf(version);
    if (versionIndex < 0) {
      throw new IllegalArgumentException(product.id() + " has no version " + version);
    }
    List<String> editions = product.editions().stream().map(Edition::id).toList();
    int editionIndex = editions.indexOf(editionId);
    if (editionIndex < 0) {
      throw new IllegalArgumentException(product.id() + " has no edition " + editionId);
    }
    return of(key, versionIndex, editionIndex, HardwareFingerprint.of(hardware));
  }

  /** The format of this IID: always {@link #FORMAT}. */
  public int format() {
    return FORMAT;
  }

  /** The installed version, if {@code product} (the key group's) has one at the version index. */
  public Optional<String> installedVersion(Product product) {
    List<String> versions = product.versions();
    return versionIndex < versions.size()
        ? Optional.of(versions.get(versionIndex))
        : Optional.empty();
  }

  /** The installed edition, if {@code product} (the key group's) has one at the edition index. */
  public Optional<Edition> installedEdition(Product product) {
    List<Edition> editions = product.editions();
    return editionIndex < editions.size()
        ? Optional.of(editions.get(editionIndex))
        : Optional.empty();
  }

  /** The 159-bit value: fields, then their check. */
  BigInteger value() {
    BigInteger fields = fields();
    return fields.shiftLeft(CHECK_BITS).or(BigInteger.valueOf(check(fields)));
  }

  private BigInteger fields() {
    BigInteger v = BigInteger.valueOf(FORMAT);
    v = v.shiftLeft(KeyPayload.GROUP_BITS).or(BigInteger.valueOf(keyGroup));
    v = v.shiftLeft(KeyPayload.SERIAL_BITS).or(BigInteger.valueOf(serial));
    v = v.shiftLeft(VERSION_BITS).or(BigInteger.valueOf(versionIndex));
    v = v.shiftLeft(EDITION_BITS).or(BigInteger.valueOf(editionIndex));
    for (Component component : Component.values()) {
      v =
          v.shiftLeft(HardwareFingerprint.BITS_PER_COMPONENT)
              .or(BigInteger.valueOf(hardware.shortHash(component)));
    }
    return v;
  }

  /**
   * The bytes a confirmation ID signs: the 159-bit value, big-endian, in {@value #CANONICAL_BYTES}
   * bytes. Two IIDs are equal exactly when these are.
   */
  public byte[] canonicalBytes() {
    return Bytes.fixed(value(), CANONICAL_BYTES);
  }

  /** The IID as shown and read out: 8 groups of 7 digits joined by hyphens. */
  public String text() {
    return DigitGroups.write(value(), GROUPS);
  }

  /** The 56 digits without separators. */
  public String digits() {
    return text().replace(String.valueOf(DigitGroups.SEPARATOR), "");
  }

  @Override
  public String toString() {
    return text();
  }

  /**
   * Reads an IID as typed (hyphens, spaces or nothing between groups). A group whose check digit
   * does not match is named with 0xC004F04D; so is a digit count that is off, and a mistyping that
   * the group check digits missed but the IID's own check catches.
   */
  public static IidParse parse(String text) {
    return switch (DigitGroups.read(text, GROUPS, NAME)) {
      case DigitGroups.Reading.Mistyped m -> new IidParse.Rejected(m.failure(), m.groups());
      case DigitGroups.Reading.Value v -> fromValue(v.value());
    };
  }

  private static IidParse fromValue(BigInteger value) {
    if (value.bitLength() > PAYLOAD_BITS) {
      return mistypedAcrossGroups();
    }
    BigInteger fields = value.shiftRight(CHECK_BITS);
    int check = value.intValue() & ((1 << CHECK_BITS) - 1);
    if (check != check(fields)) {
      return mistypedAcrossGroups();
    }
    int format = fields.shiftRight(FIELD_BITS - FORMAT_BITS).intValue();
    if (format != FORMAT) {
      return new IidParse.Rejected(
          Failure.of(
              ErrorCode.CID_INVALID_DATA,
              "The installation ID is of format "
                  + format
                  + ", which this version of Keyward cannot read (it reads format "
                  + FORMAT
                  + "). Update Keyward on the side that reads it."),
          List.of());
    }
    Map<Component, Integer> shortHashes = new EnumMap<>(Component.class);
    BigInteger rest = fields;
    Component[] components = Component.values();
    for (int i = components.length - 1; i >= 0; i--) {
      shortHashes.put(components[i], take(rest, HardwareFingerprint.BITS_PER_COMPONENT));
      rest = rest.shiftRight(HardwareFingerprint.BITS_PER_COMPONENT);
    }
    int editionIndex = take(rest, EDITION_BITS);
    rest = rest.shiftRight(EDITION_BITS);
    int versionIndex = take(rest, VERSION_BITS);
    rest = rest.shiftRight(VERSION_BITS);
    long serial = rest.longValue() & KeyPayload.MAX_SERIAL;
    rest = rest.shiftRight(KeyPayload.SERIAL_BITS);
    int keyGroup = take(rest, KeyPayload.GROUP_BITS);
    return new IidParse.Parsed(
        new InstallationId(
            keyGroup, serial, versionIndex, editionIndex, new HardwareFingerprint(shortHashes)));
  }

  private static int take(BigInteger value, int bits) {
    return value.intValue() & ((1 << bits) - 1);
  }

  private static IidParse mistypedAcrossGroups() {
    return new IidParse.Rejected(
        Failure.of(
            ErrorCode.CID_INVALID_CHECK_DIGITS,
            "The installation ID was mistyped in a way the groups' check digits did not catch"
                + " (two or more wrong digits in one group). Re-enter the installation ID from the"
                + " start."),
        List.of());
  }

  /** The first {@value #CHECK_BITS} bits of SHA-256(domain || the fields as 19 bytes). */
  private static int check(BigInteger fields) {
    MessageDigest sha256 = Bytes.sha256();
    sha256.update(CHECK_DOMAIN);
    byte[] digest = sha256.digest(Bytes.fixed(fields, (FIELD_BITS + 7) / 8));
    int first = ((digest[0] & 0xFF) << 8) | (digest[1] & 0xFF);
    return first >>> (16 - CHECK_BITS);
  }
}
