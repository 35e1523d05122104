package dev.keyward.core.evidence;

import java.util.List;

/** The outcome of checking an evidence pack against its manifest. */
public sealed interface PackCheck {

  record Intact(EvidenceManifest manifest) implements PackCheck {}

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

  record Changed(String path, String expectedSha256, String actualSha256) implements Finding {
    public String describe() {
      return path
          + ": changed (SHA-256 "
          + actualSha256
          + ", manifest says "
          + expectedSha256
          + ")";
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
