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

  /**
   * Checks an exported pack: the manifest's signature ({@code manifest.sig}, by the key it names)
   * first, then every file against the manifest. A pack without a valid signature is refused even
   * when its files match, since anyone can re-hash an edited file into the manifest.
   */
  public static PackCheck verifySigned(Map<String, byte[]> files) {
    Map<String, byte[]> content = new java.util.LinkedHashMap<>(files);
    byte[] sigBytes = content.remove(EvidenceSignature.PATH);
    byte[] manifest = files.get(EvidenceManifest.PATH);
    List<PackCheck.Finding> findings = new ArrayList<>();
    Optional<EvidenceSignature> signature =
        sigBytes == null ? Optional.empty() : EvidenceSignature.fromBytes(sigBytes);
    if (sigBytes == null) {
      findings.add(
          new PackCheck.BadSignature(
              EvidenceSignature.PATH,
              "missing: the manifest is not signed, so a file edited and re-hashed in it would"
                  + " not show"));
    } else if (signature.isEmpty()) {
      findings.add(
          new PackCheck.BadSignature(
              EvidenceSignature.PATH, "not a Keyward evidence signature (edited or damaged)"));
    } else if (manifest == null || !signature.get().verifies(manifest)) {
      findings.add(
          new PackCheck.BadSignature(
              EvidenceSignature.PATH,
              "does not match manifest.json: the manifest or its signature was changed after"
                  + " export (key "
                  + signature.get().keyFingerprint()
                  + ")"));
    }
    PackCheck contentCheck = verify(content);
    if (contentCheck instanceof PackCheck.Tampered t) {
      findings.addAll(t.findings());
    }
    if (!findings.isEmpty()) {
      return new PackCheck.Tampered(findings);
    }
    return new PackCheck.Intact(
        ((PackCheck.Intact) contentCheck).manifest(), signature.get().keyFingerprint());
  }

  /** Checks files against their manifest (no signature: the store's own evidence, or a part). */
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
        findings.add(
            new PackCheck.Changed(
                entry.path(), entry.size(), bytes.length, entry.sha256(), actual));
      }
    }
    unlisted.forEach(path -> findings.add(new PackCheck.Added(path)));
    return findings.isEmpty()
        ? new PackCheck.Intact(manifest.get(), null)
        : new PackCheck.Tampered(findings);
  }
}
