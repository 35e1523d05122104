package dev.keyward.machines;

import dev.keyward.core.hardware.RamBucket;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/** The random pieces lab machines are assembled from, drawn from the generator the caller gives. */
final class LabRandom {
  private static final String DIGITS = "0123456789";
  private static final String SERVICE_TAG_SYMBOLS = "0123456789BCDFGHJKLMNPQRSTVWXYZ";

  private final RandomGenerator random;

  LabRandom(RandomGenerator random) {
    this.random = random;
  }

  <T> T pick(List<T> choices) {
    return choices.get(random.nextInt(choices.size()));
  }

  /** A number from 0 to {@code bound - 1}. */
  int index(int bound) {
    return random.nextInt(bound);
  }

  boolean chance(double probability) {
    return random.nextDouble() < probability;
  }

  byte[] bytes(int count) {
    byte[] bytes = new byte[count];
    random.nextBytes(bytes);
    return bytes;
  }

  /** {@code count} random bytes as upper-case hex, as firmware and Windows show serials. */
  String upperHex(int count) {
    return HexFormat.of().withUpperCase().formatHex(bytes(count));
  }

  /** {@code count} random bytes as lower-case hex. */
  String lowerHex(int count) {
    return HexFormat.of().formatHex(bytes(count));
  }

  String digits(int count) {
    return symbols(DIGITS, count);
  }

  /** Upper-case letters and digits without vowels, like vendor service tags. */
  String serviceTag(int count) {
    return symbols(SERVICE_TAG_SYMBOLS, count);
  }

  /** A MAC address in the vendor's OUI {@code prefix} ("00:50:56"), upper case, colon separated. */
  String mac(String prefix) {
    StringBuilder mac = new StringBuilder(prefix.toUpperCase(Locale.ROOT));
    for (byte b : bytes(3)) {
      mac.append(':').append(HexFormat.of().withUpperCase().toHexDigits(b));
    }
    return mac.toString();
  }

  /**
   * A random (version 4) SMBIOS UUID as Windows shows it, 8-4-4-4-12 upper-case hex: what
   * hypervisors that draw UUIDs at random (Proxmox, Hyper-V) and most vendors' firmware report.
   */
  String smbiosUuid() {
    byte[] uuid = bytes(16);
    uuid[6] = (byte) ((uuid[6] & 0x0F) | 0x40);
    uuid[8] = (byte) ((uuid[8] & 0x3F) | 0x80);
    return uuidText(uuid);
  }

  /** An NTFS volume serial as {@code vol} and {@code dir} show it: {@code A4B2-19F3}. */
  String windowsVolumeSerial() {
    return upperHex(2) + "-" + upperHex(2);
  }

  /** The RAM bucket of a machine with {@code gib} GiB installed. */
  String ram(int gib) {
    return RamBucket.of((long) gib << 30).orElseThrow();
  }

  static String uuidText(byte[] sixteen) {
    String hex = HexFormat.of().withUpperCase().formatHex(sixteen);
    return hex.substring(0, 8)
        + "-"
        + hex.substring(8, 12)
        + "-"
        + hex.substring(12, 16)
        + "-"
        + hex.substring(16, 20)
        + "-"
        + hex.substring(20);
  }

  private String symbols(String alphabet, int count) {
    StringBuilder text = new StringBuilder(count);
    for (int i = 0; i < count; i++) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return text.toString();
  }
}
