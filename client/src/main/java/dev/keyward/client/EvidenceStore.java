package dev.keyward.client;

import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.FileProblems;
import dev.keyward.core.evidence.EvidenceEntry;
import dev.keyward.core.evidence.EvidenceKind;
import dev.keyward.core.evidence.EvidenceManifest;
import dev.keyward.core.evidence.EvidencePack;
import dev.keyward.core.evidence.EvidenceSignature;
import dev.keyward.core.evidence.PackCheck;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Audit evidence kept beside a product's license state (SPEC §13): collected {@code /dli}, {@code
 * /dlv}, {@code /xpr} outputs and store metadata, and files the administrator adds (invoices,
 * key-delivery records, downgrade letters), each recorded with its SHA-256 and time in an index,
 * and exported as one zip whose manifest lets an auditor detect any change.
 *
 * <p>Layout: {@code <store>/<product>/evidence/index.json} and {@code .../evidence/files/…}.
 */
public final class EvidenceStore {
  /** Larger entries in a pack are refused when reading it: evidence is text and small documents. */
  static final long MAX_ENTRY_BYTES = 64L * 1024 * 1024;

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final String product;
  private final Path dir;
  private final Clock clock;

  public EvidenceStore(Path storeRoot, String product, Clock clock) {
    LocalStore.checkProductId(product);
    this.product = product;
    this.dir = storeRoot.resolve(product).resolve("evidence");
    this.clock = clock;
  }

  /** Every piece of evidence recorded so far, by path. */
  public EvidenceManifest index() {
    Path index = dir.resolve("index.json");
    if (!Files.isRegularFile(index)) {
      return new EvidenceManifest(product, clock.instant(), List.of());
    }
    try {
      return EvidenceManifest.fromJsonText(Files.readString(index, StandardCharsets.UTF_8))
          .orElseThrow(
              () ->
                  KeywardException.of(
                      ErrorCode.EVIDENCE_TAMPERED,
                      index + " is not a Keyward evidence index; it was edited or damaged."));
    } catch (IOException e) {
      throw new KeywardException(FileProblems.reading("The evidence index", index, e));
    }
  }

  /**
   * Records this machine's license state: {@code outputs} maps a short name ({@code dli}, {@code
   * dlv}, {@code xpr}, {@code store.json}) to the bytes the administrator would see.
   */
  public List<EvidenceEntry> collect(Map<String, byte[]> outputs) {
    Instant now = clock.instant();
    String stamp = STAMP.format(now);
    List<EvidenceEntry> added = new ArrayList<>();
    for (Map.Entry<String, byte[]> output : outputs.entrySet()) {
      String name = output.getKey().contains(".") ? output.getKey() : output.getKey() + ".txt";
      added.add(
          record(
              "files/" + stamp + "-" + name, EvidenceKind.LICENSE_STATE, output.getValue(), now));
    }
    return added;
  }

