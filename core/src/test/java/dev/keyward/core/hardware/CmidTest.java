package dev.keyward.core.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CmidTest {

  @Test
  void aNewIdIsAVersion4Uuid() {
    Cmid cmid = Cmid.random(new SecureRandom());

    assertThat(cmid.value().version()).isEqualTo(4);
    assertThat(cmid.value().variant()).isEqualTo(2);
  }

  @Test
  void theSameSeedGivesTheSameIdSoLabRunsRepeat() {
    assertThat(Cmid.random(new SplittableRandom(42)))
        .isEqualTo(Cmid.random(new SplittableRandom(42)));
    assertThat(Cmid.random(new SplittableRandom(42)))
        .isNotEqualTo(Cmid.random(new SplittableRandom(43)));
  }

  @Test
  void successiveIdsDiffer() {
    SecureRandom random = new SecureRandom();
    Set<Cmid> ids = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      ids.add(Cmid.random(random));
    }
    assertThat(ids).hasSize(1000);
  }

  @Test
  void formatIsLowerCaseCanonical() {
    Cmid cmid = Cmid.parse("0B9A4C1E-7F3D-4E2A-9C6B-1D2E3F405162").orElseThrow();

    assertThat(cmid.format()).isEqualTo("0b9a4c1e-7f3d-4e2a-9c6b-1d2e3f405162");
    assertThat(cmid).hasToString(cmid.format());
  }

  @Test
  void parseAcceptsBracesAndSurroundingSpace() {
    assertThat(Cmid.parse("  {0b9a4c1e-7f3d-4e2a-9c6b-1d2e3f405162} "))
        .map(Cmid::format)
        .contains("0b9a4c1e-7f3d-4e2a-9c6b-1d2e3f405162");
  }

  @Test
  void parseRefusesWhatIsNotAnId() {
    assertThat(Cmid.parse(null)).isEmpty();
    assertThat(Cmid.parse("")).isEmpty();
    assertThat(Cmid.parse("1-2-3-4-5")).isEmpty(); // java.util.UUID would take it
    assertThat(Cmid.parse("0b9a4c1e7f3d4e2a9c6b1d2e3f405162")).isEmpty();
    assertThat(Cmid.parse("0b9a4c1e-7f3d-4e2a-9c6b-1d2e3f40516g")).isEmpty();
    assertThat(Cmid.parse("{0b9a4c1e-7f3d-4e2a-9c6b-1d2e3f405162")).isEmpty();
  }
}
