package dev.keyward.core.diagnose;

/** How much a finding matters; findings are listed in this order. */
public enum Severity {
  /** The product is not usable, or nothing else can be fixed before this. */
  BLOCKING,
  /** An operation fails, or will, until this is fixed. */
  ERROR,
  /** Works now, but needs attention soon. */
  WARNING;

  public String displayName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
