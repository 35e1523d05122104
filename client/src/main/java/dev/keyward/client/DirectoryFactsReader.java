package dev.keyward.client;

import dev.keyward.core.diagnose.DirectoryFacts;
import dev.keyward.core.diagnose.Reachability;
import java.util.Optional;

/**
 * {@code keyward diagnose}'s directory facts (SPEC §12): the joined directory, whether its server
 * answers a connection (a TCP probe, no bind, no search: diagnose stays read-only and asks the
 * directory nothing it would log as a check), and the object the machine last activated from.
 */
final class DirectoryFactsReader {
  private final ClientContext client;

  DirectoryFactsReader(ClientContext client) {
    this.client = client;
  }

  DirectoryFacts read(Session s) {
    Optional<DirectoryJoin> join =
        new DirectoryMembership(client.store(), client.clock()).current();
    Optional<DirectoryActivationInfo> info =
        new DirectoryActivation(client).info(s.product().id(), s.state());
    if (join.isEmpty() && info.isEmpty()) {
      return DirectoryFacts.NOT_JOINED;
    }
    Optional<Reachability> server =
        join.map(j -> Probe.tcp(j.address().server(), j.address().host(), j.address().port()));
    return new DirectoryFacts(
        join.map(j -> j.address().toString()),
        server,
        info.flatMap(DirectoryActivationInfo::objectName),
        info.flatMap(DirectoryActivationInfo::objectDn),
        info.flatMap(DirectoryActivationInfo::activationExpires),
        info.flatMap(DirectoryActivationInfo::lastResult));
  }
}
