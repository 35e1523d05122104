package dev.keyward.core.diagnose;

import java.util.List;
import java.util.Optional;

/**
 * The command lines findings print. A line without a prefix is typed on this machine; the prefixes
 * say who else acts: the old machine, support (the vendor's admin CLI), or the operating system.
 * {@link #KEY} and the other capitalised words are placeholders the finding's facts explain.
 */
public final class Commands {
  /** The line is typed on the machine that held the activation before. */
  public static final String OLD_MACHINE = "on the old machine: ";

  /** The line is support's (the vendor's admin CLI), asked for by the customer. */
  public static final String SUPPORT = "support: ";

  /** The line is the operating system's, not keyward's. */
  public static final String SYSTEM = "system: ";

  /** A product key only its owner has. */
  public static final String KEY = "KEY";

  /** A downgrade key support issues. */
  public static final String DOWNGRADE_KEY = "DOWNGRADE_KEY";

  /** A volume activation host's name and port. */
  public static final String HOST = "HOST:PORT";

  /** Install the key {@link #KEY}. */
  public static final String KEY_INSTALL = "keyward slmgr /ipk " + KEY;

  private Commands() {}

  public static String convert(String edition) {
    return "keyward dism /online /Set-Edition:" + edition + " /ProductKey:" + KEY + " /AcceptEula";
  }

  /** Convert, restart, activate: the seeds' conversion sequence. */
  public static List<String> conversion(String edition) {
    return List.of(convert(edition), "keyward restart", activate());
  }

  public static String activate() {
    return "keyward slmgr /ato";
  }

  /** Install a key and activate it. */
  public static List<String> newKey(String key) {
    return List.of("keyward slmgr /ipk " + key, activate());
  }

  public static String release(String reason) {
    return SUPPORT + "keyward admin activations release " + KEY + " --reason \"" + reason + "\"";
  }

  public static String clockRight() {
    return SYSTEM + "set the clock right (w32tm /resync; timedatectl set-ntp true)";
  }

  /** "KEY is the 2019 ServerStandard key": what the placeholder stands for. */
  public static String keyIs(String what, Optional<String> partial) {
    return KEY
        + " is "
        + what
        + partial.map(p -> " (the key ending in " + p + " that was refused fits)").orElse("");
  }
}
