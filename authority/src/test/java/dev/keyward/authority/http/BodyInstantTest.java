package dev.keyward.authority.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plain UTC instants clients send are read without the formatter, to the same instant. */
class BodyInstantTest {
  @Test
  void plainInstantsReadAsInstantParseReadsThemAndAnythingElseIsLeftToIt() {
    for (String text :
        List.of(
            "2026-03-01T10:00:00Z",
            "1999-12-31T23:59:59Z",
            "2024-02-29T00:00:00Z",
            "0001-01-01T00:00:00Z")) {
      assertThat(Body.plainUtc(text)).isEqualTo(Instant.parse(text));
    }
    for (String text :
        List.of(
            "2026-03-01T10:00:00.5Z",
            "2026-03-01T10:00:00+01:00",
            "2026-13-01T10:00:00Z",
            "2025-02-29T10:00:00Z",
            "2026-04-31T10:00:00Z",
            "2026-03-01T24:00:00Z",
            "2026-03-01T23:59:60Z",
            "2026-03-01 10:00:00Z",
            "2026-03-0aT10:00:00Z",
            "+2026-03-01T10:00:00Z")) {
      assertThat(Body.plainUtc(text)).as(text).isNull();
    }
    // What the fast path leaves aside is still read or refused by Instant.parse as before.
    assertThat(Instant.parse("2026-03-01T23:59:60Z"))
        .isEqualTo(Instant.parse("2026-03-01T23:59:59Z"));
    try {
      Instant.parse("2026-04-31T10:00:00Z");
      throw new AssertionError("31 April parsed");
    } catch (DateTimeException expected) {
      // refused: Body.instant answers 400
    }
  }
}
