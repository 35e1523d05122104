package dev.keyward.volumehost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.core.catalog.Family;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CountJournalTest {
  private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

  @Test
  void aLineTornByACrashIsDroppedAndLaterLinesAreNotAppendedToIt(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("counts.jsonl");
    CountJournal.Opened first = CountJournal.open(file, 10);
    for (int i = 1; i <= 3; i++) {
      first
          .journal()
          .sync(first.journal().append(Family.SERVER, HostSite.cmid(i), T.plusSeconds(i)));
    }
    // what a kill in the middle of a write leaves: half a line, no newline
    Files.writeString(file, "{\"family\":\"server\",\"cmid\":\"12", StandardOpenOption.APPEND);

    CountJournal.Opened second = CountJournal.open(file, 10);
    assertThat(second.inventory().count(Family.SERVER, T.plusSeconds(10))).isEqualTo(3);
    assertThat(Files.readAllLines(file)).hasSize(3).allMatch(l -> l.endsWith("}"));
    second
        .journal()
        .sync(second.journal().append(Family.SERVER, HostSite.cmid(4), T.plusSeconds(20)));
    second.journal().close();

    assertThat(CountJournal.read(file, 10).count(Family.SERVER, T.plusSeconds(30))).isEqualTo(4);
  }

  @Test
  void replayKeepsTheMostRecentAndTheWindow(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("counts.jsonl");
    CountJournal.Opened opened = CountJournal.open(file, 3);
    for (int i = 1; i <= 5; i++) {
      opened.journal().append(Family.SERVER, HostSite.cmid(i), T.plusSeconds(i));
    }
    opened.journal().append(Family.CLIENT, HostSite.cmid(9), T);
    opened.journal().close();
    var inventory = CountJournal.read(file, 3);
    assertThat(inventory.count(Family.SERVER, T.plusSeconds(10))).isEqualTo(3);
    assertThat(inventory.seen(Family.SERVER).get(0).cmid()).isEqualTo(HostSite.cmid(5));
    assertThat(inventory.count(Family.CLIENT, T)).isEqualTo(1);
    assertThat(inventory.count(Family.SERVER, T.plus(java.time.Duration.ofDays(31)))).isZero();
  }
}
