package dev.keyward.cli;

import dev.keyward.client.DirectoryJoin;
import dev.keyward.client.DirectoryMembership;
import dev.keyward.client.DirectoryPublisher;
import dev.keyward.client.LocalStore;
import dev.keyward.core.directory.ActivationObject;
import dev.keyward.core.json.Json;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code keyward directory}: directory-based activation (SPEC §12). An administrator publishes,
 * lists and removes activation objects; a machine joins or leaves a directory, and its volume
 * clients then activate from an object there before asking volume hosts.
 */
@Command(
    name = "directory",
    mixinStandardHelpOptions = true,
    description = "Directory-based activation: publish, list, remove objects; join, leave.",
    subcommands = {
      DirectoryCommand.Publish.class,
      DirectoryCommand.ListObjects.class,
      DirectoryCommand.Remove.class,
      DirectoryCommand.Join.class,
      DirectoryCommand.Leave.class
    })
final class DirectoryCommand implements Runnable {
  @ParentCommand KeywardCommand root;

  @Override
  public void run() {
    root.help(
        "keyward directory publish|list|remove --ldap URL --base DN [--bind-dn DN --password-file"
            + " F] ...\nkeyward directory join ldap://HOST:PORT/BASE | leave\n");
  }

  @Command(
      name = "publish",
      mixinStandardHelpOptions = true,
      description = {
        "Activate a volume host key (one of its activations) and write a signed activation object",
        "under CN=Activation Objects,CN=Keyward,CN=Services,<base> (containers made if missing)."
      })
  static final class Publish implements Callable<Integer> {
    @ParentCommand DirectoryCommand parent;
    @Mixin DirectoryOptions options;

    @Option(names = "--name", paramLabel = "NAME", description = "The object's display name.")
    String name;

    @Parameters(paramLabel = "HOSTKEY", description = "The volume host key.")
    String hostKey;

    @Override
    public Integer call() {
      KeywardCommand root = parent.root;
      DirectoryPublisher.Published p =
          new DirectoryPublisher(root.client())
              .publish(options.access(root, true), hostKey, Optional.ofNullable(name));
      return answer(
          root,
          Map.of("published", object(p.dn(), p.object())),
          "Published activation object '" + p.object().name() + "'.",
          "    DN: " + p.dn(),
          "    Host key: "
              + p.object().product()
              + " "
              + p.object().version()
              + " ("
              + p.object().family()
              + " family), certificate "
              + p.object().hostCertificate().certificate().certificateId());
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List the activation objects: name, DN, family, published at, and problems.")
  static final class ListObjects implements Callable<Integer> {
    @ParentCommand DirectoryCommand parent;
    @Mixin DirectoryOptions options;

    @Override
    public Integer call() {
      KeywardCommand root = parent.root;
      List<DirectoryPublisher.Listed> listed =
          new DirectoryPublisher(root.client()).list(options.access(root, false));
      List<Map<String, Object>> objects = new ArrayList<>();
      for (DirectoryPublisher.Listed l : listed) {
        Map<String, Object> o =
            l.object().map(obj -> object(l.dn(), obj)).orElseGet(() -> malformed(l.dn()));
        o.put("problem", l.problem().map(f -> f.error().hex() + " " + f.detail()).orElse(null));
        objects.add(o);
      }
      if (root.json) {
        root.ctx.out().println(Json.write(Map.of("objects", objects)));
        return KeywardCli.OK;
      }
      if (objects.isEmpty()) {
        root.ctx.out().println("No activation objects under the base.");
      }
      for (Map<String, Object> o : objects) {
        root.ctx.out().println(o.get("name") == null ? "(malformed entry)" : o.get("name"));
        root.ctx.out().println("    DN: " + o.get("dn"));
        if (o.get("family") != null) {
          root.ctx
              .out()
              .println(
                  "    Family: "
                      + o.get("family")
                      + " ("
                      + o.get("product")
                      + " "
                      + o.get("version")
                      + ")");
          root.ctx.out().println("    Published at: " + o.get("publishedAt"));
        }
        if (o.get("problem") != null) {
          root.ctx.out().println("    Problem: " + o.get("problem"));
        }
      }
      return KeywardCli.OK;
    }
  }

  @Command(
      name = "remove",
      mixinStandardHelpOptions = true,
      description = "Remove an activation object, named by its DN, id (cn) or display name.")
  static final class Remove implements Callable<Integer> {
    @ParentCommand DirectoryCommand parent;
    @Mixin DirectoryOptions options;

    @Parameters(paramLabel = "NAME", description = "The object's DN, id or display name.")
    String which;

    @Override
    public Integer call() {
      KeywardCommand root = parent.root;
      String dn = new DirectoryPublisher(root.client()).remove(options.access(root, true), which);
      return answer(root, Map.of("removed", dn), "Removed " + dn + ".");
    }
  }

  @Command(
      name = "join",
      mixinStandardHelpOptions = true,
      description = "Join a directory: volume clients activate from its objects first.")
  static final class Join implements Callable<Integer> {
    @ParentCommand DirectoryCommand parent;

    @Parameters(paramLabel = "ldap://HOST:PORT/BASE", description = "The directory and base DN.")
    String url;

    @Override
    public Integer call() {
      KeywardCommand root = parent.root;
      DirectoryJoin join = membership(root).join(url);
      return answer(
          root,
          Map.of("joined", join.address().toString()),
          "Joined "
              + join.address()
              + ". The next keyward slmgr /ato of a volume client looks there first.");
    }
  }

  @Command(
      name = "leave",
      mixinStandardHelpOptions = true,
      description = "Leave the directory: the next check falls back to volume host discovery.")
  static final class Leave implements Callable<Integer> {
    @ParentCommand DirectoryCommand parent;

    @Override
    public Integer call() {
      KeywardCommand root = parent.root;
      Optional<DirectoryJoin> was = membership(root).leave();
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("left", was.map(j -> j.address().toString()).orElse(null));
      return answer(
          root,
          o,
          was.map(j -> "Left " + j.address() + ".")
              .orElse("This machine had joined no directory."));
    }
  }

  /** The answer as JSON with {@code --json}, else as its lines of text. */
  private static int answer(KeywardCommand root, Map<String, Object> json, String... lines) {
    if (root.json) {
      root.ctx.out().println(Json.write(json));
    } else {
      for (String line : lines) {
        root.ctx.out().println(line);
      }
    }
    return KeywardCli.OK;
  }

  private static DirectoryMembership membership(KeywardCommand root) {
    return new DirectoryMembership(
        new LocalStore(root.storeDir(), new SecureRandom()), root.ctx.clock());
  }

  private static Map<String, Object> object(String dn, ActivationObject o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", o.name());
    m.put("dn", dn);
    m.put("id", o.id().orElse(null));
    m.put("product", o.product());
    m.put("version", o.version());
    m.put("family", o.family());
    m.put("keyGroup", o.keyGroup());
    m.put("publishedAt", o.publishedAt().toString());
    return m;
  }

  private static Map<String, Object> malformed(String dn) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", null);
    m.put("dn", dn);
    return m;
  }
}
