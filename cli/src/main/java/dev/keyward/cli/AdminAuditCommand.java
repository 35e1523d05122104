package dev.keyward.cli;

import dev.keyward.authority.audit.AuditChainCheck;
import dev.keyward.authority.audit.AuditCheckpoint;
import dev.keyward.authority.audit.AuditReport;
import dev.keyward.authority.audit.CheckpointFile;
import dev.keyward.authority.store.AuditEntry;
import dev.keyward.client.KeywardException;
import dev.keyward.core.catalog.TrustedKey;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import dev.keyward.core.json.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code keyward admin audit verify} and {@code keyward admin audit checkpoint}: the audit chain
 * and the signed checkpoints that anchor it (docs/security.md, "Database owner and the audit log").
 */
final class AdminAuditCommand {
  private AdminAuditCommand() {}

  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = {
        "Verify the audit log's hash chain and its signed checkpoints; exit status 1 when it is"
            + " broken, truncated or rewritten.",
        "Without --checkpoints the authority checks its database against its own checkpoint file;"
            + " with it, this command reads the entries and checks them here against your copy."
      })
  static final class Verify implements Callable<Integer> {
    @ParentCommand AdminCommand.Audit audit;

    @Option(
        names = "--checkpoints",
        paramLabel = "FILE",
        description =
            "Checkpoints kept off the authority's machine: a copy of audit-checkpoints.jsonl,"
                + " lines of `admin audit checkpoint`, or the authority's log.")
    Path checkpoints;

    @Option(
        names = "--trust",
        paramLabel = "FILE",
        description =
            "The authority's public keys (a kept copy of trust.json); default: asked of the"
                + " authority (GET /v1/trust).")
    Path trust;

    @Override
    public Integer call() {
      AdminCommand admin = audit.admin;
      Map<String, Object> answer;
      if (checkpoints == null) {
        if (trust != null) {
          throw usage("--trust needs --checkpoints FILE: it names the keys that check them");
        }
        answer = admin.get("/v1/admin/audit/verify");
      } else {
        answer = verifyHere(admin).toJson();
      }
      return print(admin, answer);
    }

    private AuditReport verifyHere(AdminCommand admin) {
      Path dir = admin.root.ctx.workingDirectory();
      CheckpointFile.Read read;
      Path file = dir.resolve(checkpoints);
      try {
        read = CheckpointFile.read(file);
      } catch (IOException e) {
        throw KeywardException.of(
            ErrorCode.INPUT_FILE_INVALID, "The checkpoint file " + file + " cannot be read.");
      }
      List<TrustedKey> keys =
          trust == null ? keys(admin.get("/v1/trust"), "GET /v1/trust") : keys(dir.resolve(trust));
      return AuditChainCheck.check(
          (after, limit) -> page(admin, after, limit),
          Optional.empty(),
          read.checkpoints(),
          keys,
          read.problems());
    }
  }

  static int print(AdminCommand admin, Map<String, Object> answer) {
    boolean ok = Boolean.TRUE.equals(answer.get("ok"));
    if (admin.json()) {
      Map<String, Object> shown = new LinkedHashMap<>(answer);
      if (!ok) {
        // The report, plus the error object every --json refusal carries.
        Failure failure =
            Failure.of(ErrorCode.AUDIT_LOG_TAMPERED, String.valueOf(answer.get("reason")));
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", failure.error().hex());
        error.put("name", failure.error().symbolicName());
        error.put("message", failure.message());
        error.put("remedy", failure.remedy());
        shown.put("error", error);
      }
      admin.printer().object(shown);
      return ok ? KeywardCli.OK : KeywardCli.REFUSED;
    }
    PrintStream out = admin.root.ctx.out();
    PrintStream err = admin.root.ctx.err();
    Object checked = answer.getOrDefault("checkpoints", 0);
    Object latest = answer.get("latestCheckpoint");
    String anchoring =
        latest == null
            ? " No signed checkpoint was checked: the chain alone does not show truncation or a"
                + " rewrite."
            : " Checked against "
                + checked
                + " signed checkpoint(s), the latest at entry "
                + latest
                + ".";
    if (ok) {
      out.println("Audit log intact: " + answer.get("entries") + " entries." + anchoring);
      return KeywardCli.OK;
    }
    ErrorCode code = ErrorCode.AUDIT_LOG_TAMPERED;
    err.println(
        "Audit log BROKEN at entry "
            + answer.get("brokenAt")
            + ": "
            + code.hex()
            + " "
            + code.symbolicName());
    if (answer.get("problems") instanceof List<?> problems) {
      for (Object p : problems) {
        if (p instanceof Map<?, ?> m) {
          err.println("  " + m.get("problem") + ": " + m.get("reason"));
        }
      }
    } else {
      err.println("  " + answer.get("problem") + ": " + answer.get("reason"));
    }
    err.println("  entries intact from the first: " + answer.get("entries"));
    err.println("Remedy: " + code.remedies().get(0));
    return KeywardCli.REFUSED;
  }

  @Command(
      name = "checkpoint",
      mixinStandardHelpOptions = true,
      description = {
        "Print the audit chain's current head, signed by the authority (one JSON line): a"
            + " checkpoint to keep off the authority's machine.",
        "With --append FILE the line is also added to FILE, your own checkpoint file for `audit"
            + " verify --checkpoints FILE`."
      })
  static final class Checkpoint implements Callable<Integer> {
    @ParentCommand AdminCommand.Audit audit;

    @Option(names = "--append", paramLabel = "FILE", description = "Also append the line to FILE.")
    Path append;

    @Override
    public Integer call() {
      AdminCommand admin = audit.admin;
      Map<String, Object> answer = admin.get("/v1/admin/audit/checkpoint");
      AuditCheckpoint checkpoint =
          AuditCheckpoint.fromJson(answer)
              .orElseThrow(
                  () ->
                      KeywardException.of(
                          ErrorCode.BAD_REQUEST,
                          "The authority's answer is not a checkpoint: " + Json.write(answer)));
      if (append != null) {
        Path file = admin.root.ctx.workingDirectory().resolve(append);
        try {
          Files.writeString(
              file,
              checkpoint.line() + "\n",
              StandardCharsets.UTF_8,
              StandardOpenOption.CREATE,
              StandardOpenOption.APPEND);
        } catch (IOException e) {
          throw KeywardException.of(
              ErrorCode.INPUT_FILE_INVALID, "Cannot append to " + file + ": " + e.getMessage());
        }
      }
      if (admin.json()) {
        admin.printer().object(checkpoint.toJson());
      } else {
        admin.root.ctx.out().println(checkpoint.line());
      }
      return KeywardCli.OK;
    }
  }

  private static List<AuditEntry> page(AdminCommand admin, long after, int limit) {
    Map<String, Object> answer = admin.get("/v1/admin/audit?after=" + after + "&limit=" + limit);
    List<AuditEntry> entries = new ArrayList<>();
    if (answer.get("entries") instanceof List<?> list) {
      for (Object o : list) {
        entries.add(entry(o));
      }
    }
    return entries;
  }

  private static AuditEntry entry(Object o) {
    if (o instanceof Map<?, ?> m
        && m.get("seq") instanceof Number seq
        && m.get("at") instanceof String at) {
      try {
        return new AuditEntry(
            seq.longValue(),
            Instant.parse(at).toEpochMilli(),
            text(m, "actor"),
            text(m, "action"),
            text(m, "subject"),
            text(m, "detail"),
            text(m, "prevHash"),
            text(m, "hash"));
      } catch (DateTimeParseException e) {
        // reported below
      }
    }
    throw KeywardException.of(
        ErrorCode.BAD_REQUEST, "The authority listed an audit entry that is not one: " + o);
  }

  private static String text(Map<?, ?> m, String field) {
    return m.get(field) instanceof String s ? s : "";
  }

  private static List<TrustedKey> keys(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw KeywardException.of(
          ErrorCode.INPUT_FILE_INVALID, "The trust file " + file + " cannot be read.");
    }
    return keys(Json.readObject(text).orElse(Map.of()), file.toString());
  }

  /** The Ed25519 keys of a trust document, {@code {"keys": [{"id", "ed25519"}], ...}}. */
  private static List<TrustedKey> keys(Map<String, Object> document, String source) {
    List<TrustedKey> keys = new ArrayList<>();
    if (document.get("keys") instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof Map<?, ?> k
            && k.get("id") instanceof String id
            && k.get("ed25519") instanceof String key) {
          keys.add(new TrustedKey(id, key));
        }
      }
    }
    if (keys.isEmpty()) {
      throw KeywardException.of(
          ErrorCode.INPUT_FILE_INVALID,
          source + " holds no signing keys ({\"keys\": [{\"id\", \"ed25519\"}]}).");
    }
    return keys;
  }

  private static KeywardException usage(String message) {
    return KeywardException.of(ErrorCode.BAD_REQUEST, message);
  }
}
