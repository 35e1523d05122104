package dev.keyward.client;

import dev.keyward.core.directory.DirectoryAddress;
import java.util.Optional;

/**
 * How an administrator reaches a directory to publish, list or remove activation objects: the
 * server, the base DN, and the account to bind as (none: anonymous, enough to list).
 */
public record DirectoryAccess(
    DirectoryAddress server, String base, Optional<String> bindDn, Optional<String> password) {

  LdapDirectory open() {
    return LdapDirectory.open(server, bindDn, password);
  }
}
