package dev.keyward.core.error;

import java.util.List;

/**
 * The error catalogue: the single source of every code Keyward reports, with its symbolic name,
 * meaning, likely causes and remedies. Servers and the CLI never write their own remedy text; they
 * name a constant here and add an instance-specific detail (see {@link Failure}).
 *
 * <p>Codes that come from the activation system Keyward models keep their numbers so that the
 * seeds' decision trees apply as written. Codes in {@code 0xC0DE00xx} are Keyward's own.
 */
public enum ErrorCode {
  INVALID_PRODUCT_KEY(0xC004F050, "SL_E_INVALID_PRODUCT_KEY", "TODO", List.of(), List.of()),
  PKEY_INVALID_CONFIG(0xC004E016, "SL_E_PKEY_INVALID_CONFIG", "TODO", List.of(), List.of()),
  NOT_SUPPORTED(0x80070032, "ERROR_NOT_SUPPORTED", "TODO", List.of(), List.of()),
  VALIDITY_PERIOD_EXPIRED(0xC004FC07, "SL_E_VALIDITY_PERIOD_EXPIRED", "TODO", List.of(), List.of()),
  MAXIMUM_UNLOCK_EXCEEDED(
      0xC004C008, "SL_E_CHPA_MAXIMUM_UNLOCK_EXCEEDED", "TODO", List.of(), List.of()),
  PRODUCT_KEY_BLOCKED(0xC004C003, "SL_E_CHPA_PRODUCT_KEY_BLOCKED", "TODO", List.of(), List.of()),
  MAK_LIMIT_EXCEEDED(0xC004C020, "SL_E_CHPA_DMAK_LIMIT_EXCEEDED", "TODO", List.of(), List.of()),
  MAK_EXTENSION_LIMIT_EXCEEDED(
      0xC004C021, "SL_E_CHPA_DMAK_EXTENSION_LIMIT_EXCEEDED", "TODO", List.of(), List.of()),
  OUT_OF_TOLERANCE(0xC004F00F, "SL_E_OUT_OF_TOLERANCE", "TODO", List.of(), List.of()),
  PKEY_NOT_INSTALLED(0xC004F014, "SL_E_PKEY_NOT_INSTALLED", "TODO", List.of(), List.of()),
  NOT_OEM_MARKED(0xC004F035, "SL_E_VL_NOT_WINDOWS_SLP", "TODO", List.of(), List.of()),
  MISMATCHED_PRODUCT_SKU(0xC004F069, "SL_E_MISMATCHED_PRODUCT_SKU", "TODO", List.of(), List.of()),
  VOLUME_HOST_UNAVAILABLE(
      0xC004F074, "SL_E_VL_BINDING_SERVICE_UNAVAILABLE", "TODO", List.of(), List.of()),
  DNS_NAME_DOES_NOT_EXIST(0x8007232B, "DNS_ERROR_RCODE_NAME_ERROR", "TODO", List.of(), List.of()),
  VOLUME_NOT_ENOUGH_COUNT(0xC004F038, "SL_E_VL_NOT_ENOUGH_COUNT", "TODO", List.of(), List.of()),
  VOLUME_HOST_NOT_ENABLED(
      0xC004F039, "SL_E_VL_BINDING_SERVICE_NOT_ENABLED", "TODO", List.of(), List.of()),
  VOLUME_HOST_NOT_ACTIVATED(
      0xC004F041, "SL_E_VL_KEY_MANAGEMENT_SERVICE_NOT_ACTIVATED", "TODO", List.of(), List.of()),
  VOLUME_HOST_ID_MISMATCH(
      0xC004F042, "SL_E_VL_KEY_MANAGEMENT_SERVICE_ID_MISMATCH", "TODO", List.of(), List.of()),
  INVALID_TIMESTAMP(0xC004F06C, "SL_E_VL_INVALID_TIMESTAMP", "TODO", List.of(), List.of()),
  REARM_LIMIT_EXCEEDED(0xC004D307, "SL_E_REARM_LIMIT_EXCEEDED", "TODO", List.of(), List.of()),
  CID_INVALID_CHECK_DIGITS(
      0xC004F04D, "SL_E_CIDIID_INVALID_CHECK_DIGITS", "TODO", List.of(), List.of()),
  CID_INVALID_DATA(0xC004F02C, "SL_E_CIDIID_INVALID_DATA", "TODO", List.of(), List.of()),
  GRACE_TIME_EXPIRED(0xC004F009, "SL_E_GRACE_TIME_EXPIRED", "TODO", List.of(), List.of()),
  GRACE_PERIOD_RUNNING(0x4004F00C, "SL_I_OOB_GRACE_PERIOD", "TODO", List.of(), List.of()),
  EVALUATION_RUNNING(0x4004FC04, "SL_I_TIMEBASED_VALIDITY_PERIOD", "TODO", List.of(), List.of()),
  AUTHORITY_UNREACHABLE(0x80072EFD, "ERROR_INTERNET_CANNOT_CONNECT", "TODO", List.of(), List.of()),

  // Keyward's own codes: situations the modelled system has no number for.
  CATALOG_INVALID(0xC0DE0001, "KW_E_CATALOG_INVALID", "TODO", List.of(), List.of()),
  SIMULATED_MACHINE_REFUSED(
      0xC0DE0002, "KW_E_SIMULATED_MACHINE_REFUSED", "TODO", List.of(), List.of()),
  STORE_TAMPERED(0xC0DE0003, "KW_E_STORE_TAMPERED", "TODO", List.of(), List.of()),
  CONVERSION_NOT_ALLOWED(0xC0DE0004, "KW_E_CONVERSION_NOT_ALLOWED", "TODO", List.of(), List.of()),
  NOT_INSTALLED(0xC0DE0005, "KW_E_PRODUCT_NOT_INSTALLED", "TODO", List.of(), List.of()),
  RATE_LIMITED(0xC0DE0006, "KW_E_RATE_LIMITED", "TODO", List.of(), List.of()),
  BAD_REQUEST(0xC0DE0007, "KW_E_BAD_REQUEST", "TODO", List.of(), List.of()),
  UNAUTHORIZED(0xC0DE0008, "KW_E_UNAUTHORIZED", "TODO", List.of(), List.of());

  private final int code;
  private final String symbolicName;
  private final String meaning;
  private final List<String> causes;
  private final List<String> remedies;

  ErrorCode(
      int code, String symbolicName, String meaning, List<String> causes, List<String> remedies) {
    this.code = code;
    this.symbolicName = symbolicName;
    this.meaning = meaning;
    this.causes = causes;
    this.remedies = remedies;
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

  public String meaning() {
    return meaning;
  }

  public List<String> causes() {
    return causes;
  }

  public List<String> remedies() {
    return remedies;
  }

  /** The remedies as one paragraph, for the {@code remedy} field of API and CLI errors. */
  public String remedy() {
    return String.join(" ", remedies);
  }
}
