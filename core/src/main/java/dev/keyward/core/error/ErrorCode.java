package dev.keyward.core.error;

import java.util.List;

/**
 * The error catalogue: the single source of every code Keyward reports, as a table of code,
 * symbolic name and meaning. Each code's likely causes and remedies, which name {@code keyward …}
 * commands, are data: {@code remedies.txt} beside this class, read by {@link ErrorTexts} and
 * checked 1:1 against this enum by {@code ErrorTextsTest}. Servers and the CLI never write their
 * own remedy text; they name a constant here and add an instance-specific detail (see {@link
 * Failure}). Look codes up and render them with {@link ErrorCatalogue}.
 *
 * <p>Codes that come from the activation system Keyward models keep their numbers so that the
 * seeds' decision trees apply as written. Codes in {@code 0xC0DE00xx} are Keyward's own.
 *
 * <p>Text conventions: the meaning is one sentence; causes and remedies are full sentences, most
 * likely cause and first step first; commands are quoted in backticks exactly as typed. Examples
 * name the built-in {@code winserver} catalog's editions and numbers; placeholders are in capitals
 * ({@code KEY}, {@code EDITION}, {@code HOST:PORT}).
 */
public enum ErrorCode {
  INVALID_PRODUCT_KEY(
      0xC004F050,
      "SL_E_INVALID_PRODUCT_KEY",
      "The product key was rejected: it is mistyped, unknown to the catalog, or made for another"
          + " edition or channel than the installed one."),

  PKEY_INVALID_CONFIG(
      0xC004E016,
      "SL_E_PKEY_INVALID_CONFIG",
      "The product key is for another version of the product than the installed one."),

  NOT_SUPPORTED(
      0x80070032,
      "ERROR_NOT_SUPPORTED",
      "The request is not supported in the installation's current state, typically an evaluation"
          + " edition refusing a product key of another channel."),

  VALIDITY_PERIOD_EXPIRED(
      0xC004FC07,
      "SL_E_VALIDITY_PERIOD_EXPIRED",
      "The evaluation period has ended, so the installation is in Notification and no product key"
          + " can activate it until it is converted to a full edition."),

  MAXIMUM_UNLOCK_EXCEEDED(
      0xC004C008,
      "SL_E_CHPA_MAXIMUM_UNLOCK_EXCEEDED",
      "The activation authority refused the key because it is already activated on as many"
          + " machines as its channel allows."),

  PRODUCT_KEY_BLOCKED(
      0xC004C003,
      "SL_E_CHPA_PRODUCT_KEY_BLOCKED",
      "The activation authority refused the key because the vendor has blocked it."),

  MAK_LIMIT_EXCEEDED(
      0xC004C020,
      "SL_E_CHPA_DMAK_LIMIT_EXCEEDED",
      "The multiple activation key (MAK) has no activations left in its pool."),

  MAK_EXTENSION_LIMIT_EXCEEDED(
      0xC004C021,
      "SL_E_CHPA_DMAK_EXTENSION_LIMIT_EXCEEDED",
      "The multiple activation key (MAK) pool is empty and has already been extended as far as"
          + " the vendor allows."),

  OUT_OF_TOLERANCE(
      0xC004F00F,
      "SL_E_OUT_OF_TOLERANCE",
      "The machine's hardware differs from the activated snapshot in more components than the"
          + " tolerance allows, so the activation no longer applies."),

  PKEY_NOT_INSTALLED(
      0xC004F014,
      "SL_E_PKEY_NOT_INSTALLED",
      "No product key is installed for this product, so there is nothing to activate."),

  NOT_OEM_MARKED(
      0xC004F035,
      "SL_E_VL_NOT_WINDOWS_SLP",
      "The OEM key was refused because this machine's firmware does not carry the matching OEM"
          + " marker."),

  MISMATCHED_PRODUCT_SKU(
      0xC004F069,
      "SL_E_MISMATCHED_PRODUCT_SKU",
      "The key or activation certificate names another product or edition than the one installed"
          + " on this machine."),

  VOLUME_HOST_UNAVAILABLE(
      0xC004F074,
      "SL_E_VL_BINDING_SERVICE_UNAVAILABLE",
      "No volume activation host could be reached, or none of those reached could activate this"
          + " client."),

  DNS_NAME_DOES_NOT_EXIST(
      0x8007232B,
      "DNS_ERROR_RCODE_NAME_ERROR",
      "Volume host discovery found no DNS SRV record for a volume activation host in the client's"
          + " domain."),

