package dev.keyward.volumehost.console;

import dev.keyward.core.catalog.Catalog;
import dev.keyward.core.catalog.Channel;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import dev.keyward.core.hardware.Cmid;
import dev.keyward.core.json.Json;
import dev.keyward.core.phone.IidParse;
import dev.keyward.core.phone.InstallationId;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a machine's {@code keyward --json slmgr /dlv} output uploaded to the console. Every field
 * the inventory shows is checked (a known product and edition, a CMID, a channel, a status); a file
 * that fails any check is refused whole with 0xC0DE0009, naming what is wrong.
 */
final class DlvUpload {
  /** A /dlv output is about 2 KB; anything much larger is not one. */
  static final int MAX_BYTES = 64 * 1024;

  /** What reading an upload gave. */
  sealed interface Result {
    record Accepted(SiteMachine machine) implements Result {}

    record Refused(Failure failure) implements Result {}
  }

  private final Catalog catalog;

  DlvUpload(Catalog catalog) {
    this.catalog = catalog;
  }

  Result read(byte[] bytes, String name, Instant now) {
    if (bytes.length == 0) {
      return refused("the file is empty");
    }
    if (bytes.length > MAX_BYTES) {
      return refused("the file has " + bytes.length + " bytes, more than a /dlv output's");
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      return refused("the file is not UTF-8 text");
    }
    Optional<Map<String, Object>> json;
    try {
      json = Json.readObject(text);
    } catch (RuntimeException e) {
      json = Optional.empty();
    }
    if (json.isEmpty()) {
      return refused("it is not one JSON object (was it run without --json?)");
    }
    try {
      return new Result.Accepted(machine(json.get(), name, now));
    } catch (IllegalArgumentException e) {
      return refused(e.getMessage());
    }
  }

  private SiteMachine machine(Map<String, Object> o, String name, Instant now) {
    String product = text(o, "product");
    var known =
        catalog
            .product(product)
            .orElseThrow(() -> bad("\"product\" \"" + product + "\" is not in the host's catalog"));
    String version = text(o, "version");
    if (!known.versions().contains(version)) {
      throw bad("\"version\" \"" + version + "\" is not a version of " + product);
    }
    String edition = text(o, "edition");
    if (known.edition(edition).isEmpty()) {
      throw bad("\"edition\" \"" + edition + "\" is not an edition of " + product);
    }
    String cmidText = text(o, "cmid");
    Cmid cmid =
        Cmid.parse(cmidText)
            .orElseThrow(() -> bad("\"cmid\" \"" + cmidText + "\" is not a client machine id"));
    String channelText = text(o, "channel");
    Channel channel =
        Channel.byName(channelText)
            .orElseThrow(() -> bad("\"channel\" \"" + channelText + "\" is not a channel"));
    String status = text(o, "licenseStatus");
    Optional<Instant> expires = optional(o, "expires").map(DlvUpload::instant);
    Optional<String> iid = optional(o, "installationId");
    if (iid.isPresent() && !(InstallationId.parse(iid.get()) instanceof IidParse.Parsed)) {
      throw bad("\"installationId\" is not a valid installation ID");
    }
    String label = name == null || name.isBlank() ? cmid.format().substring(0, 8) : name.strip();
    if (label.length() > 64 || !label.matches("[\\p{L}\\p{N} ._/-]+")) {
      throw bad("the machine name must be at most 64 letters, digits, spaces or . _ / -");
    }
    return new SiteMachine(
        label,
        cmid.format(),
        product,
        version,
        edition,
        channel.name(),
        status,
        expires,
        iid,
        optional(o, "partialProductKey"),
        now);
  }

  private static Instant instant(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw bad("\"expires\" \"" + text + "\" is not a time");
    }
  }

  private static String text(Map<String, Object> o, String field) {
    if (o.get(field) instanceof String s && !s.isBlank()) {
      return s.strip();
    }
    throw bad("it has no \"" + field + "\" text field (is it the output of slmgr /dlv?)");
  }

  private static Optional<String> optional(Map<String, Object> o, String field) {
    Object v = o.get(field);
    if (v == null) {
      return Optional.empty();
    }
    if (v instanceof String s) {
      return s.isBlank() ? Optional.empty() : Optional.of(s.strip());
    }
    throw bad("\"" + field + "\" must be text or null");
  }

  private static IllegalArgumentException bad(String detail) {
    return new IllegalArgumentException(detail);
  }

  private static Result refused(String detail) {
    return new Result.Refused(
        Failure.of(
            ErrorCode.INPUT_FILE_INVALID,
            "This is not a machine's `keyward --json slmgr /dlv` output: "
                + detail
                + ". Nothing was added."));
  }
}
