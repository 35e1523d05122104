package dev.keyward.core.protocol;

import dev.keyward.core.catalog.Channel;
import dev.keyward.core.cert.ActivationCertificate;
import dev.keyward.core.hardware.Component;
import dev.keyward.core.hardware.ComponentHash;
import dev.keyward.core.hardware.HardwareIdentity;
import dev.keyward.core.phone.ProxyRequest;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;

/**
 * Random wire records of every kind, with each record's reader, for the round-trip properties here
 * and the authority's byte-agreement test.
 */
public final class WireSamples {
  private WireSamples() {}

  /** One kind of body: random records, and the one reader of their written form. */
  public record Kind<T>(
      String name,
      Arbitrary<T> records,
      Function<T, Map<String, Object>> writer,
      Function<Map<?, ?>, Parsed<T>> reader) {}

  public static List<Kind<?>> kinds() {
    return List.of(
        new Kind<>("activate", activate(), ActivateRequest::toMap, ActivateRequest::parse),
        new Kind<>(
            "certificate", certificateAnswer(), CertificateAnswer::toMap, CertificateAnswer::parse),
        new Kind<>("deactivate", deactivate(), DeactivateRequest::toMap, DeactivateRequest::parse),
        new Kind<>("released", released(), DeactivateAnswer::toMap, DeactivateAnswer::parse),
        new Kind<>("renew", renew(), RenewRequest::toMap, RenewRequest::parse),
        new Kind<>("phone", phone(), PhoneRequest::toMap, PhoneRequest::parse),
        new Kind<>("admin phone", adminPhone(), AdminPhoneRequest::toMap, AdminPhoneRequest::parse),
        new Kind<>("phone answer", phoneAnswer(), PhoneAnswer::toMap, PhoneAnswer::parse),
        new Kind<>(
            "admin phone answer",
            adminPhoneAnswer(),
            AdminPhoneAnswer::toMap,
            AdminPhoneAnswer::parse),
        new Kind<>("proxy", proxy(), ProxyAnswerRequest::toMap, ProxyAnswerRequest::parse));
  }

  /** Text as a field carries it: printable and not, never blank, up to a few dozen characters. */
  static Arbitrary<String> text() {
    return Arbitraries.strings()
        .withCharRange(' ', '~')
        .withChars('é', 'ß', '€', '\n', '"', '\\')
        .ofMinLength(1)
        .ofMaxLength(40)
        .filter(s -> !s.isBlank());
  }

  static Arbitrary<Optional<String>> optionalText() {
    return text().optional();
  }

  /** A text the reader gives back as it is (the reason and a CMID are normalised). */
  static Arbitrary<String> stripped() {
    return text().map(String::strip);
  }

  static Arbitrary<String> cmid() {
    return Arbitraries.randomValue(r -> new java.util.UUID(r.nextLong(), r.nextLong()).toString());
  }

