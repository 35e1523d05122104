package dev.keyward.core.phone;

import dev.keyward.core.catalog.Edition;
import dev.keyward.core.catalog.Product;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import dev.keyward.core.hardware.Component;
import dev.keyward.core.hardware.HardwareIdentity;
import dev.keyward.core.key.AuthorityTagger;
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
 * that it can be activated by phone. 9 groups of 7 digits ({@link DigitGroups}), 63 digits:
 *
 * <pre>
 *   bits  field
 *      4  format, 1
 *     16  key group       } of the installed key: the authority recomputes the key's tag from
 *     34  key serial      } them
 *      6  version index   position of the installed version in the product's versions (0-based)
 *      8  edition index   position of the installed edition in the product's editions (0-based)
 *     80  hardware        ten 8-bit short hashes, in {@link Component} order
 *     24  key proof       first 24 bits of HMAC-SHA256(key = the key's 54-bit tag in 7 bytes,
 *                         "keyward/iid/proof/v1" || the 148 bits above in 19 bytes)
 *      7  check           first 7 bits of SHA-256("keyward/iid/v1" || the 172 bits above)
 *    179  in all, most significant first, written as 54 decimal digits (10^54 > 2^179)
 * </pre>
 *
 * <p>The key proof shows the authority that the machine holds the whole key, not just its group and
 * serial: without it, anyone who knows or guesses an issued key's group and serial could install a
 * made-up key with them (the client cannot check the tag) and take that key's activation by phone.
 * A guess passes once in 2^24; the IID reveals neither the tag nor the full key, and an IID read
 * out for one machine is no proof for other hardware. The authority checks it with {@link
 * #provesKeyIssuedBy}.
 *
 * <p>The 7-bit check catches, with probability 127/128, typing errors that a group's check digit
 * missed (two wrong digits in one group), without any secret. The product is the key group's (key
 * group numbers are unique across a catalog). Indexes follow catalog order: catalogs must only
 * append versions and editions.
 *
 * @param keyGroup the installed key's group, 0..65535
 * @param serial the installed key's serial, 0..2^34-1
 * @param versionIndex the installed version's position in the product's versions, 0..63
 * @param editionIndex the installed edition's position in the product's editions, 0..255
 * @param hardware the machine's short component hashes
 * @param keyProof the proof that the machine holds the key, 24 bits
 */
