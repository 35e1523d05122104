package dev.keyward.cli;

import dev.keyward.client.KeywardClient;
import dev.keyward.client.LicenseInfo;
import dev.keyward.client.Servicing;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code keyward restart}: what the restart after {@code dism /Set-Edition} does. A pending edition
 * conversion takes effect: the target edition is installed with the conversion's key and starts its
 * initial grace. Every product of the store is restarted unless {@code --product} names one.
 */
@Command(
    name = "restart",
    mixinStandardHelpOptions = true,
    description = "Apply pending edition conversions (as the restart after dism /Set-Edition).")
final class RestartCommand implements Callable<Integer> {
  static final String NOTHING = "Nothing is pending: no edition conversion waits for a restart.";

  @ParentCommand KeywardCommand root;

  @Override
  public Integer call() {
    List<String> products = new ArrayList<>();
    Optional<String> chosen = root.chosenProduct();
    if (chosen.isPresent()) {
      products.add(chosen.get());
    } else {
      products.addAll(root.client(null).store().products());
    }
    List<Servicing.Conversion> done = new ArrayList<>();
    for (String product : products) {
      KeywardClient client = root.client(product);
      client.applyPendingConversion().ifPresent(done::add);
    }
    if (done.isEmpty()) {
      if (root.json) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("ok", true);
        o.put("pending", false);
        o.put("message", NOTHING);
        root.printer().object(o);
      } else {
        root.ctx.out().println(NOTHING);
      }
      return KeywardCli.OK;
    }
    for (Servicing.Conversion c : done) {
      LicenseInfo info = c.info();
      List<String> message =
          List.of(
              "Applying the pending edition conversion: " + c.from() + " -> " + c.to() + ".",
              info.productName()
                  + " "
                  + info.version()
                  + " "
                  + c.to()
                  + " is installed with the product key ending in "
                  + info.partialProductKey().orElse("?????")
                  + ".",
              "License Status: "
                  + info.status().state().displayName()
                  + (info.status().remaining() == null
                      ? ""
                      : ", " + Printer.remaining(info.status().remaining()) + " left")
                  + ". Activate it: keyward slmgr /ato");
      if (root.json) {
        Map<String, Object> o = Printer.fields(info, Printer.View.ACTION);
        o.put("converted", Map.of("from", c.from(), "to", c.to()));
        o.put("pending", false);
        o.put("ok", true);
        o.put("message", String.join("\n", message));
        root.printer().object(o);
      } else {
        message.forEach(root.ctx.out()::println);
      }
    }
    return KeywardCli.OK;
  }
}
