package dev.keyward.core.evidence;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a piece of audit evidence is (SPEC §13). */
public enum EvidenceKind {
  /** `slmgr /dli`, `/dlv`, `/xpr` outputs and store metadata collected on a machine. */
  LICENSE_STATE,
  INVOICE,
  KEY_DELIVERY,
  DOWNGRADE,
  OTHER;

  /** The name used on the command line and in manifests: {@code key-delivery}. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<EvidenceKind> byName(String name) {
    return Arrays.stream(values()).filter(k -> k.cliName().equals(name.trim())).findFirst();
  }
}
