package dev.keyward.cli;

import dev.keyward.cli.Printer.View;
import dev.keyward.client.KeywardClient;
import dev.keyward.client.LicenseInfo;
import dev.keyward.client.VendorTrust;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = "Record what is installed on this machine (what an installer does).")
final class InitCommand implements Callable<Integer> {
  @ParentCommand KeywardCommand root;

  @Option(names = "--product", required = true, paramLabel = "P", description = "Product id.")
  String product;

  @Option(names = "--version", required = true, paramLabel = "V", description = "Version.")
  String version;

  @Option(names = "--edition", required = true, paramLabel = "E", description = "Edition id.")
  String edition;

  @Option(
      names = "--trust",
      paramLabel = "FILE",
      description =
          "The vendor's trust file to record in the store (default: ./keyward-data/trust.json"
              + " when this machine runs the authority).")
  Path trust;

  @Override
  public Integer call() {
    Optional<VendorTrust> recorded =
        trust != null
            ? Optional.of(VendorTrust.read(root.ctx.workingDirectory().resolve(trust)))
            : root.localAuthorityTrust();
    KeywardClient client = root.client();
    LicenseInfo info =
        recorded.isPresent()
            ? client.init(product, version, edition, recorded.get())
            : client.init(product, version, edition);
    root.printer()
        .license(
            info,
            View.ACTION,
            true,
            List.of(
                "Recorded "
                    + info.productName()
                    + " "
                    + info.version()
                    + " "
                    + info.edition()
                    + " in "
                    + root.storeDir()
                    + ": "
                    + info.status().state().displayName()
                    + (info.status().remaining() == null
                        ? "."
                        : ", " + Printer.remaining(info.status().remaining()) + " left.")));
    return KeywardCli.OK;
  }
}