  VOLUME_NOT_ENOUGH_COUNT(
      0xC004F038,
      "SL_E_VL_NOT_ENOUGH_COUNT",
      "The volume activation host answered, but its count of distinct clients is below the"
          + " product's activation threshold."),

  VOLUME_HOST_NOT_ENABLED(
      0xC004F039,
      "SL_E_VL_BINDING_SERVICE_NOT_ENABLED",
      "The machine contacted does not serve volume activation, so it cannot activate this"
          + " client."),

  VOLUME_HOST_NOT_ACTIVATED(
      0xC004F041,
      "SL_E_VL_KEY_MANAGEMENT_SERVICE_NOT_ACTIVATED",
      "The volume activation host is not activated itself, so it refuses to activate clients."),

  VOLUME_HOST_ID_MISMATCH(
      0xC004F042,
      "SL_E_VL_KEY_MANAGEMENT_SERVICE_ID_MISMATCH",
      "The volume activation host's key does not cover this client's product version or family."),

  INVALID_TIMESTAMP(
      0xC004F06C,
      "SL_E_VL_INVALID_TIMESTAMP",
      "The request was refused because the machine's clock differs from the activation"
          + " authority's or the volume activation host's by more than the allowed skew."),

  REARM_LIMIT_EXCEEDED(
      0xC004D307,
      "SL_E_REARM_LIMIT_EXCEEDED",
      "The grace or evaluation period cannot be restarted again because the rearm limit is used"
          + " up."),

  CID_INVALID_CHECK_DIGITS(
      0xC004F04D,
      "SL_E_CIDIID_INVALID_CHECK_DIGITS",
      "A group of the confirmation ID was mistyped: its check digit does not match."),

  CID_INVALID_DATA(
      0xC004F02C,
      "SL_E_CIDIID_INVALID_DATA",
      "The confirmation ID is well formed but was issued for another installation ID than this"
          + " machine's."),

  GRACE_TIME_EXPIRED(
      0xC004F009,
      "SL_E_GRACE_TIME_EXPIRED",
      "The grace period ended without activation, so the installation is in Notification."),

  GRACE_PERIOD_RUNNING(
      0x4004F00C,
      "SL_I_OOB_GRACE_PERIOD",
      "The product is not activated yet and runs fully in a grace period until it ends."),

  EVALUATION_RUNNING(
      0x4004FC04,
      "SL_I_TIMEBASED_VALIDITY_PERIOD",
      "An evaluation edition is running within its evaluation period and needs no activation"
          + " until the period ends."),

  AUTHORITY_UNREACHABLE(
      0x80072EFD,
      "ERROR_INTERNET_CANNOT_CONNECT",
      "The licensing client could not connect to the activation authority."),

  RESTART_PENDING(
      0x800F082F,
      "CBS_E_PENDING",
      "The operation was refused because an edition conversion is waiting for a restart."),

  // Keyward's own codes: situations the modelled system has no number for.
  CATALOG_INVALID(
      0xC0DE0001,
      "KW_E_CATALOG_INVALID",
      "The catalog could not be loaded because it is malformed or breaks a catalog rule."),

  SIMULATED_MACHINE_REFUSED(
      0xC0DE0002,
      "KW_E_SIMULATED_MACHINE_REFUSED",
      "The activation authority refused a simulated (lab) machine because it was not started to"
          + " accept them."),

  STORE_TAMPERED(
      0xC0DE0003,
      "KW_E_STORE_TAMPERED",
      "The local license store failed its integrity check, so the product is in NonGenuineGrace."),

  AUTHORITY_NOT_TRUSTED(
      0xC0DE0020,
      "KW_E_AUTHORITY_NOT_TRUSTED",
      "An activation certificate or confirmation was signed by a key this machine does not"
          + " trust, so it proves nothing here and the product is not licensed by it."),

  CONVERSION_NOT_ALLOWED(
      0xC0DE0004,
      "KW_E_CONVERSION_NOT_ALLOWED",
      "The requested edition conversion is not allowed from the installed edition."),

  NOT_INSTALLED(
      0xC0DE0005,
      "KW_E_PRODUCT_NOT_INSTALLED",
      "No product is recorded in the license store, so there is nothing to license."),

  RATE_LIMITED(
      0xC0DE0006,
      "KW_E_RATE_LIMITED",
      "The activation authority refused the request because too many came from this address or"
          + " for this key in a short time."),

  BAD_REQUEST(
      0xC0DE0007,
      "KW_E_BAD_REQUEST",
      "The request was malformed or incomplete, so it was not processed."),

  UNAUTHORIZED(
      0xC0DE0008,
      "KW_E_UNAUTHORIZED",
      "The admin request was refused because it carried no valid admin token."),

