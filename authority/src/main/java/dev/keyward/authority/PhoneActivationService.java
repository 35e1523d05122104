package dev.keyward.authority;

import dev.keyward.authority.crypto.Ids;
import dev.keyward.authority.http.ApiException;
import dev.keyward.authority.store.Database;
import dev.keyward.authority.store.KeyRow;
import dev.keyward.authority.store.PhoneStore;
import dev.keyward.authority.store.Store;
import dev.keyward.core.catalog.Catalog;
import dev.keyward.core.catalog.Edition;
import dev.keyward.core.catalog.KeyGroup;
import dev.keyward.core.catalog.Product;
import dev.keyward.core.channel.ChannelDecision;
import dev.keyward.core.channel.ChannelRules;
import dev.keyward.core.channel.Installation;
import dev.keyward.core.channel.KeyStanding;
import dev.keyward.core.channel.PhoneActivationRequest;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import dev.keyward.core.json.Json;
import dev.keyward.core.key.ProductKeyCodec;
import dev.keyward.core.phone.IidParse;
import dev.keyward.core.phone.InstallationId;
import dev.keyward.core.phone.ProxyRequest;
import dev.keyward.core.phone.ProxyResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * The activation center (SPEC §10): an installation ID in, its confirmation ID out, under the same
 * channel rules and counts as online activation. The IID must prove the key ({@link
 * InstallationId#provesKeyIssuedBy}); the key is found from its group and serial; core's {@link
 * ChannelRules} decides on the IID's short hashes against the key's prior activations, online and
 * phone alike; a grant, its count and its audit entry are one transaction. Signing is
 * deterministic, so the same IID always gets the same CID, and asking again spends nothing (the
 * same machine within tolerance is a reissue).
 */
final class PhoneActivationService {
  private final Store store;
  private final PhoneStore phone;
  private final Database db;
  private final Keyring keyring;
  private final Supplier<Catalog> catalog;
  private final Clock clock;
  private final boolean allowSimulated;
  private final PhoneGrants grants;

  PhoneActivationService(
      Store store,
      Keyring keyring,
      Supplier<Catalog> catalog,
      Clock clock,
      boolean allowSimulated) {
    this.store = store;
    this.phone = new PhoneStore();
    this.db = store.db();
    this.keyring = keyring;
    this.catalog = catalog;
    this.clock = clock;
    this.allowSimulated = allowSimulated;
    this.grants = new PhoneGrants(store, allowSimulated);
  }

  /**
   * What the caller was told besides the IID.
   *
   * @param product the product the caller expects, checked against the IID's
   * @param oemMarker the machine's OEM marker (OEM keys need it)
   * @param simulated whether the machine said it is a lab machine
   */
  record Ask(Optional<String> product, Optional<String> oemMarker, boolean simulated) {}

  /**
   * A support agent's or an operator's request, audited with the change.
   *
   * @param action {@code phone.confirm} or {@code proxy.confirm}
   * @param label the machine's label in a proxy file, if any
   */
  record Audit(String actor, String action, String reason, Optional<String> label) {}

  /** The answer: the CID, and whether the machine already held the activation (nothing spent). */
  record Confirmed(
      String cid, int keyIndex, boolean reissued, String activationId, String partialKey) {}

  /** Reads an IID as typed: 422 with 0xC004F04D naming the groups, or 0xC004F02C. */
  static InstallationId parse(String text) {
    return switch (InstallationId.parse(text)) {
      case IidParse.Parsed p -> p.iid();
      case IidParse.Rejected r -> throw ApiException.refusal(r.failure());
    };
  }

  /**
   * The fingerprint of the key an IID names by group and serial, whether or not the IID proves it:
   * the per-key rate limit counts guesses at one issued key's proof. Empty for an unknown group.
   */
  Optional<String> keyFingerprint(InstallationId iid) {
    if (catalog.get().keyGroup(iid.keyGroup()).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(fingerprintOf(iid));
  }

  private String fingerprintOf(InstallationId iid) {
    return keyring
        .fingerprint()
        .of(ProductKeyCodec.encode(iid.keyGroup(), iid.serial(), keyring.tagger()));
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  /** What an IID asks for, read against the catalog before the transaction. */
  record Asked(
      InstallationId iid, KeyGroup group, Product product, PhoneActivationRequest request) {}

  /**
   * Decides and, when granted, records the activation and signs the CID.
   *
   * @throws ApiException 422 with the refusal's code
   */
  Confirmed confirm(InstallationId iid, Ask ask, Optional<Audit> audit) {
    Asked asked = asked(iid, ask);
    if (!asked.group().channel().activatesAtAuthority()) {
      // Public volume client keys and the like: core's refusal names the way to go.
      throw ApiException.refusal(
          refusal(
              ChannelRules.decide(
                  asked.product(),
                  asked.group(),
                  KeyStanding.unblocked(),
                  List.of(),
                  asked.request(),
                  allowSimulated)));
    }
    if (!iid.provesKeyIssuedBy(keyring.tagger())) {
      throw TypedKey.notIssued(422);
    }
    String fingerprint = fingerprintOf(iid);
    Instant now = now();
    return db.write(
        h -> {
          KeyRow key =
              store
                  .keyByFingerprint(h, fingerprint, true)
                  .orElseThrow(() -> TypedKey.notIssued(422));
          String confirmationId = Ids.next(PhoneStore.ID_PREFIX);
          PhoneGrants.Held held = grants.decide(h, asked, key, confirmationId, now);
          var cid = keyring.phoneKeys().signer().sign(iid);
          phone.insert(
              h,
              new PhoneStore.Confirmation(
                  confirmationId,
                  held.activationId(),
                  iid.text(),
                  cid.keyIndex(),
                  cid.text(),
                  now.toEpochMilli()));
          audit.ifPresent(a -> audit(h, a, iid, key, held, cid.keyIndex(), now));
          return new Confirmed(
              cid.text(), cid.keyIndex(), held.reissued(), held.activationId(), key.partialKey());
        });
  }

  /**
   * The IID's product, version and edition in the catalog, checked against what the caller said.
   */
  private Asked asked(InstallationId iid, Ask ask) {
    Catalog cat = catalog.get();
    KeyGroup group = cat.keyGroup(iid.keyGroup()).orElseThrow(() -> TypedKey.notIssued(422));
    Product product = cat.product(group.product()).orElseThrow(() -> TypedKey.notIssued(422));
    if (ask.product().isPresent() && !ask.product().get().equals(product.id())) {
      throw ApiException.refusal(
          Failure.of(
              ErrorCode.INVALID_PRODUCT_KEY,
              "This installation ID is of a "
                  + product.id()
                  + " key, not of "
                  + ask.product().get()
                  + "."));
    }
    String version =
        iid.installedVersion(product).orElseThrow(() -> unknownIndex("version", product));
    Edition edition =
        iid.installedEdition(product).orElseThrow(() -> unknownIndex("edition", product));
    return new Asked(
        iid,
        group,
        product,
        new PhoneActivationRequest(
            new Installation(product.id(), version, edition.id()),
            iid.hardware(),
            ask.oemMarker(),
            ask.simulated()));
  }

  /** The support agent's or operator's audit entry, in the confirmation's transaction. */
  private void audit(
      Handle h,
      Audit a,
      InstallationId iid,
      KeyRow key,
      PhoneGrants.Held held,
      int keyIndex,
      Instant now) {
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("reason", a.reason());
    a.label().ifPresent(l -> detail.put("label", l));
    detail.put("iid", iid.text());
    detail.put("activationId", held.activationId());
    detail.put("outcome", held.reissued() ? "reissued" : "granted");
    detail.put("keyIndex", keyIndex);
    store.appendAudit(
        h,
        now.toEpochMilli(),
        a.actor(),
        a.action(),
        key.id() + " (" + key.partialKey() + ")",
        Json.write(detail));
  }

  /**
   * Answers a proxy activation request file: each entry through {@link #confirm}, each in its own
   * transaction with its own audit entry; a refusal is that entry's answer, not the file's. The
   * response is signed with the authority's certificate key.
   */
  ProxyResponse answer(ProxyRequest request, String actor, String reason) {
    List<ProxyResponse.Answer> answers = new ArrayList<>();
    for (ProxyRequest.Entry e : request.entries()) {
      try {
        InstallationId iid = parse(e.iid());
        Confirmed c =
            confirm(
                iid,
                new Ask(Optional.of(e.product()), e.oemMarker(), e.simulated()),
                Optional.of(new Audit(actor, "proxy.confirm", reason, Optional.of(e.label()))));
        answers.add(ProxyResponse.Answer.confirmed(e, c.cid(), c.reissued()));
      } catch (ApiException x) {
        answers.add(ProxyResponse.Answer.refused(e, x.failure()));
      }
    }
    ProxyResponse response = new ProxyResponse(now(), answers, Optional.empty());
    byte[] signature = keyring.signer().signBytes(response.canonicalBytes());
    return response.signed(
        new ProxyResponse.FileSignature(
            keyring.signer().keyId(), Base64.getEncoder().encodeToString(signature)));
  }

  private static Failure refusal(ChannelDecision decision) {
    return decision instanceof ChannelDecision.Refuse r
        ? r.failure()
        : Failure.of(ErrorCode.NOT_SUPPORTED, "This key does not activate by phone.");
  }

  private static ApiException unknownIndex(String what, Product product) {
    return ApiException.refusal(
        Failure.of(
            ErrorCode.CID_INVALID_DATA,
            "The installation ID names an installed "
                + what
                + " that "
                + product.id()
                + "'s catalog does not have: it was made with another catalog, or mistyped in a"
                + " way its checks did not catch."));
  }
}
