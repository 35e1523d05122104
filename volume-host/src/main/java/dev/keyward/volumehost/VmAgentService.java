package dev.keyward.volumehost;

import dev.keyward.client.KeywardClient;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import dev.keyward.core.vmhost.SignedVmGrant;
import dev.keyward.core.vmhost.VmActivationRequest;
import dev.keyward.core.vmhost.VmAgentAnswer;
import dev.keyward.core.vmhost.VmDecision;
import dev.keyward.core.vmhost.VmGrant;
import dev.keyward.core.vmhost.VmHostRules;
import dev.keyward.core.vmhost.VmWire;
import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Answers one guest on the channel (SPEC §12): reads its request (bounded), reads the host's own
 * standing now (SPEC §16), decides with core's {@link VmHostRules}, signs a grant with the agent
 * key the host's certificate certifies, records the guest and logs 12310. A message that is not a
 * request gets 0xC0DE003C and changes nothing.
 */
final class VmAgentService {
  /** A guest's request was processed (with its name, edition and the result code). */
  static final int GUEST_PROCESSED = 12310;

  private final KeywardClient client;
  private final VmGuestRoster roster;
  private final HostEvents events;
  private final VmHostRules rules;

  VmAgentService(KeywardClient client, VmGuestRoster roster, HostEvents events, Clock clock) {
    this.client = client;
    this.roster = roster;
    this.events = events;
    this.rules = new VmHostRules(client.catalog(), clock);
  }

  Optional<Failure> hostRefusal() {
    return rules.hostRefusal(VmHostStanding.of(client).view());
  }

  void answer(SocketChannel connection) throws IOException {
    Optional<String> message = VmWire.read(connection, VmWire.MAX_REQUEST);
    VmAgentAnswer answer =
        switch (message.map(VmActivationRequest::fromJsonText).orElse(null)) {
          case null ->
              refused(
                  ErrorCode.VM_AGENT_BAD_MESSAGE,
                  "The message is larger than "
                      + VmWire.MAX_REQUEST
                      + " bytes or not UTF-8 text: it is not a host-based VM activation request.");
          case VmActivationRequest.Parsed.Malformed m ->
              refused(
                  ErrorCode.VM_AGENT_BAD_MESSAGE,
                  "The message is not a host-based VM activation request: " + m.reason() + ".");
          case VmActivationRequest.Parsed.Ok ok -> decide(ok.request());
        };
    VmWire.write(connection, answer.toJsonText());
  }

  private VmAgentAnswer decide(VmActivationRequest request) throws IOException {
    VmHostStanding standing = VmHostStanding.of(client);
    VmAgentAnswer answer =
        switch (rules.decide(standing.view(), request)) {
          case VmDecision.Refuse r -> new VmAgentAnswer.Refused(r.failure());
          case VmDecision.Grant g -> {
            SignedVmGrant signed =
                SignedVmGrant.sign(
                    g.grant(),
                    standing.identity().orElseThrow().privateKey(),
                    standing.certificate().orElseThrow());
            roster.record(g.grant());
            yield new VmAgentAnswer.Granted(signed);
          }
        };
    log(request, answer);
    return answer;
  }

  private void log(VmActivationRequest request, VmAgentAnswer answer) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("guest", request.guestName());
    e.put("cmid", request.cmid());
    e.put("product", request.product());
    e.put("version", request.version());
    e.put("edition", request.edition());
    switch (answer) {
      case VmAgentAnswer.Granted g -> {
        VmGrant grant = g.grant().grant();
        e.put("result", "0x0");
        e.put("expiresAt", grant.expiresAt().toString());
      }
      case VmAgentAnswer.Refused r -> {
        e.put("result", r.failure().error().hex());
        e.put("message", r.failure().message());
      }
    }
    events.log(GUEST_PROCESSED, "VmGuestRequestProcessed", e);
  }

  private static VmAgentAnswer refused(ErrorCode error, String detail) {
    return new VmAgentAnswer.Refused(Failure.of(error, detail));
  }
}
