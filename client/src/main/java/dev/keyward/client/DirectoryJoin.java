package dev.keyward.client;

import dev.keyward.core.directory.DirectoryAddress;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * This machine's membership of a directory (SPEC §12), the analogue of joining a domain: where its
 * volume clients look for activation objects first. Advisory like every setting: it decides where
 * to look, never whether the machine is licensed.
 *
 * @param address the directory server, with the base DN the objects are under
 * @param joinedAt when the machine joined
 */
public record DirectoryJoin(DirectoryAddress address, Instant joinedAt) {

  public String base() {
    return address.base().orElseThrow();
  }

  Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("directory", address.toString());
    json.put("joinedAt", joinedAt.toString());
    return json;
  }

  static Optional<DirectoryJoin> fromJson(Map<?, ?> json) {
    if (!(json.get("directory") instanceof String url)
        || !(json.get("joinedAt") instanceof String at)) {
      return Optional.empty();
    }
    try {
      if (DirectoryAddress.parse(url) instanceof DirectoryAddress.Parse.Parsed p
          && p.value().base().isPresent()) {
        return Optional.of(new DirectoryJoin(p.value(), Instant.parse(at)));
      }
    } catch (RuntimeException e) {
      // an unreadable join is no join
    }
    return Optional.empty();
  }
}
