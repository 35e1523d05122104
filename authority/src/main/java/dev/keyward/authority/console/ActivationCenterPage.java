package dev.keyward.authority.console;

import dev.keyward.authority.http.ApiException;
import dev.keyward.authority.http.Route;
import dev.keyward.core.phone.InstallationId;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The activation center (SPEC §10): an installation ID typed group by group (iid.js checks each
 * group's check digit as it is typed; the authority checks everything again) gives the confirmation
 * ID in groups; a proxy activation request file gives the signed response file. The rules, counts,
 * codes and audit entries are PhoneActivationService's.
 */
final class ActivationCenterPage {
  /** A proxy request file holds at most 200 machines: far below this. */
  static final int MAX_PROXY_FILE = 512 * 1024;

  private final ConsoleView view;
  private final VendorServices services;

  ActivationCenterPage(ConsoleView view, VendorServices services) {
    this.view = view;
    this.services = services;
  }

  List<Route> routes() {
    return List.of(
        new Route(HandlerType.GET, "/console/activation", false, this::show),
        new Route(HandlerType.POST, "/console/activation/phone", false, this::phone),
        new Route(HandlerType.POST, "/console/activation/proxy", false, this::proxy));
  }

  private Map<String, Object> model(List<String> groups) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("groups", groups);
    model.put("groupCount", InstallationId.GROUPS);
    model.put("products", Choices.of(services.catalog()).products());
    model.put("cid", List.of());
    model.put("confirmation", "");
    return model;
  }

  private static List<String> empty() {
    return java.util.Collections.nCopies(InstallationId.GROUPS, "");
  }

  private void show(Context ctx) {
    view.render(
        ctx,
        "vendor/center.jte",
        ConsoleRequest.page(ctx, "Activation center", "activation"),
        model(empty()));
  }

  private void phone(Context ctx) {
    List<String> groups = new ArrayList<>();
    for (int g = 1; g <= InstallationId.GROUPS; g++) {
      groups.add(ConsoleRequest.field(ctx, "g" + g));
    }
    Page page = ConsoleRequest.page(ctx, "Activation center", "activation");
    Map<String, Object> model = model(groups);
    try {
      String reason = ConsoleRequest.reason(ctx);
      VendorServices.Confirmation c =
          services.phone(
              String.join(" ", groups),
              ConsoleRequest.optional(ctx, "product"),
              ConsoleRequest.optional(ctx, "oemMarker"),
              reason,
              ConsoleRequest.session(ctx).actor());
      model.put("cid", List.of(c.cid().split("-")));
      model.put(
          "confirmation",
          (c.reissued()
                  ? "The same machine asked before: the same confirmation ID, nothing spent."
                  : "Granted.")
              + " Key "
              + c.partialKey()
              + ", activation "
              + c.activationId()
              + ".");
      view.render(ctx, "vendor/center.jte", page, model);
    } catch (ApiException e) {
      view.render(ctx, e.status(), "vendor/center.jte", page.withError(e.failure()), model);
    }
  }

  private void proxy(Context ctx) {
    Page page = ConsoleRequest.page(ctx, "Activation center", "activation");
    try {
      String reason = ConsoleRequest.reason(ctx);
      UploadedFile file = ctx.uploadedFile("request");
      if (file == null || file.size() == 0) {
        throw ApiException.badRequest("Choose the proxy activation request file to upload.");
      }
      if (file.size() > MAX_PROXY_FILE) {
        throw ApiException.badRequest(
            "The file is larger than a proxy activation request file can be ("
                + MAX_PROXY_FILE / 1024
                + " KiB).");
      }
      String text;
      try (InputStream in = file.content()) {
        text = new String(in.readNBytes(MAX_PROXY_FILE), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw ApiException.badRequest("The upload could not be read; send it again.");
      }
      String response = services.proxy(text, reason, ConsoleRequest.session(ctx).actor());
      ConsoleView.headers(ctx);
      ctx.header(
          "Content-Disposition",
          "attachment; filename=\"" + responseName(Optional.ofNullable(file.filename())) + "\"");
      ctx.status(200).contentType("application/json; charset=utf-8").result(response);
    } catch (ApiException e) {
      view.render(
          ctx, e.status(), "vendor/center.jte", page.withError(e.failure()), model(empty()));
    }
  }

  /** {@code site.request.json} gives {@code site.response.json}. */
  static String responseName(Optional<String> uploaded) {
    String base =
        uploaded
            .map(n -> n.replaceAll("[^A-Za-z0-9._-]", "_"))
            .map(n -> n.replaceAll("(?i)(\\.request)?\\.json$", ""))
            .filter(n -> !n.isBlank())
            .orElse("proxy");
    return base + ".response.json";
  }
}
