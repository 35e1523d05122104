package dev.keyward.cli;

import dev.keyward.client.KeywardException;
import dev.keyward.client.PhoneActivation;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.json.Json;
import dev.keyward.core.phone.ProxyFileReading;
import dev.keyward.core.phone.ProxyRequest;
import dev.keyward.core.phone.ProxyResponse;
import dev.keyward.core.protocol.AdminPhoneAnswer;
import dev.keyward.core.protocol.AdminPhoneRequest;
import dev.keyward.core.protocol.ProxyAnswerRequest;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code keyward admin phone IID}: a support agent on the phone turns the installation ID the
 * customer reads out into the confirmation ID to read back (SPEC §10), under the channel rules of
 * online activation, audited with actor and reason. Beside it, {@code admin proxy answer} and
 * {@code admin audit list}.
 */
@Command(
    name = "phone",
    mixinStandardHelpOptions = true,
    description =
        "Confirm an installation ID read out on the phone: prints the confirmation ID in groups."
            + " Audited with --actor and --reason.")
final class AdminPhoneCommand implements Callable<Integer> {
  @ParentCommand AdminCommand admin;

  @Parameters(
      paramLabel = "IID",
      arity = "1..*",
      description = "The installation ID (groups separated by hyphens, spaces or nothing).")
  List<String> iid;

  @Option(
      names = "--reason",
      required = true,
      paramLabel = "TEXT",
      description = "Why (the call, the ticket): recorded in the audit log.")
  String reason;

  @Option(names = "--product", paramLabel = "P", description = "Checked against the IID's.")
  String product;

  @Option(
      names = "--oem-marker",
      paramLabel = "M",
      description = "The machine's OEM marker, for an OEM key (keyward slui 4 shows it).")
  String oemMarker;

  @Override
  public Integer call() {
    AdminPhoneRequest body =
        new AdminPhoneRequest(
            String.join(" ", iid),
            reason,
            Optional.ofNullable(product),
            Optional.ofNullable(oemMarker),
            false);
    Map<String, Object> json = admin.post("/v1/admin/phone", body.toMap());
    AdminPhoneAnswer answer =
        AdminPhoneAnswer.parse(json)
            .orElseThrow(
                failure ->
                    KeywardException.of(
                        ErrorCode.BAD_REQUEST,
                        "The authority answered without a readable confirmation: "
                            + failure.detail()));
    if (admin.json()) {
      Map<String, Object> o = new LinkedHashMap<>(json);
      o.put("cidGroups", PhoneActions.groups(answer.cid()));
      admin.printer().object(o);
      return KeywardCli.OK;
    }
    PrintStream out = admin.root.ctx.out();
    out.println("Confirmation ID: " + answer.cid());
    out.println();
    PhoneActions.printGroups(out, answer.cid(), 4);
    out.println();
    out.println(
        answer.reissued()
            ? "This machine already held this activation: nothing was spent."
            : "Activation "
                + answer.activationId()
                + " recorded for the key ending in "
                + answer.partialKey()
                + ".");
    return KeywardCli.OK;
  }

  /** {@code keyward admin proxy answer REQUEST -o RESPONSE --reason TEXT}. */
  @Command(
      name = "proxy",
      mixinStandardHelpOptions = true,
      description = "Proxy activation files of isolated sites.",
      subcommands = {Answer.class})
  static final class Proxy {
    @ParentCommand AdminCommand admin;
  }

  @Command(
      name = "answer",
      mixinStandardHelpOptions = true,
      description =
          "Answer a request file: every machine's installation ID like admin phone; a refusal is"
              + " that machine's answer. Writes the signed response file.")
  static final class Answer implements Callable<Integer> {
    @ParentCommand Proxy proxy;

    @Parameters(paramLabel = "REQUEST")
    Path request;

    @Option(
        names = {"-o", "--output"},
        required = true,
        paramLabel = "RESPONSE")
    Path output;

