package dev.keyward.cli;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which command a command line names, read before picocli parses it: the first word after the
 * global options ({@code KeywardCommand.class} itself for {@code --version}, which needs none).
 * Only that command's classes are then read (a fast start); when the line names none or something
 * unexpected comes first, every command is added and picocli says what is wrong.
 */
final class CommandChoice {
  /** Global options followed by a value ({@code --store DIR}). */
  private static final Set<String> WITH_VALUE =
      Set.of("--store", "--machine", "--authority", "--trust", "--product");

  /** Global flags. */
  private static final Set<String> FLAGS = Set.of("--json");

  private CommandChoice() {}

  static Optional<Class<?>> named(String... args) {
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (WITH_VALUE.contains(arg)) {
        i++;
        continue;
      }
      String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      if (arg.startsWith("--") && WITH_VALUE.contains(option)) {
        continue;
      }
      if (FLAGS.contains(arg)) {
        continue;
      }
      if (arg.equals("--version") || arg.equals("-V")) {
        return Optional.of(KeywardCommand.class); // names no command: none is read
      }
      if (arg.startsWith("-")) {
        return Optional.empty(); // --help, or a mistake: the whole tree answers
      }
      return Optional.ofNullable(KeywardCommand.COMMANDS.get(arg.toLowerCase(Locale.ROOT)));
    }
    return Optional.empty();
  }
}
