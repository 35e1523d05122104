package dev.keyward.client;

/**
 * The store's {@code <product>/directory-activation.json}: a {@link DirectoryActivationRecord}
 * sealed with the store's secret and replaced atomically, like {@code volume-client.json}. A file
 * that fails its seal reads as empty; the object's signatures, not the seal, decide.
 */
final class DirectoryActivationFile {
  static final String FILE = "directory-activation.json";

  private final SealedRecordFile<DirectoryActivationRecord> file;

  DirectoryActivationFile(LocalStore store) {
    this.file =
        new SealedRecordFile<>(
            store,
            FILE,
            DirectoryActivationRecord::fromJson,
            DirectoryActivationRecord::toJson,
            DirectoryActivationRecord::empty);
  }

  DirectoryActivationRecord read(String product) {
    return file.read(product);
  }

  void write(String product, DirectoryActivationRecord record) {
    file.write(product, record);
  }
}