  INPUT_FILE_INVALID(
      0xC0DE0009,
      "KW_E_INPUT_FILE_INVALID",
      "A file written for Keyward to read, such as a compliance inventory, has mistakes, so none"
          + " of it was used."),
  EVIDENCE_TAMPERED(
      0xC0DE000A,
      "KW_E_EVIDENCE_TAMPERED",
      "An evidence pack or the evidence kept in the store no longer matches the SHA-256 recorded"
          + " for it."),

  USAGE(
      0xC0DE000B,
      "KW_E_USAGE",
      "The command line is not one keyward understands, so nothing was done."),

  FILE_NOT_USABLE(
      0xC0DE000C,
      "KW_E_FILE_NOT_USABLE",
      "A file or directory that the command reads or writes cannot be used, so nothing was"
          + " changed."),

  AUTHORITY_NOT_STARTED(
      0xC0DE000D,
      "KW_E_AUTHORITY_NOT_STARTED",
      "The activation authority did not start, so nothing listens for activations."),

  UNKNOWN_CODE(
      0xC0DE000E,
      "KW_E_UNKNOWN_CODE",
      "The text given to the explain command is not a code of the error catalogue."),

  INTERNAL(
      0xC0DE000F,
      "KW_E_INTERNAL",
      "Keyward stopped on something it did not expect, so the command was not completed."),

  EULA_NOT_ACCEPTED(
      0xC0DE0010,
      "KW_E_EULA_NOT_ACCEPTED",
      "The edition conversion was refused because the licence terms of the target edition were"
          + " not accepted."),

  DOWNGRADE_NOT_ALLOWED(
      0xC0DE0011,
      "KW_E_DOWNGRADE_NOT_ALLOWED",
      "No downgrade key was issued because the key's licence gives no downgrade right to the"
          + " requested version."),

  AUDIT_LOG_TAMPERED(
      0xC0DE0021,
      "KW_E_AUDIT_LOG_TAMPERED",
      "The authority's audit log does not agree with itself or with a signed checkpoint: entries"
          + " were removed, altered or rewritten."),

  DIRECTORY_UNREACHABLE(
      0xC0DE0030,
      "KW_E_DIRECTORY_UNREACHABLE",
      "The directory (LDAP) server could not be reached, or it did not answer in time."),

  DIRECTORY_BIND_REFUSED(
      0xC0DE0031,
      "KW_E_DIRECTORY_BIND_REFUSED",
      "The directory server refused the bind or the change: the name or password is wrong, or"
          + " the account may not write there."),

  ACTIVATION_OBJECT_MALFORMED(
      0xC0DE0032,
      "KW_E_ACTIVATION_OBJECT_MALFORMED",
      "An activation object in the directory is malformed: an attribute is missing, repeated or"
          + " of the wrong type, so it activates nothing."),

  ACTIVATION_OBJECT_UNTRUSTED(
      0xC0DE0033,
      "KW_E_ACTIVATION_OBJECT_UNTRUSTED",
      "An activation object is not signed by a host key that a trusted activation authority"
          + " certified, so it activates nothing."),

  NO_ACTIVATION_OBJECT(
      0xC0DE0034,
      "KW_E_NO_ACTIVATION_OBJECT",
      "The joined directory holds no activation object for this product and version."),

  DIRECTORY_SCHEMA_MISSING(
      0xC0DE0035,
      "KW_E_DIRECTORY_SCHEMA_MISSING",
      "The directory server does not know the activation object's schema, or refused the entry"
          + " against it, so nothing was published."),

  AUTHORITY_DATABASE_UNAVAILABLE(
      0xC0DE0058,
      "KW_E_AUTHORITY_DATABASE_UNAVAILABLE",
      "The activation authority could not reach its database for a moment, so the request was not"
          + " applied and can be sent again."),

  MASTER_KEY_UNUSABLE(
      0xC0DE0059,
      "KW_E_MASTER_KEY_UNUSABLE",
      "The authority's master key is missing, malformed, or does not open the shared secrets"
          + " stored in the database."),

  CONSOLE_SESSION_EXPIRED(
      0xC0DE0040,
      "KW_E_CONSOLE_SESSION_EXPIRED",
      "The console page was refused because the browser has no signed-in session, or it expired."),

  CONSOLE_CSRF_REFUSED(
      0xC0DE0041,
      "KW_E_CONSOLE_CSRF_REFUSED",
      "The console refused a change because the form did not carry this session's CSRF token."),