  /** Copies {@code file} into the evidence, recorded as {@code kind}. */
  public EvidenceEntry add(Path file, EvidenceKind kind) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new KeywardException(FileProblems.reading("The document", file, e));
    }
    Instant now = clock.instant();
    String safe = file.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
    return record(
        "files/" + STAMP.format(now) + "-" + kind.cliName() + "-" + safe, kind, bytes, now);
  }

  private EvidenceEntry record(String path, EvidenceKind kind, byte[] bytes, Instant now) {
    EvidenceManifest index = index();
    String unique = path;
    for (int n = 2; exists(index, unique); n++) {
      unique = path + "." + n;
    }
    EvidenceEntry entry = EvidenceManifest.entry(unique, kind, bytes, now);
    List<EvidenceEntry> entries = new ArrayList<>(index.entries());
    entries.add(entry);
    try {
      AtomicFiles.createDirectories(dir.resolve("files"));
      AtomicFiles.write(dir.resolve(unique), bytes);
      AtomicFiles.write(
          dir.resolve("index.json"), new EvidenceManifest(product, now, entries).toBytes());
    } catch (IOException e) {
      throw new KeywardException(FileProblems.writing("The evidence directory", dir, e));
    }
    return entry;
  }

  private static boolean exists(EvidenceManifest index, String path) {
    return index.entries().stream().anyMatch(e -> e.path().equals(path));
  }

  /**
   * Writes every recorded piece of evidence and its manifest into {@code zip}. The stored files are
   * checked against the index first, so a pack never vouches for a file changed in the store.
   */
  public EvidenceManifest export(Path zip) {
    EvidenceManifest index = index();
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (EvidenceEntry entry : index.entries()) {
      try {
        files.put(entry.path(), Files.readAllBytes(dir.resolve(entry.path())));
      } catch (IOException e) {
        files.remove(entry.path());
      }
    }
    files.put(EvidenceManifest.PATH, index.toBytes());
    if (EvidencePack.verify(files) instanceof PackCheck.Tampered tampered) {
      throw tamperedFailure("The evidence in " + dir + " changed since it was recorded", tampered);
    }
    EvidenceManifest manifest = new EvidenceManifest(product, clock.instant(), index.entries());
    byte[] manifestBytes = manifest.toBytes();
    files.put(EvidenceManifest.PATH, manifestBytes);
    // signed, so that re-hashing an edited file in the manifest shows (EvidenceSignature)
    files.put(
        EvidenceSignature.PATH,
        EvidenceSignature.sign(manifestBytes, EvidenceKey.loadOrCreate(dir)).toBytes());
    Path tmp = zip.resolveSibling(zip.getFileName() + ".tmp");
    try (OutputStream out = Files.newOutputStream(tmp);
        ZipOutputStream z = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        ZipEntry e = new ZipEntry(file.getKey());
        // A fixed time keeps the archive a function of its content.
        e.setTime(manifest.exportedAt().toEpochMilli());
        z.putNextEntry(e);
        z.write(file.getValue());
        z.closeEntry();
      }
    } catch (IOException e) {
      throw new KeywardException(FileProblems.writing("The evidence pack", zip, e));
    }
    try {
      Files.move(
          tmp,
          zip,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new KeywardException(FileProblems.writing("The evidence pack", zip, e));
    }
    return manifest;
  }

  /** Checks a pack: the manifest's signature, then the manifest against every file it holds. */
  public static PackCheck verify(Path zip) {
    return EvidencePack.verifySigned(readPack(zip));
  }

  /** The fingerprint of this store's evidence key, once a pack has been exported. */
  public Optional<String> keyFingerprint() {
    return EvidenceKey.fingerprint(dir);
  }

  /** The failure a tampered check becomes, naming every file concerned. */
  public static KeywardException tamperedFailure(String what, PackCheck.Tampered tampered) {
    StringBuilder detail = new StringBuilder(what).append(':');
    tampered.findings().forEach(f -> detail.append("\n  ").append(f.describe()));
    return KeywardException.of(ErrorCode.EVIDENCE_TAMPERED, detail.toString());
  }

  /**
   * The entries of a zip by path. Anything that makes the archive ambiguous (the same path twice,
   * paths leaving the pack, oversized entries) is refused as tampering, never silently resolved.
   */
  static Map<String, byte[]> readPack(Path zip) {
    if (!Files.isRegularFile(zip)) {
      throw new KeywardException(
          FileProblems.reading(
              "The evidence pack",
              zip,
              Files.exists(zip)
                  ? new IOException("not a regular file")
                  : new java.nio.file.NoSuchFileException(zip.toString())));
    }
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (InputStream in = Files.newInputStream(zip);
        ZipInputStream z = new ZipInputStream(in)) {
      for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
        String name = e.getName();
        if (e.isDirectory()) {
          continue;
        }
        if (name.startsWith("/") || name.contains("..") || name.contains("\\")) {
          throw KeywardException.of(
              ErrorCode.EVIDENCE_TAMPERED, zip + " holds a path outside the pack: " + name);
        }
        if (files.putIfAbsent(name, read(z, zip, name)) != null) {
          throw KeywardException.of(
              ErrorCode.EVIDENCE_TAMPERED, zip + " holds " + name + " twice.");
        }
      }
    } catch (IOException e) {
      throw KeywardException.of(
          ErrorCode.EVIDENCE_TAMPERED,
          zip + " cannot be read as a zip archive: it is damaged or not an evidence pack.");
    }
    if (files.isEmpty()) {
      throw KeywardException.of(
          ErrorCode.EVIDENCE_TAMPERED, zip + " is empty or not a zip archive.");
    }
    return files;
  }

  private static byte[] read(ZipInputStream z, Path zip, String name) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    long total = 0;
    for (int n; (n = z.read(buffer)) > 0; ) {
      total += n;
      if (total > MAX_ENTRY_BYTES) {
        throw KeywardException.of(
            ErrorCode.EVIDENCE_TAMPERED, zip + ": " + name + " is larger than any evidence file.");
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }
}
