package dev.keyward.authority;

import dev.keyward.authority.crypto.Ids;
import dev.keyward.authority.http.ApiException;
import dev.keyward.authority.store.ActivationRow;
import dev.keyward.authority.store.KeyRow;
import dev.keyward.authority.store.Store;
import dev.keyward.core.catalog.Channel;
import dev.keyward.core.channel.ChannelDecision;
import dev.keyward.core.channel.ChannelRules;
import dev.keyward.core.channel.PriorActivation;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The activation a confirmation ID stands for, decided inside the activation center's transaction
 * ({@link PhoneActivationService#confirm}): a grant is a new activation row, a reissue the
 * machine's own row again.
 */
final class PhoneGrants {
  private final Store store;
  private final boolean allowSimulated;

  PhoneGrants(Store store, boolean allowSimulated) {
    this.store = store;
    this.allowSimulated = allowSimulated;
  }

  /** The activation a CID confirms: a new one, or the machine's own again (nothing spent). */
  record Held(String activationId, boolean reissued) {}

  /**
   * Core's channel rules on the key's prior activations, online and phone alike; a grant is
   * recorded (a MAK key's pool counts it), a reissue brings the machine's own activation back.
   */
  Held decide(
      Handle h,
      PhoneActivationService.Asked asked,
      KeyRow key,
      String confirmationId,
      Instant now) {
    List<ActivationRow> rows = store.activations().activations(h, key.id());
    List<PriorActivation> prior = rows.stream().map(ActivationService::prior).toList();
    ChannelDecision decision =
        ChannelRules.decide(
            asked.product(),
            asked.group(),
            ActivationService.standing(key),
            prior,
            asked.request(),
            allowSimulated);
    return switch (decision) {
      case ChannelDecision.Refuse r -> throw ApiException.refusal(r.failure());
      case ChannelDecision.Reissue reissue -> {
        ActivationRow row =
            rows.stream()
                .filter(r -> r.id().equals(reissue.prior().id()))
                .findFirst()
                .orElseThrow();
        if (!row.active()) {
          store.activations().reactivate(h, row.id()); // OEM: bound to its first machine for good
        }
        yield new Held(row.id(), true);
      }
      case ChannelDecision.Grant grant -> {
        String activationId = Ids.next("act");
        store
            .activations()
            .insertActivation(
                h,
                new ActivationRow(
                    activationId,
                    key.id(),
                    Machines.toJson(asked.iid().hardware()),
                    "",
                    true,
                    grant.spendsCount(),
                    now.toEpochMilli(),
                    Optional.empty(),
                    Optional.empty(),
                    confirmationId));
        if (grant.spendsCount() && asked.group().channel() == Channel.VOLUME_MAK) {
          store
              .keys()
              .updateStanding(
                  h,
                  key.withStanding(
                      key.blocked(), key.poolSize(), key.poolUsed() + 1, key.extensionTotal()));
        }
        yield new Held(activationId, false);
      }
    };
  }
}
