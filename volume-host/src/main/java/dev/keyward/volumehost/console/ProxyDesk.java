package dev.keyward.volumehost.console;

import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import dev.keyward.core.phone.ProxyFileReading;
import dev.keyward.core.phone.ProxyRequest;
import dev.keyward.core.phone.ProxyResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Proxy activation from the console (SPEC §10) with the files of {@code keyward proxy}: a request
 * file ({@link ProxyRequest}) built from machines of the inventory that have an installation ID,
 * and the authority's response ({@link ProxyResponse}) matched back to them by installation ID.
 * Applying a confirmation ID stays on each machine ({@code keyward proxy apply}): only the machine
 * can prove the answer is for itself.
 */
final class ProxyDesk {
  private final ConsoleContext context;
  private final Pages pages;

  ProxyDesk(ConsoleContext context, Pages pages) {
    this.context = context;
    this.pages = pages;
  }

  private List<SiteMachine> candidates() {
    return new SiteMachines(context.siteMachines())
        .all().stream().filter(m -> m.installationId().isPresent()).toList();
  }

  Reply page(Call call) {
    return show(call, Pages.frame(call, "Proxy activation", "proxy"), List.of(), 200);
  }

  private Reply show(Call call, View.Frame frame, List<View.ProxyMatch> matches, int status) {
    List<View.ProxyCandidate> rows =
        candidates().stream()
            .map(
                m ->
                    new View.ProxyCandidate(
                        m.cmid(), m.name(), m.product(), m.installationId().orElseThrow()))
            .toList();
    return Reply.html(
        status, pages.render("proxy.jte", frame, "candidates", rows, "matches", matches));
  }

  Reply request(Call call) {
    Set<String> chosen = Set.copyOf(call.form().all("cmid"));
    ProxyRequest request = ProxyRequest.empty();
    for (SiteMachine m : candidates()) {
      if (chosen.contains(m.cmid())) {
        request =
            request.with(
                new ProxyRequest.Entry(
                    m.name(),
                    m.product(),
                    m.installationId().orElseThrow(),
                    Optional.empty(),
                    false));
      }
    }
    if (request.entries().isEmpty() || request.entries().size() > ProxyRequest.MAX_ENTRIES) {
      return refused(
          call,
          Failure.of(
              ErrorCode.INPUT_FILE_INVALID,
              "Choose between 1 and "
                  + ProxyRequest.MAX_ENTRIES
                  + " machines of the list for one request file; no file was made."));
    }
    return Reply.download(
        "application/json", "proxy-request.json", request.write().getBytes(StandardCharsets.UTF_8));
  }

  Reply response(Call call) {
    String text =
        new String(call.form().file("response").orElse(new byte[0]), StandardCharsets.UTF_8);
    ProxyResponse response;
    switch (ProxyResponse.read(text)) {
      case ProxyFileReading.Invalid<ProxyResponse> invalid -> {
        return refused(call, invalid.failure());
      }
      case ProxyFileReading.Read<ProxyResponse> read -> response = read.file();
    }
    if (response.checkSignature(context.trustedKeys())
        instanceof ProxyResponse.SignatureCheck.Invalid invalid) {
      return refused(call, invalid.failure());
    }
    List<View.ProxyMatch> matches = new ArrayList<>();
    List<SiteMachine> machines = candidates();
    for (ProxyResponse.Answer a : response.entries()) {
      Optional<SiteMachine> m =
          machines.stream()
              .filter(x -> digits(x.installationId().orElseThrow()).equals(digits(a.iid())))
              .findFirst();
      String outcome =
          a.cid().isPresent()
              ? "Confirmation ID ready: run keyward proxy apply on this machine"
                  + (a.reissued() ? " (reissued, nothing spent)" : "")
              : "Refused by the authority";
      matches.add(
          new View.ProxyMatch(
              m.map(SiteMachine::name).orElse(a.label() + " (not in this inventory)"),
              m.map(SiteMachine::cmid).orElse("-"),
              a.iid(),
              outcome,
              a.error().map(View.ErrorBox::of)));
    }
    View.Frame f =
        Pages.withNotice(
            Pages.frame(call, "Proxy activation", "proxy"),
            "The response answers "
                + response.entries().size()
                + " machine(s), "
                + matches.stream().filter(x -> !x.cmid().equals("-")).count()
                + " of them in this inventory.");
    return show(call, f, matches, 200);
  }

  private static String digits(String iid) {
    return iid.replaceAll("[^0-9]", "");
  }

  private Reply refused(Call call, Failure failure) {
    return show(
        call,
        Pages.withError(Pages.frame(call, "Proxy activation", "proxy"), failure),
        List.of(),
        400);
  }
}