    @Option(names = "--reason", required = true, paramLabel = "TEXT")
    String reason;

    @Override
    public Integer call() {
      AdminCommand admin = proxy.admin;
      Path in = admin.root.ctx.workingDirectory().resolve(request);
      Path out = admin.root.ctx.workingDirectory().resolve(output);
      String text =
          PhoneActivation.readFile(in, false)
              .orElseThrow(() -> KeywardException.of(ErrorCode.INPUT_FILE_INVALID, in + ""));
      // checked here too, so that a wrong file is named before anything is sent
      ProxyRequest file =
          switch (ProxyRequest.read(text)) {
            case ProxyFileReading.Read<ProxyRequest> r -> r.file();
            case ProxyFileReading.Invalid<ProxyRequest> i ->
                throw new KeywardException(i.failure());
          };
      Map<String, Object> answer =
          admin.post("/v1/admin/proxy", new ProxyAnswerRequest(reason, file).toMap());
      ProxyResponse response =
          switch (ProxyResponse.read(Json.write(answer))) {
            case ProxyFileReading.Read<ProxyResponse> r -> r.file();
            case ProxyFileReading.Invalid<ProxyResponse> i ->
                throw new KeywardException(i.failure());
          };
      PhoneActivation.writeFile(out, response.write());
      long confirmed = response.entries().stream().filter(a -> a.cid().isPresent()).count();
      if (admin.json()) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("ok", true);
        o.put("file", out.toString());
        o.put("machines", response.entries().size());
        o.put("confirmed", confirmed);
        o.put("refused", response.entries().size() - confirmed);
        admin.printer().object(o);
        return KeywardCli.OK;
      }
      PrintStream o = admin.root.ctx.out();
      for (ProxyResponse.Answer a : response.entries()) {
        Optional<String> refusal =
            a.error().map(f -> "refused " + f.error().hex() + " " + f.error().symbolicName());
        o.println(
            "  "
                + a.label()
                + ": "
                + refusal.orElse(a.reissued() ? "confirmed (already activated)" : "confirmed"));
      }
      o.println(
          "Wrote "
              + out
              + ": "
              + confirmed
              + " of "
              + response.entries().size()
              + " machine(s) confirmed. Apply it on each machine with keyward proxy apply.");
      return KeywardCli.OK;
    }
  }

  /** {@code keyward admin audit list}: the entries, to see who did what and why. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List audit entries: who did what, to what, and why.")
  static final class AuditList implements Callable<Integer> {
    @ParentCommand AdminCommand.Audit audit;

    @Option(names = "--after", paramLabel = "SEQ", defaultValue = "0")
    long after;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "1000")
    int limit;

    @Option(
        names = "--action",
        paramLabel = "A",
        description = "Only this action, e.g. mak.extend.")
    String action;

    @Override
    public Integer call() {
      AdminCommand admin = audit.admin;
      Map<String, Object> answer = admin.get("/v1/admin/audit?after=" + after + "&limit=" + limit);
      List<?> entries = answer.get("entries") instanceof List<?> l ? l : List.of();
      List<?> shown =
          entries.stream()
              .filter(
                  e -> action == null || e instanceof Map<?, ?> m && action.equals(m.get("action")))
              .toList();
      if (admin.json()) {
        admin.printer().object(Map.of("entries", shown));
        return KeywardCli.OK;
      }
      PrintStream out = admin.root.ctx.out();
      for (Object o : shown) {
        if (o instanceof Map<?, ?> e) {
          out.println(
              e.get("seq")
                  + "  "
                  + e.get("at")
                  + "  "
                  + e.get("actor")
                  + "  "
                  + e.get("action")
                  + "  "
                  + e.get("subject")
                  + "  "
                  + e.get("detail"));
        }
      }
      out.println(shown.size() + " entr" + (shown.size() == 1 ? "y." : "ies."));
      return KeywardCli.OK;
    }
  }
}
