package dev.keyward.core.diagnose;

import dev.keyward.core.error.ErrorCode;
import java.util.List;
import java.util.Objects;

/**
 * One thing wrong with the machine: what it is, the facts that show it, the catalogue code it
 * explains, and the commands that fix it with this machine's values filled in. The catalogue's
 * general remedies ({@link ErrorCode#remedies()}) stay in the catalogue; {@code commands} are their
 * instance for this machine. A command is typed on this machine as written, unless it starts with
 * one of the {@link Commands} prefixes (another machine, support, the operating system); a value
 * only its owner knows is a capitalised placeholder ({@code KEY}, {@code HOST:PORT}) that the facts
 * explain.
 *
 * @param severity how much it matters
 * @param code the catalogue code it explains
 * @param seed the seed situation the rule comes from
 * @param summary what is wrong, one sentence
 * @param facts the facts that show it
 * @param commands the commands that fix it, in order
 * @param orElse another way, when the first one cannot be taken (an old machine that is gone)
 */
public record Finding(
    Severity severity,
    ErrorCode code,
    String seed,
    String summary,
    List<String> facts,
    List<String> commands,
    List<String> orElse) {
  public Finding {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(code, "code");
    facts = List.copyOf(facts);
    commands = List.copyOf(commands);
    orElse = List.copyOf(orElse);
  }

  public Finding(
      Severity severity,
      ErrorCode code,
      String seed,
      String summary,
      List<String> facts,
      List<String> commands) {
    this(severity, code, seed, summary, facts, commands, List.of());
  }
}
