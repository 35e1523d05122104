package dev.keyward.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SPEC §7: the codes the catalogue must hold at least, with the exact symbolic names. */
class SpecCatalogueTest {

  /**
   * As listed in SPEC §7; 0x8007232B is given there by meaning only ("DNS name does not exist").
   */
  private static final Map<String, String> SPEC = new LinkedHashMap<>();

  static {
    SPEC.put("0xC004F050", "SL_E_INVALID_PRODUCT_KEY");
    SPEC.put("0xC004E016", "SL_E_PKEY_INVALID_CONFIG");
    SPEC.put("0x80070032", "ERROR_NOT_SUPPORTED");
    SPEC.put("0xC004FC07", "SL_E_VALIDITY_PERIOD_EXPIRED");
    SPEC.put("0xC004C008", "SL_E_CHPA_MAXIMUM_UNLOCK_EXCEEDED");
    SPEC.put("0xC004C003", "SL_E_CHPA_PRODUCT_KEY_BLOCKED");
    SPEC.put("0xC004C020", "SL_E_CHPA_DMAK_LIMIT_EXCEEDED");
    SPEC.put("0xC004C021", "SL_E_CHPA_DMAK_EXTENSION_LIMIT_EXCEEDED");
    SPEC.put("0xC004F00F", "SL_E_OUT_OF_TOLERANCE");
    SPEC.put("0xC004F014", "SL_E_PKEY_NOT_INSTALLED");
    SPEC.put("0xC004F035", "SL_E_VL_NOT_WINDOWS_SLP");
    SPEC.put("0xC004F069", "SL_E_MISMATCHED_PRODUCT_SKU");
    SPEC.put("0xC004F074", "SL_E_VL_BINDING_SERVICE_UNAVAILABLE");
    SPEC.put("0x8007232B", null);
    SPEC.put("0xC004F038", "SL_E_VL_NOT_ENOUGH_COUNT");
    SPEC.put("0xC004F039", "SL_E_VL_BINDING_SERVICE_NOT_ENABLED");
    SPEC.put("0xC004F041", "SL_E_VL_KEY_MANAGEMENT_SERVICE_NOT_ACTIVATED");
    SPEC.put("0xC004F042", "SL_E_VL_KEY_MANAGEMENT_SERVICE_ID_MISMATCH");
    SPEC.put("0xC004F06C", "SL_E_VL_INVALID_TIMESTAMP");
    SPEC.put("0xC004D307", "SL_E_REARM_LIMIT_EXCEEDED");
    SPEC.put("0xC004F04D", "SL_E_CIDIID_INVALID_CHECK_DIGITS");
    SPEC.put("0xC004F02C", "SL_E_CIDIID_INVALID_DATA");
  }

  @Test
  void theSpecListIsComplete() {
    assertThat(SPEC).hasSize(22);
  }

  @Test
  void everySpecCodeIsPresentWithItsExactSymbolicName() {
    SPEC.forEach(
        (hex, name) -> {
          ErrorCode error = ErrorCatalogue.lookup(hex).orElseThrow(() -> new AssertionError(hex));
          assertThat(error.hex()).isEqualTo(hex);
          if (name != null) {
            assertThat(error.symbolicName()).as(hex).isEqualTo(name);
          }
        });
  }

  @Test
  void theDnsCodeMeansNoRecordFound() {
    ErrorCode dns = ErrorCatalogue.lookup("0x8007232B").orElseThrow();
    assertThat(dns).isEqualTo(ErrorCode.DNS_NAME_DOES_NOT_EXIST);
    assertThat(dns.meaning()).contains("DNS").contains("no");
  }

  @Test
  void specCodesComeFirstInTheStableOrder() {
    assertThat(ErrorCatalogue.all().subList(0, SPEC.size()).stream().map(ErrorCode::hex))
        .containsExactlyElementsOf(SPEC.keySet());
  }

  @Test
  void cidForAnotherIidIsTheInvalidDataCode() {
    assertThat(ErrorCode.CID_INVALID_DATA.meaning()).contains("another installation ID");
  }
}