  static Arbitrary<Instant> instant() {
    return Arbitraries.longs()
        .between(0, 4_102_444_800_000L)
        .map(Instant::ofEpochMilli)
        .flatMap(i -> Arbitraries.of(i, i.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
  }

  static Arbitrary<HardwareIdentity> machine() {
    return Arbitraries.randomValue(
        r -> {
          Map<Component, ComponentHash> hashes = new EnumMap<>(Component.class);
          for (Component c : Component.values()) {
            hashes.put(
                c, new ComponentHash(String.format("%016x%016x", r.nextLong(), r.nextLong())));
          }
          return new HardwareIdentity(hashes);
        });
  }

  static Arbitrary<String> signature() {
    return Arbitraries.bytes()
        .array(byte[].class)
        .ofSize(64)
        .map(b -> Base64.getEncoder().encodeToString(b));
  }

  static Arbitrary<ActivationCertificate> certificate() {
    return Builders.withBuilder(() -> new Object[13])
        .use(text())
        .in((a, v) -> set(a, 0, v))
        .use(text())
        .in((a, v) -> set(a, 1, v))
        .use(text())
        .in((a, v) -> set(a, 2, v))
        .use(text())
        .in((a, v) -> set(a, 3, v))
        .use(Arbitraries.of(Channel.class))
        .in((a, v) -> set(a, 4, v))
        .use(machine())
        .in((a, v) -> set(a, 5, v))
        .use(cmid())
        .in((a, v) -> set(a, 6, v))
        .use(instant())
        .in((a, v) -> set(a, 7, v))
        .use(instant().optional())
        .in((a, v) -> set(a, 8, v))
        .use(optionalText())
        .in((a, v) -> set(a, 9, v))
        .build(
            a ->
                new ActivationCertificate(
                    (String) a[0],
                    (String) a[1],
                    "ABC12",
                    (String) a[2],
                    "2022",
                    (String) a[3],
                    (Channel) a[4],
                    (HardwareIdentity) a[5],
                    (String) a[6],
                    (Instant) a[7],
                    cast(a[8]),
                    "signing-1",
                    cast(a[9])));
  }

  private static Object[] set(Object[] a, int i, Object v) {
    a[i] = v;
    return a;
  }

  @SuppressWarnings("unchecked")
  private static <T> Optional<T> cast(Object o) {
    return (Optional<T>) o;
  }

  static Arbitrary<ActivateRequest> activate() {
    return Combinators.combine(
            Combinators.combine(text(), text(), text(), text()).as(List::of),
            machine(),
            cmid(),
            optionalText(),
            Arbitraries.of(true, false),
            instant(),
            optionalText())
        .as(
            (t, machine, cmid, oem, simulated, at, host) ->
                new ActivateRequest(
                    t.get(0), t.get(1), t.get(2), t.get(3), machine, cmid, oem, simulated, at,
                    host));
  }

  static Arbitrary<CertificateAnswer> certificateAnswer() {
    return Combinators.combine(certificate(), signature(), Arbitraries.of(true, false))
        .as(CertificateAnswer::new);
  }

  static Arbitrary<DeactivateRequest> deactivate() {
    return Combinators.combine(text(), optionalText(), machine(), optionalText())
        .as(DeactivateRequest::new);
  }

  static Arbitrary<DeactivateAnswer> released() {
    return Combinators.combine(Arbitraries.of(true, false), text()).as(DeactivateAnswer::new);
  }

  static Arbitrary<RenewRequest> renew() {
    return Combinators.combine(certificate(), signature(), machine()).as(RenewRequest::new);
  }

  static Arbitrary<PhoneRequest> phone() {
    return Combinators.combine(text(), optionalText(), optionalText(), Arbitraries.of(true, false))
        .as(PhoneRequest::new);
  }

  static Arbitrary<AdminPhoneRequest> adminPhone() {
    return Combinators.combine(
            text(), stripped(), optionalText(), optionalText(), Arbitraries.of(true, false))
        .as(AdminPhoneRequest::new);
  }

  static Arbitrary<Integer> keyIndex() {
    return Arbitraries.integers().between(0, Integer.MAX_VALUE);
  }

  static Arbitrary<PhoneAnswer> phoneAnswer() {
    return Combinators.combine(text(), keyIndex(), Arbitraries.of(true, false))
        .as(PhoneAnswer::new);
  }

  static Arbitrary<AdminPhoneAnswer> adminPhoneAnswer() {
    return Combinators.combine(text(), keyIndex(), Arbitraries.of(true, false), text(), text())
        .as(AdminPhoneAnswer::new);
  }

  static Arbitrary<ProxyAnswerRequest> proxy() {
    Arbitrary<ProxyRequest.Entry> entry =
        Combinators.combine(text(), text(), text(), optionalText(), Arbitraries.of(true, false))
            .as(ProxyRequest.Entry::new);
    return Combinators.combine(stripped(), entry.list().ofMaxSize(5).map(ProxyRequest::new))
        .as(ProxyAnswerRequest::new);
  }
}
