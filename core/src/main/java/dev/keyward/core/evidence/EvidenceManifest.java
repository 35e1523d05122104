package dev.keyward.core.evidence;

import dev.keyward.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The table of contents of an evidence pack: every file with its kind, SHA-256, size and time, so
 * that an auditor can check that nothing was changed, removed or slipped in after export.
 *
 * @param product the product the evidence is about
 * @param exportedAt when the pack was written
 * @param entries the files, sorted by path
 */
public record EvidenceManifest(String product, Instant exportedAt, List<EvidenceEntry> entries) {
  /** The manifest's own path inside a pack. */
  public static final String PATH = "manifest.json";

  public EvidenceManifest {
    entries = entries.stream().sorted(Comparator.comparing(EvidenceEntry::path)).toList();
  }

  /** An entry describing {@code bytes}, hashed now. */
  public static EvidenceEntry entry(String path, EvidenceKind kind, byte[] bytes, Instant at) {
    return new EvidenceEntry(path, kind, sha256(bytes), bytes.length, at);
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  public String toJsonText() {
    List<Object> files = new ArrayList<>();
    for (EvidenceEntry e : entries) {
      Map<String, Object> file = new LinkedHashMap<>();
      file.put("path", e.path());
      file.put("kind", e.kind().cliName());
      file.put("sha256", e.sha256());
      file.put("size", e.size());
      file.put("recordedAt", e.recordedAt().toString());
      files.add(file);
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("format", "keyward-evidence-1");
    json.put("product", product);
    json.put("exportedAt", exportedAt.toString());
    json.put("files", files);
    return Json.write(json);
  }

  public byte[] toBytes() {
    return toJsonText().getBytes(StandardCharsets.UTF_8);
  }

  /** Reads a manifest; empty when it is not one (which verification reports as tampering). */
  public static Optional<EvidenceManifest> fromJsonText(String text) {
    Optional<Map<String, Object>> json = Json.readObject(text);
    if (json.isEmpty()
        || !"keyward-evidence-1".equals(json.get().get("format"))
        || !(json.get().get("product") instanceof String product)
        || !(json.get().get("exportedAt") instanceof String exported)
        || !(json.get().get("files") instanceof List<?> files)) {
      return Optional.empty();
    }
    try {
      List<EvidenceEntry> entries = new ArrayList<>();
      for (Object item : files) {
        if (!(item instanceof Map<?, ?> f)
            || !(f.get("path") instanceof String path)
            || !(f.get("kind") instanceof String kind)
            || !(f.get("sha256") instanceof String sha)
            || !(f.get("size") instanceof Number size)
            || !(f.get("recordedAt") instanceof String at)) {
          return Optional.empty();
        }
        Optional<EvidenceKind> k = EvidenceKind.byName(kind);
        if (k.isEmpty()) {
          return Optional.empty();
        }
        entries.add(new EvidenceEntry(path, k.get(), sha, size.longValue(), Instant.parse(at)));
      }
      return Optional.of(new EvidenceManifest(product, Instant.parse(exported), entries));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
