package dev.keyward.core.error;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The causes and remedies of the error codes, read from {@code remedies.txt} beside {@link
 * ErrorCode} (its header describes the format). The file ships inside the jar, so a mistake in it
 * is a build error, not a user's: reading fails loudly, and {@code ErrorTextsTest} keeps the file
 * 1:1 with the enum.
 */
final class ErrorTexts {
  static final String RESOURCE = "remedies.txt";

  /** One code's entry: the code as written beside its name, its causes and its remedies. */
  record Entry(String hex, List<String> causes, List<String> remedies) {
    Entry {
      Objects.requireNonNull(hex, "hex");
      causes = List.copyOf(causes);
      remedies = List.copyOf(remedies);
    }
  }

  /** Read on first use, once: an enum constant cannot read a file while the enum is built. */
  private static final class Loaded {
    static final Map<String, Entry> ENTRIES = read();
  }

  private ErrorTexts() {}

  /** The entry of {@code code}; a code without one is a build error the tests report. */
  static Entry of(ErrorCode code) {
    Entry entry = Loaded.ENTRIES.get(code.name());
    if (entry == null) {
      throw new IllegalStateException(code.name() + " has no entry in " + RESOURCE);
    }
    return entry;
  }

  /** Every entry of the file, by constant name, in file order. */
  static Map<String, Entry> all() {
    return Loaded.ENTRIES;
  }

  private static Map<String, Entry> read() {
    try (InputStream in = ErrorCode.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing beside ErrorCode");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The entries of {@code text}, in the format of {@code remedies.txt}.
   *
   * @throws IllegalArgumentException naming the line, for text not in that format
   */
  static Map<String, Entry> parse(String text) {
    Map<String, Entry> entries = new LinkedHashMap<>();
    String name = null;
    String hex = null;
    List<String> causes = new ArrayList<>();
    List<String> remedies = new ArrayList<>();
    List<String> last = null; // the list whose last text a continuation line extends
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].stripTrailing();
      int number = i + 1;
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (!line.startsWith(" ")) {
        put(entries, name, hex, causes, remedies);
        String[] head = line.split(" +");
        if (head.length != 2 || !head[1].matches("0x[0-9A-F]{8}")) {
          throw problem(number, "expected 'NAME 0xCODE'");
        }
        if (entries.containsKey(head[0])) {
          throw problem(number, head[0] + " has a second entry");
        }
        name = head[0];
        hex = head[1];
        causes = new ArrayList<>();
        remedies = new ArrayList<>();
        last = null;
      } else if (name == null) {
        throw problem(number, "a text before the first 'NAME 0xCODE' line");
      } else if (line.startsWith("  cause ")) {
        causes.add(line.substring("  cause ".length()).strip());
        last = causes;
      } else if (line.startsWith("  remedy ")) {
        remedies.add(line.substring("  remedy ".length()).strip());
        last = remedies;
      } else if (line.startsWith("   ") && last != null) {
        last.set(last.size() - 1, last.getLast() + " " + line.strip());
      } else {
        throw problem(number, "expected 'cause TEXT', 'remedy TEXT' or a continuation");
      }
    }
    put(entries, name, hex, causes, remedies);
    return entries;
  }

  private static void put(
      Map<String, Entry> entries,
      String name,
      String hex,
      List<String> causes,
      List<String> remedies) {
    if (name != null) {
      entries.put(name, new Entry(hex, causes, remedies));
    }
  }

  private static IllegalArgumentException problem(int line, String message) {
    return new IllegalArgumentException(RESOURCE + " line " + line + ": " + message);
  }
}
