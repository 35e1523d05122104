package dev.keyward.core.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class EvidencePackProperties {
  private static final Instant AT = Instant.parse("2026-11-20T09:00:00Z");

  @Provide
  Arbitrary<Map<String, byte[]>> contents() {
    return Arbitraries.maps(
            Arbitraries.strings()
                .alpha()
                .numeric()
                .ofMinLength(1)
                .ofMaxLength(12)
                .map(s -> "files/" + s),
            Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(200))
        .ofMinSize(1)
        .ofMaxSize(6);
  }

  private static Map<String, byte[]> pack(Map<String, byte[]> contents) {
    List<EvidenceEntry> entries = new ArrayList<>();
    contents.forEach(
        (path, bytes) -> entries.add(EvidenceManifest.entry(path, EvidenceKind.OTHER, bytes, AT)));
    Map<String, byte[]> files = new HashMap<>(contents);
    files.put(EvidenceManifest.PATH, new EvidenceManifest("winserver", AT, entries).toBytes());
    return files;
  }

  @Property(tries = 1000)
  void aFreshPackIsIntact(@ForAll("contents") Map<String, byte[]> contents) {
    assertThat(EvidencePack.verify(pack(contents))).isInstanceOf(PackCheck.Intact.class);
  }

  @Property(tries = 1000)
  void oneChangedByteNamesTheFile(
      @ForAll("contents") Map<String, byte[]> contents,
      @ForAll @IntRange(max = 1000) int which,
      @ForAll @IntRange(max = 1000) int where) {
    Map<String, byte[]> files = pack(contents);
    String path = new ArrayList<>(contents.keySet()).get(which % contents.size());
    byte[] bytes = files.get(path).clone();
    bytes[where % bytes.length] ^= 1;
    files.put(path, bytes);
    assertThat(EvidencePack.verify(files))
        .isInstanceOfSatisfying(
            PackCheck.Tampered.class,
            t ->
                assertThat(t.findings())
                    .singleElement()
                    .isInstanceOfSatisfying(
                        PackCheck.Changed.class, c -> assertThat(c.path()).isEqualTo(path)));
  }

  @Property(tries = 1000)
  void missingAndAddedFilesAreNamed(@ForAll("contents") Map<String, byte[]> contents) {
    Map<String, byte[]> files = pack(contents);
    String removed = contents.keySet().iterator().next();
    files.remove(removed);
    files.put("files/slipped-in.txt", "x".getBytes(StandardCharsets.UTF_8));
    assertThat(EvidencePack.verify(files))
        .isInstanceOfSatisfying(
            PackCheck.Tampered.class,
            t ->
                assertThat(t.findings())
                    .extracting(PackCheck.Finding::path)
                    .contains(removed, "files/slipped-in.txt"));
  }

  @Example
  void aPackWithoutItsManifestIsTampered() {
    assertThat(EvidencePack.verify(Map.of("files/a", new byte[] {1})))
        .isInstanceOfSatisfying(
            PackCheck.Tampered.class,
            t -> assertThat(t.findings()).first().isInstanceOf(PackCheck.BadManifest.class));
  }

  @Example
  void manifestRoundTrips() {
    EvidenceManifest m =
        new EvidenceManifest(
            "winserver",
            AT,
            List.of(
                EvidenceManifest.entry(
                    "files/invoice.pdf", EvidenceKind.INVOICE, new byte[] {1, 2, 3}, AT)));
    assertThat(EvidenceManifest.fromJsonText(m.toJsonText())).contains(m);
    assertThat(EvidenceKind.byName("key-delivery")).contains(EvidenceKind.KEY_DELIVERY);
  }
}