public record InstallationId(
    int keyGroup,
    long serial,
    int versionIndex,
    int editionIndex,
    HardwareFingerprint hardware,
    int keyProof) {

  /** The format this version writes and reads. */
  public static final int FORMAT = 1;

  public static final int FORMAT_BITS = 4;
  public static final int VERSION_BITS = 6;
  public static final int EDITION_BITS = 8;
  public static final int PROOF_BITS = 24;
  public static final int CHECK_BITS = 7;
  public static final int MAX_VERSION_INDEX = (1 << VERSION_BITS) - 1;
  public static final int MAX_EDITION_INDEX = (1 << EDITION_BITS) - 1;
  public static final int MAX_KEY_PROOF = (1 << PROOF_BITS) - 1;

  /** Bits of the fields that the key proof covers. */
  static final int FIELD_BITS =
      FORMAT_BITS
          + KeyPayload.GROUP_BITS
          + KeyPayload.SERIAL_BITS
          + VERSION_BITS
          + EDITION_BITS
          + Component.values().length * HardwareFingerprint.BITS_PER_COMPONENT;

  /** Bits of the whole value. */
  public static final int PAYLOAD_BITS = FIELD_BITS + PROOF_BITS + CHECK_BITS;

  /** Groups as written. */
  public static final int GROUPS = 9;

  /** Digits as typed, check digits included. */
  public static final int DIGITS = GROUPS * DigitGroups.GROUP_LENGTH;

  /** Length of {@link #canonicalBytes()}. */
  public static final int CANONICAL_BYTES = (PAYLOAD_BITS + 7) / 8;

  private static final byte[] CHECK_DOMAIN = "keyward/iid/v1".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PROOF_DOMAIN =
      "keyward/iid/proof/v1".getBytes(StandardCharsets.US_ASCII);
  private static final int TAG_BYTES = (KeyPayload.TAG_BITS + 7) / 8;
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
    if (keyProof < 0 || keyProof > MAX_KEY_PROOF) {
      throw new IllegalArgumentException("key proof must be 0.." + MAX_KEY_PROOF);
    }
  }

  /** The IID of an installed key, by catalog indexes. */
  public static InstallationId of(
      KeyPayload key, int versionIndex, int editionIndex, HardwareFingerprint hardware) {
    InstallationId unproven =
        new InstallationId(key.group(), key.serial(), versionIndex, editionIndex, hardware, 0);
    int proof = proof(key.tag(), unproven.fields());
    return new InstallationId(
        key.group(), key.serial(), versionIndex, editionIndex, hardware, proof);
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

  /**
   * Whether this IID was made with {@code key}: same group and serial, and a key proof computed
   * with its tag. The authority's check; see {@link #provesKeyIssuedBy}.
   */
  public boolean provesKey(KeyPayload key) {
    return key.group() == keyGroup
        && key.serial() == serial
        && proof(key.tag(), fields()) == keyProof;
  }

  /**
   * Whether this IID was made with the key that {@code tagger}'s holder issued for its group and
   * serial: the authority recomputes the tag and checks the key proof. False means the machine does
   * not hold an issued key (refuse it like a forged key, 0xC004F050), or the IID was mistyped in a
   * way its check did not catch.
   */
  public boolean provesKeyIssuedBy(AuthorityTagger tagger) {
    return provesKey(KeyPayload.issue(keyGroup, serial, tagger));
  }

  /** The 179-bit value: fields, key proof, then their check. */
  BigInteger value() {
    BigInteger proven = fields().shiftLeft(PROOF_BITS).or(BigInteger.valueOf(keyProof));
    return proven.shiftLeft(CHECK_BITS).or(BigInteger.valueOf(check(proven)));
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
   * The bytes a confirmation ID signs: the 179-bit value, big-endian, in {@value #CANONICAL_BYTES}
   * bytes. Two IIDs are equal exactly when these are.
   */
  public byte[] canonicalBytes() {
    return Bytes.fixed(value(), CANONICAL_BYTES);
  }

  /** The IID as shown and read out: 9 groups of 7 digits joined by hyphens. */
  public String text() {
    return DigitGroups.write(value(), GROUPS);
  }

  /** The 63 digits without separators. */
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
    BigInteger proven = value.shiftRight(CHECK_BITS);
    int check = value.intValue() & ((1 << CHECK_BITS) - 1);
    if (check != check(proven)) {
      return mistypedAcrossGroups();
    }
    int keyProof = proven.intValue() & MAX_KEY_PROOF;
    BigInteger fields = proven.shiftRight(PROOF_BITS);
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
            keyGroup,
            serial,
            versionIndex,
            editionIndex,
            new HardwareFingerprint(shortHashes),
            keyProof));
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

  /** The first {@value #CHECK_BITS} bits of SHA-256(domain || fields and proof in 22 bytes). */
  private static int check(BigInteger proven) {
    MessageDigest sha256 = Bytes.sha256();
    sha256.update(CHECK_DOMAIN);
    byte[] digest = sha256.digest(Bytes.fixed(proven, (FIELD_BITS + PROOF_BITS + 7) / 8));
    return (digest[0] & 0xFF) >>> (8 - CHECK_BITS);
  }

  /** The first {@value #PROOF_BITS} bits of HMAC-SHA256(tag in 7 bytes, domain || fields). */
  private static int proof(long tag, BigInteger fields) {
    byte[] mac =
        Bytes.hmacSha256(
            Bytes.fixed(BigInteger.valueOf(tag), TAG_BYTES),
            PROOF_DOMAIN,
            Bytes.fixed(fields, (FIELD_BITS + 7) / 8));
    return ((mac[0] & 0xFF) << 16) | ((mac[1] & 0xFF) << 8) | (mac[2] & 0xFF);
  }
}
