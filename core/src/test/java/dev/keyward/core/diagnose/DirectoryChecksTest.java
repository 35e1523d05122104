package dev.keyward.core.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.core.error.ErrorCode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DirectoryChecksTest {
  private static final Instant NOW = Instant.parse("2026-06-01T09:00:00Z");
  private static final String URL = "ldap://10.0.0.5:3890/dc=contoso,dc=lan";

  private static ProductFacts volumeClient(String state) {
    return new ProductFacts(
        "winserver",
        "Windows Server",
        "2022",
        "ServerStandard",
        false,
        Optional.empty(),
        5,
        Optional.of("VOLUME_KMSCLIENT"),
        Optional.of("3V66T"),
        state,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        List.of());
  }

  private static Facts facts(String state, DirectoryFacts directory) {
    return new Facts(
        volumeClient(state),
        Optional.empty(),
        new TimeFacts(NOW, NOW, Duration.ofHours(1)),
        Optional.of(Reachability.reached("http://127.0.0.1:8080")),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        directory);
  }

  private static DirectoryFacts joined(boolean answers, String lastResult) {
    return new DirectoryFacts(
        Optional.of(URL),
        Optional.of(
            answers
                ? Reachability.reached("ldap://10.0.0.5:3890")
                : Reachability.failed("ldap://10.0.0.5:3890", "no connection to port 3890")),
        Optional.of("Contoso 2022"),
        Optional.of("cn=abc,CN=Activation Objects,CN=Keyward,CN=Services,dc=contoso,dc=lan"),
        Optional.of(NOW.plus(Duration.ofDays(173))),
        Optional.of(lastResult));
  }

  @Test
  void aMachineThatJoinedNoDirectoryHasNoDirectoryFinding() {
    assertThat(Diagnosis.findings(facts("Licensed", DirectoryFacts.NOT_JOINED))).isEmpty();
    assertThat(Diagnosis.findings(facts("Licensed", joined(true, "0x0")))).isEmpty();
  }

  @Test
  void aJoinedDirectoryThatDoesNotAnswerPointsAtTheServerAndTheVolumeHostFallBack() {
    List<Finding> found =
        Diagnosis.findings(facts("Licensed", joined(false, ErrorCode.DIRECTORY_UNREACHABLE.hex())));
    assertThat(found).extracting(Finding::code).containsExactly(ErrorCode.DIRECTORY_UNREACHABLE);
    Finding f = found.get(0);
    assertThat(f.severity()).isEqualTo(Severity.WARNING);
    assertThat(f.summary()).contains("ldap://10.0.0.5:3890");
    assertThat(f.facts())
        .anySatisfy(x -> assertThat(x).contains("Contoso 2022").contains("activation until"))
        .anySatisfy(x -> assertThat(x).contains("does not answer"))
        .anySatisfy(
            x -> assertThat(x).isEqualTo("to join it again later: keyward directory join " + URL));
    assertThat(f.commands()).last().isEqualTo("keyward slmgr /ato");
    assertThat(f.orElse()).containsExactly("keyward directory leave", "keyward slmgr /ato");
  }

  @Test
  void aDirectoryThatAnswersAgainOnlyNeedsAnActivation() {
    List<Finding> found =
        Diagnosis.findings(facts("Licensed", joined(true, ErrorCode.DIRECTORY_UNREACHABLE.hex())));
    assertThat(found).extracting(Finding::code).containsExactly(ErrorCode.DIRECTORY_UNREACHABLE);
    assertThat(found.get(0).summary()).contains("answers now");
    assertThat(found.get(0).commands()).containsExactly("keyward slmgr /ato");
  }

  @Test
  void anUnlicensedMachineWhoseDirectoryHoldsNoObjectIsToldToPublishOne() {
    List<Finding> found =
        Diagnosis.findings(facts("Unlicensed", joined(true, ErrorCode.NO_ACTIVATION_OBJECT.hex())));
    assertThat(found.get(0).code()).isEqualTo(ErrorCode.NO_ACTIVATION_OBJECT);
    assertThat(found.get(0).severity()).isEqualTo(Severity.BLOCKING);
    assertThat(found.get(0).commands().get(0))
        .startsWith(Commands.SYSTEM + "keyward directory publish --ldap ldap://10.0.0.5:3890")
        .contains("--base dc=contoso,dc=lan")
        .endsWith("HOST_KEY");
  }

  @Test
  void anObjectThatActivatesNothingIsReplaced() {
    for (ErrorCode code :
        List.of(ErrorCode.ACTIVATION_OBJECT_UNTRUSTED, ErrorCode.ACTIVATION_OBJECT_MALFORMED)) {
      List<Finding> found = Diagnosis.findings(facts("Licensed", joined(true, code.hex())));
      assertThat(found).extracting(Finding::code).containsExactly(code);
      assertThat(found.get(0).commands())
          .anySatisfy(c -> assertThat(c).contains("keyward directory remove"))
          .anySatisfy(c -> assertThat(c).contains("keyward directory publish"));
    }
  }

  @Test
  void aVolumeClientTheDirectoryServesNeedsNoVolumeHost() {
    VolumeFacts noHost =
        new VolumeFacts(
            Optional.empty(),
            Optional.of("contoso.lan"),
            Optional.of("_keyward._tcp.contoso.lan"),
            new VolumeFacts.SrvAnswer.NoRecord("host not found"),
            List.of(),
            Optional.empty(),
            Optional.empty(),
            5);
    Facts served =
        new Facts(
            volumeClient("Licensed"),
            Optional.empty(),
            new TimeFacts(NOW, NOW, Duration.ofHours(1)),
            Optional.empty(),
            Optional.of(noHost),
            Optional.empty(),
            Optional.empty(),
            joined(true, "0x0"));
    assertThat(Diagnosis.findings(served)).isEmpty();
    Facts notJoined =
        new Facts(
            served.product(),
            Optional.empty(),
            served.time(),
            Optional.empty(),
            Optional.of(noHost),
            Optional.empty(),
            Optional.empty(),
            DirectoryFacts.NOT_JOINED);
    assertThat(Diagnosis.findings(notJoined))
        .extracting(Finding::code)
        .containsExactly(ErrorCode.DNS_NAME_DOES_NOT_EXIST);
  }

  @Test
  void theDirectoryAddressSplitsIntoServerAndBase() {
    DirectoryFacts d = joined(true, "0x0");
    assertThat(d.serverUrl()).contains("ldap://10.0.0.5:3890");
    assertThat(d.base()).contains("dc=contoso,dc=lan");
    assertThat(d.lastFailedWith(ErrorCode.NO_ACTIVATION_OBJECT)).isFalse();
  }
}
