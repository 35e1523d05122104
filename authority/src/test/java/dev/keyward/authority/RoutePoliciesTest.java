package dev.keyward.authority;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.authority.http.Route;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The policies are properties of each route in the table, and the server enforces what the table
 * says: walked over the whole table, so that a route added tomorrow is covered too.
 */
class RoutePoliciesTest {

  private static String concrete(String template) {
    return template.replaceAll("\\{[^}]+}", "x");
  }

  @Test
  void everyAdminRouteRefusesACallWithoutTheToken_andNoOtherAsksForIt(@TempDir Path data) {
    try (Harness h = Harness.start(data)) {
      List<Route> api = h.server.routes().stream().filter(r -> !r.console()).toList();
      assertThat(api).anyMatch(Route::admin).anyMatch(r -> !r.admin());
      for (Route route : api) {
        Harness.Response r =
            h.send(
                route.method().name(),
                concrete(route.path()),
                "{}",
                "application/json",
                route.admin() ? "not-the-token" : null);
        if (route.admin()) {
          assertThat(r.status()).as(route.path()).isEqualTo(401);
        } else {
          assertThat(r.status()).as(route.path()).isNotIn(401, 403);
        }
      }
    }
  }

  @Test
  void theRoutesLimitedPerAddressAreTheOnesAMachineCalls(@TempDir Path data) {
    try (Harness h = Harness.start(data)) {
      List<String> limited =
          h.server.routes().stream()
              .filter(r -> r.limit() == Route.Limit.PER_ADDRESS)
              .map(r -> r.method().name() + " " + r.path())
              .sorted()
              .toList();
      assertThat(limited)
          .containsExactly(
              "POST /v1/activate", "POST /v1/deactivate", "POST /v1/phone", "POST /v1/renew");
    }
  }

  @Test
  void onlyTheCatalogRouteTakesAnythingButJson(@TempDir Path data) {
    try (Harness h = Harness.start(data)) {
      for (Route route : h.server.routes()) {
        if (route.method().name().equals("GET") || route.console()) {
          continue;
        }
        Harness.Response r =
            h.send(route.method().name(), concrete(route.path()), "a: b", "text/plain", h.token);
        if (route.payload() == Route.Payload.CATALOG) {
          assertThat(r.status()).as(route.path()).isNotEqualTo(415);
        } else {
          assertThat(r.status()).as(route.path()).isEqualTo(415);
        }
      }
    }
  }
}
