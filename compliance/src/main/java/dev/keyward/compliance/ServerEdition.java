package dev.keyward.compliance;

import java.util.Optional;

/**
 * The Windows Server editions as far as licensing is concerned. The Server Core installation
 * ({@code ...Cor}) of an edition is licensed exactly like its desktop installation, so both ids map
 * to one constant here; evaluation editions are not accepted because nothing is licensed while an
 * evaluation runs.
 */
public enum ServerEdition {
  STANDARD("ServerStandard"),
  DATACENTER("ServerDatacenter"),
  ESSENTIALS("ServerEssentials");

  private final String id;

  ServerEdition(String id) {
    this.id = id;
  }

  /** The catalog id, e.g. {@code ServerStandard}; used in pack names. */
  public String id() {
    return id;
  }

  /** Standard and Datacenter are licensed per core; Essentials per server. */
  public boolean licensedPerCore() {
    return this != ESSENTIALS;
  }

  /**
   * The edition of a catalog edition id: {@code ServerStandard}, {@code ServerDatacenter}, {@code
   * ServerEssentials}, and the Server Core ids {@code ServerStandardCor} and {@code
   * ServerDatacenterCor} (there is no Essentials Server Core edition).
   */
  public static Optional<ServerEdition> fromId(String id) {
    for (ServerEdition edition : values()) {
      if (edition.id.equals(id) || (edition != ESSENTIALS && (edition.id + "Cor").equals(id))) {
        return Optional.of(edition);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return id;
  }
}
