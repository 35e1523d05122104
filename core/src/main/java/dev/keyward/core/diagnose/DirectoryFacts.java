package dev.keyward.core.diagnose;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Directory-based activation as this machine sees it (SPEC §12): the directory it joined, whether
 * that server answers, and the activation object it last activated from.
 *
 * @param directory the joined directory, {@code ldap://HOST:PORT/BASE}; empty: not joined
 * @param server whether the directory's server answered a connection just now (joined only)
 * @param objectName the display name of the object the machine last activated from
 * @param objectDn its DN
 * @param objectExpires when that activation ends (180 days after the check that last found it)
 * @param lastResult the last directory check's code ({@code 0x0}: it found the object)
 */
public record DirectoryFacts(
    Optional<String> directory,
    Optional<Reachability> server,
    Optional<String> objectName,
    Optional<String> objectDn,
    Optional<Instant> objectExpires,
    Optional<String> lastResult) {
  public static final DirectoryFacts NOT_JOINED =
      new DirectoryFacts(
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty());

  public DirectoryFacts {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(objectName, "objectName");
    Objects.requireNonNull(objectDn, "objectDn");
    Objects.requireNonNull(objectExpires, "objectExpires");
    Objects.requireNonNull(lastResult, "lastResult");
  }

  public boolean joined() {
    return directory.isPresent();
  }

  /**
   * Whether the directory serves this machine's activation: joined, answering, and its last check
   * found the object. Such a volume client needs no volume host.
   */
  public boolean serving() {
    return joined()
        && server.map(Reachability::reachable).orElse(false)
        && lastResult.map("0x0"::equals).orElse(false);
  }

  /** Whether the last check failed with {@code code}. */
  public boolean lastFailedWith(dev.keyward.core.error.ErrorCode code) {
    return lastResult.map(code.hex()::equalsIgnoreCase).orElse(false);
  }

  /** {@code ldap://HOST:PORT} of the joined directory. */
  public Optional<String> serverUrl() {
    return directory.map(d -> d.replaceFirst("^(ldaps?://[^/]+).*$", "$1"));
  }

  /** The base DN of the joined directory. */
  public Optional<String> base() {
    return directory
        .filter(d -> d.matches("^ldaps?://[^/]+/.+$"))
        .map(d -> d.replaceFirst("^ldaps?://[^/]+/", ""));
  }

  /** "the object 'NAME' (DN), until T": what the machine last activated from. */
  public Optional<String> describeObject() {
    return objectName.map(
        n ->
            "last activated from the object '"
                + n
                + "'"
                + objectDn.map(dn -> " (" + dn + ")").orElse("")
                + objectExpires.map(t -> ", activation until " + t).orElse(""));
  }
}
