package dev.keyward.core.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Checks an evidence pack's files against its manifest. The pack is given as its entries' bytes by
 * path (the CLI reads them from the zip), so the rule is the same whatever the container.
 */
public final class EvidencePack {
  private EvidencePack() {}

  public static PackCheck verify(Map<String, byte[]> files) {
    byte[] manifestBytes = files.get(EvidenceManifest.PATH);
    Optional<EvidenceManifest> manifest =
        manifestBytes == null
            ? Optional.empty()
            : EvidenceManifest.fromJsonText(
                new String(manifestBytes, java.nio.charset.StandardCharsets.UTF_8));
    if (manifest.isEmpty()) {
      return new PackCheck.Tampered(List.of(new PackCheck.BadManifest(EvidenceManifest.PATH)));
    }
    List<PackCheck.Finding> findings = new ArrayList<>();
    TreeSet<String> unlisted = new TreeSet<>(files.keySet());
    unlisted.remove(EvidenceManifest.PATH);
    for (EvidenceEntry entry : manifest.get().entries()) {
      unlisted.remove(entry.path());
      byte[] bytes = files.get(entry.path());
      if (bytes == null) {
        findings.add(new PackCheck.Missing(entry.path()));
        continue;
      }
      String actual = EvidenceManifest.sha256(bytes);
      if (!actual.equals(entry.sha256()) || bytes.length != entry.size()) {
        findings.add(new PackCheck.Changed(entry.path(), entry.sha256(), actual));
      }
    }
    unlisted.forEach(path -> findings.add(new PackCheck.Added(path)));
    return findings.isEmpty()
        ? new PackCheck.Intact(manifest.get())
        : new PackCheck.Tampered(findings);
  }
}
