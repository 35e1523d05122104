package dev.keyward.client;

import dev.keyward.core.directory.DirectoryAddress;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import dev.keyward.core.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * Joining and leaving a directory ({@code keyward directory join ldap://HOST:PORT/BASE}, {@code
 * directory leave}, or a lab machine's {@code directory:}): the store's {@code directory.json},
 * machine-wide (every product of the store), replaced atomically. The SDK call a lab or installer
 * uses: {@code new DirectoryMembership(store, clock).join("ldap://dc1:389/dc=contoso,dc=lan")}.
 */
public final class DirectoryMembership {
  static final String FILE = "directory.json";

  private final LocalStore store;
  private final Clock clock;

  public DirectoryMembership(LocalStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Records the join; the address must name a base DN. */
  public DirectoryJoin join(String url) {
    DirectoryAddress address =
        switch (DirectoryAddress.parse(url)) {
          case DirectoryAddress.Parse.Parsed p -> p.value();
          case DirectoryAddress.Parse.Rejected r -> throw new KeywardException(r.failure());
        };
    if (address.base().isEmpty()) {
      throw new KeywardException(
          Failure.of(
              ErrorCode.USAGE,
              "'"
                  + url
                  + "' names no base DN: write ldap://HOST:PORT/BASE, e.g."
                  + " ldap://dc1:389/dc=contoso,dc=lan."));
    }
    DirectoryJoin join = new DirectoryJoin(address, clock.instant());
    try {
      AtomicFiles.createDirectories(store.root());
      AtomicFiles.writeText(file(), Json.write(join.toJson()) + "\n");
    } catch (IOException e) {
      throw unwritable(e);
    }
    return join;
  }

  /** Forgets the join; returns the one there was. */
  public Optional<DirectoryJoin> leave() {
    Optional<DirectoryJoin> was = current();
    try {
      Files.deleteIfExists(file());
    } catch (IOException e) {
      throw unwritable(e);
    }
    return was;
  }

  /** The machine's join; empty when it joined none (or the file is unreadable). */
  public Optional<DirectoryJoin> current() {
    Path file = file();
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Json.readObject(Files.readString(file, StandardCharsets.UTF_8))
          .flatMap(DirectoryJoin::fromJson);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private Path file() {
    return store.root().resolve(FILE);
  }

  private KeywardException unwritable(IOException e) {
    return new KeywardException(
        dev.keyward.core.error.FileProblems.writing("The license store", store.root(), e), e);
  }
}