  VM_HOST_NOT_ACTIVATED(
      0xC0DE0038,
      "KW_E_VM_HOST_NOT_ACTIVATED",
      "The host-based VM activation host is not activated itself, so its agent activates no"
          + " guest."),

  VM_HOST_NOT_DATACENTER(
      0xC0DE0039,
      "KW_E_VM_HOST_NOT_DATACENTER",
      "The host's edition is not Datacenter: only an activated Datacenter host activates guests"
          + " by host-based VM activation."),

  VM_GUEST_VERSION_NEWER(
      0xC0DE003A,
      "KW_E_VM_GUEST_VERSION_NEWER",
      "The guest's version is newer than its host's: a host activates guests of its own version"
          + " and earlier only."),

  VM_HOST_UNREACHABLE(
      0xC0DE003B,
      "KW_E_VM_HOST_UNREACHABLE",
      "The guest cannot reach a host agent over its host-only channel."),

  VM_AGENT_BAD_MESSAGE(
      0xC0DE003C,
      "KW_E_VM_AGENT_BAD_MESSAGE",
      "A message on the host-only channel is not a host-based VM activation message: it is"
          + " malformed, too large or of another protocol."),

  VM_ACTIVATION_EXPIRED(
      0xC0DE0060,
      "KW_E_VM_ACTIVATION_EXPIRED",
      "The guest's host-based VM activation expired because no host agent renewed it within its 7"
          + " days: the guest runs on a host without an agent, or its host refused it."),

  VM_GRANT_NOT_TRUSTED(
      0xC0DE003D,
      "KW_E_VM_GRANT_NOT_TRUSTED",
      "The host's answer does not prove a host-based VM activation: its chain does not lead to"
          + " a trusted authority, or it is for another machine or edition."),

  CONSOLE_SIGN_IN_REFUSED(
      0xC0DE0048,
      "KW_E_CONSOLE_SIGN_IN_REFUSED",
      "The console token entered is not this volume host's console token, so no session was"
          + " opened."),

  CONSOLE_SESSION_REQUIRED(
      0xC0DE0049,
      "KW_E_CONSOLE_SESSION_REQUIRED",
      "This console page needs a signed-in session, and the request had none (or its session"
          + " ended).");

  private final int code;
  private final String symbolicName;
  private final String meaning;
  private final List<String> inlineCauses;
  private final List<String> inlineRemedies;

  /** A code whose causes and remedies are in {@code remedies.txt}: the form of every code. */
  ErrorCode(int code, String symbolicName, String meaning) {
    this(code, symbolicName, meaning, List.of(), List.of());
  }

  /**
   * A code with its causes and remedies written here, the form codes had before {@code
   * remedies.txt}. Kept for a transition only: codes added in {@code 0xC0DE0030..0xC0DE005F} while
   * the texts moved may still come this way, and are moved into {@code remedies.txt} at merge.
   * {@code ErrorTextsTest} refuses this form outside that range, and a code with texts in both
   * places.
   */
  ErrorCode(
      int code, String symbolicName, String meaning, List<String> causes, List<String> remedies) {
    this.code = code;
    this.symbolicName = symbolicName;
    this.meaning = meaning;
    this.inlineCauses = List.copyOf(causes);
    this.inlineRemedies = List.copyOf(remedies);
  }

  /** The 32-bit code as an int (negative for codes with the high bit set). */
  public int code() {
    return code;
  }

  /** The code as users type it: {@code 0xC004F050}. */
  public String hex() {
    return String.format("0x%08X", code);
  }

  /** The symbolic name, e.g. {@code SL_E_INVALID_PRODUCT_KEY}. */
  public String symbolicName() {
    return symbolicName;
  }

  /** What happened, in one sentence. */
  public String meaning() {
    return meaning;
  }

  /** The likely causes, most likely first. */
  public List<String> causes() {
    return hasInlineTexts() ? inlineCauses : ErrorTexts.of(this).causes();
  }

  /** The remedies, in the order to try them. */
  public List<String> remedies() {
    return hasInlineTexts() ? inlineRemedies : ErrorTexts.of(this).remedies();
  }

  /** Whether this code still carries its texts in the enum (the transition form, see above). */
  boolean hasInlineTexts() {
    return !inlineCauses.isEmpty() || !inlineRemedies.isEmpty();
  }

  /** The remedies as one paragraph, for the {@code remedy} field of API and CLI errors. */
  public String remedy() {
    return String.join(" ", remedies());
  }

  /**
   * Whether this code reports a state rather than a failure (severity bit clear, e.g. {@code
   * 0x4004F00C} while a grace period runs).
   */
  public boolean informational() {
    return code >= 0;
  }
}
