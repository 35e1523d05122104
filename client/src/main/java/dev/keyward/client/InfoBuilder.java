package dev.keyward.client;

import dev.keyward.core.catalog.Channel;
import dev.keyward.core.catalog.KeyGroup;
import dev.keyward.core.license.LicenseStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code slmgr /dli}, {@code /dlv} and {@code /xpr} show of a session: the state machine's
 * status at the present, the key, the proof of activation, the installation ID and the volume
 * client's view. Built from the session an operation ends with, never by opening the store again.
 */
final class InfoBuilder {
  private final ClientContext client;

  InfoBuilder(ClientContext client) {
    this.client = client;
  }

  /** The status read ({@link KeywardClient#status()}): opens, derives, never writes. */
  LicenseInfo status() {
    List<String> notices = new ArrayList<>();
    return build(client.sessions().open(notices), notices);
  }

  LicenseInfo build(Session s, List<String> notices) {
    ProductState st = s.state();
    LicenseStatus status = s.machine().status(st.record(), client.clock().instant());
    Optional<Channel> channel =
        st.key()
            .map(StoredKey::channel)
            .or(
                () ->
                    st.record().evaluation()
                        ? Optional.of(Channel.TIMEBASED_EVAL)
                        : Optional.empty());
    Optional<Integer> group =
        st.key()
            .map(StoredKey::group)
            .or(
                () ->
                    st.record().evaluation()
                        ? s.product()
                            .keyGroup(
                                st.installation().version(),
                                st.installation().edition(),
                                Channel.TIMEBASED_EVAL)
                            .map(KeyGroup::number)
                        : Optional.empty());
    return new LicenseInfo(
        s.product().id(),
        s.product().name(),
        st.installation().version(),
        st.installation().edition(),
        st.record().evaluation(),
        channel,
        st.key().map(StoredKey::partial),
        group,
        status,
        st.cmid(),
        st.certificate().map(c -> c.certificate().certificateId()),
        st.record().trustedTime(),
        st.installedAt(),
        st.key().flatMap(StoredKey::encrypted).isPresent(),
        st.volume(),
        st.pendingEdition(),
        notices,
        new InstallationIds(client).ifKnown(s),
        st.phone(),
        new VolumeClientLicense(client).info(s));
  }
}
