package dev.keyward.client;

/**
 * The store's {@code <product>/vm-guest.json}: a {@link VmGuestRecord} sealed with the store's
 * secret and replaced atomically. A file that fails its seal reads as empty (the guest asks its
 * host again).
 */
final class VmGuestFile {
  static final String FILE = "vm-guest.json";

  private final SealedRecordFile<VmGuestRecord> file;

  VmGuestFile(LocalStore store) {
    this.file =
        new SealedRecordFile<>(
            store, FILE, VmGuestRecord::fromJson, VmGuestRecord::toJson, VmGuestRecord::empty);
  }

  VmGuestRecord read(String product) {
    return file.read(product);
  }

  void write(String product, VmGuestRecord record) {
    file.write(product, record);
  }
}
