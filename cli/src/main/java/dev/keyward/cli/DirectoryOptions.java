package dev.keyward.cli;

import dev.keyward.client.DirectoryAccess;
import dev.keyward.client.KeywardException;
import dev.keyward.core.directory.DirectoryAddress;
import dev.keyward.core.error.ErrorCode;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The options that say how to reach a directory as its administrator: {@code --ldap URL}, {@code
 * --base DN}, {@code --bind-dn DN} and {@code --password-file F} (the password never on the command
 * line, where other users of the machine could read it).
 */
final class DirectoryOptions {
  @Option(
      names = "--ldap",
      required = true,
      paramLabel = "URL",
      description = "The directory server, ldap://HOST:PORT (port 389 when none is given).")
  String ldap;

  @Option(
      names = "--base",
      required = true,
      paramLabel = "DN",
      description = "The base DN the objects are kept under, e.g. dc=contoso,dc=lan.")
  String base;

  @Option(
      names = "--bind-dn",
      paramLabel = "DN",
      description = "The account to bind as (anonymous when not given).")
  String bindDn;

  @Option(
      names = "--password-file",
      paramLabel = "F",
      description = "A file whose first line is the bind password.")
  Path passwordFile;

  DirectoryAccess access(KeywardCommand root, boolean needsBind) {
    DirectoryAddress server =
        switch (DirectoryAddress.parse(ldap)) {
          case DirectoryAddress.Parse.Parsed p -> p.value();
          case DirectoryAddress.Parse.Rejected r -> throw new UsageError(r.failure().detail());
        };
    if (base == null || base.isBlank()) {
      throw new UsageError("--base DN must name the base DN, e.g. dc=contoso,dc=lan.");
    }
    if (needsBind && (bindDn == null || passwordFile == null)) {
      throw new UsageError(
          "This command writes to the directory: give --bind-dn DN and --password-file F.");
    }
    if ((bindDn == null) != (passwordFile == null)) {
      throw new UsageError("--bind-dn and --password-file go together.");
    }
    Optional<String> password =
        Optional.ofNullable(passwordFile)
            .map(f -> root.ctx.workingDirectory().resolve(f))
            .map(f -> firstLine(LocalFiles.readText("The password file", f)));
    return new DirectoryAccess(server, base.strip(), Optional.ofNullable(bindDn), password);
  }

  private static String firstLine(String text) {
    String line = text.lines().findFirst().orElse("");
    if (line.isEmpty()) {
      throw KeywardException.of(ErrorCode.BAD_REQUEST, "The password file is empty.");
    }
    return line;
  }
}
