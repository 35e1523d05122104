package dev.keyward.client;

import dev.keyward.core.catalog.Product;
import dev.keyward.core.catalog.TrustedPhoneKey;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import dev.keyward.core.hardware.MachineFacts;
import dev.keyward.core.license.ActivationStanding;
import dev.keyward.core.license.LicenseEvent;
import dev.keyward.core.license.LicenseRecord;
import dev.keyward.core.license.LicenseState;
import dev.keyward.core.phone.CidCheck;
import dev.keyward.core.phone.CidParse;
import dev.keyward.core.phone.ConfirmationId;
import dev.keyward.core.phone.InstallationId;
import dev.keyward.core.phone.PhonePublicKey;
import dev.keyward.core.phone.PhoneVerifier;
import dev.keyward.core.phone.ProxyFileReading;
import dev.keyward.core.phone.ProxyRequest;
import dev.keyward.core.phone.ProxyResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Phone and proxy activation on the machine (SPEC §10), obtained with {@link
 * KeywardClient#phone()}: the installation ID of the installed key ({@code slmgr /dti}), applying a
 * confirmation ID ({@code slmgr /atp}, {@code slui 4}), and the proxy activation files of isolated
 * sites.
 *
 * <p>A phone activation is certificate-less: the store keeps the confirmation ID and the
 * installation ID it answers ({@link PhoneConfirmation}), and every status check verifies the CID
 * against that IID with the authority's phone keys and compares the machine's hardware with the
 * IID's, within the catalog's tolerance, as it does for a certificate.
 */
public final class PhoneActivation {
  private final ClientContext client;

  PhoneActivation(ClientContext client) {
    this.client = client;
  }

  /** This machine's installation ID for the installed key ({@code slmgr /dti}). */
  public InstallationId installationId() {
    Session s = client.sessions().open(new ArrayList<>());
    return iid(s, requireKey(s));
  }

  /** The outcome of applying a confirmation ID. */
  public record Applied(LicenseInfo info, boolean alreadyApplied, int keyIndex) {}

  /**
   * Applies a confirmation ID as typed ({@code slmgr /atp CID}): a wrong check digit is 0xC004F04D
   * naming the group; a CID that does not confirm this machine's installation ID (or that no
   * trusted authority key signed) is 0xC004F02C. A valid one activates the product for good.
   * Applying the same confirmation ID again changes nothing.
   */
  public Applied apply(String typed) {
    return apply(typed, new ArrayList<>());
  }

  private Applied apply(String typed, List<String> notices) {
    Session s = client.sessions().open(notices);
    Instant now = client.clock().instant();
    // asked once: the refusal (an evaluation edition) comes before the CID is checked
    LicenseRecord next =
        Transitions.refusedOrNext(
            s.machine().apply(s.state().record(), LicenseEvent.Activated.permanently(false), now));
    StoredKey key = requireKey(s);
    InstallationId iid = iid(s, key);
    ConfirmationId cid =
        switch (ConfirmationId.parse(typed == null ? "" : typed)) {
          case CidParse.Rejected r -> throw new KeywardException(r.failure());
          case CidParse.Parsed p -> p.cid();
        };
    Optional<PhoneConfirmation> held = s.state().phone();
    if (held.isPresent()
        && held.get().confirmationId().equals(cid.text())
        && held.get().installationId().equals(iid.text())
        && s.state().record().state() == LicenseState.LICENSED) {
      return new Applied(client.infos().build(s, notices), true, cid.keyIndex());
    }
    PhoneTrust trust = phoneTrust(s, notices);
    if (new PhoneVerifier(trust.keys()).verify(cid, iid) instanceof CidCheck.Rejected rejected) {
      client
          .sessions()
          .event(
              s.state(), "ConfirmationRefused", Map.of("code", rejected.failure().error().hex()));
      throw new KeywardException(rejected.failure());
    }
    ProductState state =
        s.state()
            .withRecord(next)
            .withPhone(
                Optional.of(new PhoneConfirmation(iid.text(), cid.text(), cid.keyIndex(), now)))
            .withTrustDigest(trust.digest());
    client.sessions().save(s, state);
    client
        .sessions()
        .event(
            state,
            "Activated",
            Map.of("method", "phone", "installationId", iid.text(), "keyIndex", cid.keyIndex()));
    return new Applied(client.infos().build(s.with(state), notices), false, cid.keyIndex());
  }

  /** The phone keys a confirmation ID is checked with, and the trust digest the state records. */
  private record PhoneTrust(Map<Integer, PhonePublicKey> keys, Optional<String> digest) {}

  /**
   * The product's trusted phone keys; with none, the authority's pinned under the development
   * opt-in when it can be reached; else a refusal saying how to give the machine the keys.
   */
  private PhoneTrust phoneTrust(Session s, List<String> notices) {
    TrustView view = client.trust().view(s.state().trustDigest());
    if (view.broken().isPresent()) {
      throw new KeywardException(view.broken().get());
    }
    Map<Integer, PhonePublicKey> trusted = decoded(view.phoneKeys());
    Optional<String> digest = s.state().trustDigest();
    if (trusted.isEmpty() && client.pinTrustOnFirstUse() && client.authority().isPresent()) {
      try {
        client.trust().pin();
        digest = client.trust().storeDigest();
        trusted = decoded(client.trust().view(digest).phoneKeys());
        if (!trusted.isEmpty()) {
          notices.add(
              "No phone activation key was trusted: pinned the authority's keys in "
                  + client.store().trustFile()
                  + ".");
        }
      } catch (KeywardException e) {
        // an isolated machine: say below how to give it the keys
      }
    }
    if (trusted.isEmpty()) {
      throw KeywardException.of(
          ErrorCode.CID_INVALID_DATA,
          "This machine trusts no phone activation key of the authority, so it cannot check a"
              + " confirmation ID. Copy the vendor's trust file (an authority's trust.json in its"
              + " data directory, or GET /v1/trust) to this machine and record it with keyward"
              + " init --trust FILE, or give it with --trust FILE.");
    }
    return new PhoneTrust(trusted, digest);
  }

  /** What {@link #exportRequest} did. */
  public record Exported(
      ProxyRequest request, ProxyRequest.Entry entry, ProxyRequest.Change change) {}

  /**
   * Adds this machine to a proxy activation request ({@code keyward proxy export}): {@code
   * existing} is the file's current content, if any; the caller writes {@link Exported#request()}.
   * The same machine exported twice is one entry.
   *
   * @param label the machine's name for people
   */
  public Exported exportRequest(Optional<String> existing, String label) {
    ProxyRequest request = ProxyRequest.empty();
    if (existing.isPresent() && !existing.get().isBlank()) {
      request =
          switch (ProxyRequest.read(existing.get())) {
            case ProxyFileReading.Read<ProxyRequest> r -> r.file();
            case ProxyFileReading.Invalid<ProxyRequest> i ->
                throw new KeywardException(i.failure());
          };
    }
    Session s = client.sessions().open(new ArrayList<>());
    InstallationId iid = iid(s, requireKey(s));
    MachineFacts facts = client.machineFacts();
    ProxyRequest.Entry entry =
        new ProxyRequest.Entry(
            label, s.product().id(), iid.text(), facts.oemMarker(), facts.simulated());
    ProxyRequest.Change change = request.changeFor(entry);
    if (request.entries().size() >= ProxyRequest.MAX_ENTRIES
        && change == ProxyRequest.Change.ADDED) {
      throw KeywardException.of(
          ErrorCode.INPUT_FILE_INVALID,
          "This request file already holds "
              + ProxyRequest.MAX_ENTRIES
              + " machines, as many as one answer can carry. Start another file.");
    }
    return new Exported(request.with(entry), entry, change);
  }

  /**
   * Applies this machine's answer from a proxy activation response file ({@code keyward proxy
   * apply}). The file's signature is checked when it names a trusted certificate key; the answer is
   * found by this machine's installation ID, and its confirmation ID applied like {@link #apply}. A
   * file without an answer for this machine is 0xC004F02C, naming the machines it answers; a
   * refused entry gives its refusal.
   */
  public Applied applyResponse(String text) {
    ProxyResponse response =
        switch (ProxyResponse.read(text)) {
          case ProxyFileReading.Read<ProxyResponse> r -> r.file();
          case ProxyFileReading.Invalid<ProxyResponse> i -> throw new KeywardException(i.failure());
        };
    List<String> notices = new ArrayList<>();
    switch (response.checkSignature(client.trust().keys())) {
      case ProxyResponse.SignatureCheck.Invalid invalid ->
          throw new KeywardException(invalid.failure());
      case ProxyResponse.SignatureCheck.Unsigned u ->
          notices.add(
              "The response file is not signed; its confirmation ID is checked with the"
                  + " authority's phone key anyway.");
      case ProxyResponse.SignatureCheck.UnknownKey u ->
          notices.add(
              "The response file is signed with key "
                  + u.keyId()
                  + ", which this machine does not trust; its confirmation ID is checked with the"
                  + " authority's phone key anyway.");
      case ProxyResponse.SignatureCheck.Valid v -> {}
    }
    Session s = client.sessions().open(new ArrayList<>());
    InstallationId iid = iid(s, requireKey(s));
    Optional<ProxyResponse.Answer> answer = response.answerFor(iid);
    if (answer.isEmpty()) {
      throw KeywardException.of(
          ErrorCode.CID_INVALID_DATA,
          "The response file holds no answer for this machine's installation ID "
              + iid.text()
              + ": it answers "
              + (response.entries().isEmpty()
                  ? "no machine"
                  : response.entries().stream()
                      .map(ProxyResponse.Answer::label)
                      .collect(Collectors.joining(", ")))
              + ". This machine was not in the request, or its key, edition or hardware changed"
              + " since it was exported: export it again (keyward proxy export) and have the new"
              + " request answered.");
    }
    if (answer.get().error().isPresent()) {
      Failure f = answer.get().error().get();
      throw KeywardException.of(
          f.error(),
          "The authority refused this machine's entry ("
              + answer.get().label()
              + ") of the request: "
              + f.message());
    }
    return apply(answer.get().cid().orElseThrow(), notices);
  }

  /** Reads a file for {@link #applyResponse} and {@link #exportRequest}, in words on failure. */
  public static Optional<String> readFile(Path file, boolean mayBeMissing) {
    try {
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      if (mayBeMissing) {
        return Optional.empty();
      }
      throw KeywardException.of(ErrorCode.INPUT_FILE_INVALID, file + " does not exist.");
    } catch (IOException e) {
      throw new KeywardException(
          dev.keyward.core.error.FileProblems.reading("The proxy activation file", file, e));
    }
  }

  /** Writes a proxy activation file, replacing it atomically. */
  public static void writeFile(Path file, String text) {
    try {
      AtomicFiles.writeText(file, text);
    } catch (IOException e) {
      throw new KeywardException(
          dev.keyward.core.error.FileProblems.writing("The proxy activation file", file, e));
    }
  }

  // --- the status check ------------------------------------------------------------------------

  /** What a stored phone activation proves now ({@link PhoneStanding}). */
  ActivationStanding standing(Product product, ProductState state, TrustView trust) {
    return new PhoneStanding(client).of(product, state, trust);
  }

  private InstallationId iid(Session s, StoredKey key) {
    return new InstallationIds(client).of(s, key);
  }

  private static StoredKey requireKey(Session s) {
    return InstallationIds.requireKey(s);
  }

  private static Map<Integer, PhonePublicKey> decoded(List<TrustedPhoneKey> phoneKeys) {
    return PhoneStanding.decoded(phoneKeys);
  }
}
