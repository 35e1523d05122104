package dev.keyward.core.license;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LicenseStateTest {

  @ParameterizedTest
  @CsvSource({
    "0, Unlicensed, UNLICENSED",
    "1, Licensed, LICENSED",
    "2, InitialGrace, INITIAL_GRACE",
    "3, AdditionalGrace, ADDITIONAL_GRACE",
    "4, NonGenuineGrace, NON_GENUINE_GRACE",
    "5, Notification, NOTIFICATION",
    "6, ExtendedGrace, EXTENDED_GRACE"
  })
  void codesAndNamesAreThoseOfTheSpec(int code, String name, LicenseState state) {
    assertThat(state.code()).isEqualTo(code);
    assertThat(state.displayName()).isEqualTo(name);
    assertThat(state).hasToString(name);
    assertThat(LicenseState.fromCode(code)).contains(state);
    assertThat(LicenseState.fromName(name)).contains(state);
    assertThat(LicenseState.fromName(" " + name.toUpperCase() + " ")).contains(state);
  }

  @Test
  void thereAreExactlySevenStatesWithDistinctCodes() {
    assertThat(LicenseState.values()).hasSize(7);
    assertThat(Arrays.stream(LicenseState.values()).map(LicenseState::code))
        .containsExactly(0, 1, 2, 3, 4, 5, 6);
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 7, 42, Integer.MIN_VALUE})
  void unknownCodesFindNothing(int code) {
    assertThat(LicenseState.fromCode(code)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Initial Grace", "INITIAL_GRACE", "Grace", "Licensed!"})
  void unknownNamesFindNothing(String name) {
    assertThat(LicenseState.fromName(name)).isEmpty();
  }

  @Test
  void nullNameFindsNothing() {
    assertThat(LicenseState.fromName(null)).isEmpty();
  }

  @Test
  void exactlyTheFourGraceStatesAreGrace() {
    assertThat(Arrays.stream(LicenseState.values()).filter(LicenseState::isGrace))
        .containsExactlyInAnyOrder(
            LicenseState.INITIAL_GRACE,
            LicenseState.ADDITIONAL_GRACE,
            LicenseState.NON_GENUINE_GRACE,
            LicenseState.EXTENDED_GRACE);
  }
}
