package dev.keyward.core.evidence;

import java.util.List;

/** The outcome of checking an evidence pack against its manifest. */
public sealed interface PackCheck {

  /**
   * Every file matches the manifest.
   *
   * @param keyFingerprint the fingerprint of the evidence key whose signature of the manifest was
   *     checked, or null when the signature was not asked for (the store's own files)
   */
  record Intact(EvidenceManifest manifest, String keyFingerprint) implements PackCheck {}

  /** Everything found wrong, each naming the file. */
  record Tampered(List<Finding> findings) implements PackCheck {
    public Tampered {
      findings = List.copyOf(findings);
    }
  }

  sealed interface Finding {
    String path();

    String describe();
  }

  /** A file whose bytes differ from what the manifest records: the size and hash are named. */
  record Changed(
      String path, long expectedSize, long actualSize, String expectedSha256, String actualSha256)
      implements Finding {
    public String describe() {
      String size =
          expectedSize == actualSize
              ? "same size, " + actualSize + " bytes"
              : actualSize + " bytes, manifest says " + expectedSize;
      return path
          + ": changed ("
          + size
          + "; SHA-256 "
          + actualSha256
          + ", manifest says "
          + expectedSha256
          + ")";
    }
  }

  /** The manifest's signature is missing, malformed, or not a signature of this manifest. */
  record BadSignature(String path, String problem) implements Finding {
    public String describe() {
      return path + ": " + problem;
    }
  }

  record Missing(String path) implements Finding {
    public String describe() {
      return path + ": listed in the manifest but missing from the pack";
    }
  }

  record Added(String path) implements Finding {
    public String describe() {
      return path + ": in the pack but not in the manifest";
    }
  }

  record BadManifest(String path) implements Finding {
    public String describe() {
      return path + ": missing or not a Keyward evidence manifest";
    }
  }
}
