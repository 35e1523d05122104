package dev.keyward.client;

/**
 * The store's {@code <product>/volume-client.json}: a {@link VolumeClientRecord} sealed with the
 * store's secret and replaced atomically. A file that fails its seal reads as empty (the client
 * asks its host again); it never makes the product Licensed by itself, the grant's signatures do.
 */
final class VolumeClientFile {
  static final String FILE = "volume-client.json";

  private final SealedRecordFile<VolumeClientRecord> file;

  VolumeClientFile(LocalStore store) {
    this.file =
        new SealedRecordFile<>(
            store,
            FILE,
            VolumeClientRecord::fromJson,
            VolumeClientRecord::toJson,
            VolumeClientRecord::empty);
  }

  VolumeClientRecord read(String product) {
    return file.read(product);
  }

  void write(String product, VolumeClientRecord record) {
    file.write(product, record);
  }
}
