package dev.keyward.volumehost.console;

import dev.keyward.core.error.Failure;
import java.util.List;
import java.util.Optional;

/**
 * What the console's templates show (they are compiled into another package, so these are public):
 * plain values, already formatted, so a template holds no logic beyond loops.
 */
public final class View {
  private View() {}

  /** What every page has: its title, the signed-in session's form token, and a message. */
  public record Frame(
      String title,
      String active,
      Optional<String> csrf,
      Optional<ErrorBox> error,
      Optional<String> notice) {
    public boolean signedIn() {
      return csrf.isPresent();
    }

    public String csrfValue() {
      return csrf.orElse("");
    }
  }

  /** An error as the catalogue tells it: code, name, meaning, what happened, what to do. */
  public record ErrorBox(String code, String name, String meaning, String message, String remedy) {
    static ErrorBox of(Failure f) {
      return new ErrorBox(
          f.error().hex(), f.error().symbolicName(), f.error().meaning(), f.message(), f.remedy());
    }
  }

  /** One machine of the inventory. */
  public record MachineRow(
      String name,
      String cmid,
      String product,
      String edition,
      String channel,
      String lastRequest,
      String status,
      String nextRenewal,
      String expires,
      String source) {}

  /** One family's count against its threshold. */
  public record CountRow(String family, int count, int threshold, boolean reached) {
    public int percent() {
      return threshold <= 0 ? 100 : Math.min(100, count * 100 / threshold);
    }
  }

  /** One event line. */
  public record EventRow(String at, String id, String event, String details) {}

  /** A machine that can be put in a proxy request (it has an installation ID). */
  public record ProxyCandidate(String cmid, String name, String product, String iid) {}

  /** What an uploaded response file says for one machine of the inventory. */
  public record ProxyMatch(
      String name, String cmid, String iid, String outcome, Optional<ErrorBox> error) {}

  /** One piece of evidence. */
  public record EvidenceRow(
      String path, String kind, String sha256, long size, String recordedAt) {}

  /** The host's own state, as the overview shows it. */
  public record HostLine(String hostId, String activated, String url, String requests) {}

  static <T> List<T> none() {
    return List.of();
  }
}
