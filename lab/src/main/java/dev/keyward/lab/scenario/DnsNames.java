package dev.keyward.lab.scenario;

import java.util.regex.Pattern;

/** What a DNS name in a scenario may look like (RFC 1035 labels; underscores for SRV owners). */
final class DnsNames {
  private static final Pattern NAME =
      Pattern.compile(
          "(?=.{1,253}$)[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9])?"
              + "(\\.[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9])?)*\\.?");
  private static final Pattern SRV_OWNER = Pattern.compile("_[A-Za-z0-9-]+\\._(tcp|udp)\\..+");

  private DnsNames() {}

  /** A domain or host name: {@code contoso.lan}, {@code kms1.contoso.lan}. */
  static boolean isName(String text) {
    return NAME.matcher(text).matches();
  }

  /** An SRV record's owner: {@code _keyward._tcp.contoso.lan}. */
  static boolean isSrvOwner(String text) {
    return isName(text) && SRV_OWNER.matcher(text).matches();
  }
}
