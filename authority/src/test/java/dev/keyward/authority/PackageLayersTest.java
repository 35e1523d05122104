package dev.keyward.authority;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The authority's packages form layers: the root package composes them (server, services,
 * configuration) and nothing below it reaches back up, and no two packages use each other. Read
 * from the sources, so a new reference back up fails here, not in a review.
 */
class PackageLayersTest {
  private static final Path ROOT = Path.of("src/main/java/dev/keyward/authority");
  private static final Pattern REF =
      Pattern.compile("dev\\.keyward\\.authority((?:\\.[a-z]+)*)\\.[A-Z]");

  private static Map<String, Set<String>> uses() throws IOException {
    Map<String, Set<String>> uses = new TreeMap<>();
    try (Stream<Path> files = Files.walk(ROOT)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String pkg = ROOT.relativize(f.getParent()).toString().replace('/', '.');
        String from = pkg.isEmpty() ? "(root)" : pkg;
        Matcher m = REF.matcher(Files.readString(f));
        while (m.find()) {
          String to = m.group(1).isEmpty() ? "(root)" : m.group(1).substring(1);
          if (!to.equals(from)) {
            uses.computeIfAbsent(from, k -> new TreeSet<>()).add(to);
          }
        }
      }
    }
    return uses;
  }

  @Test
  void noPackageReachesBackToTheRoot_andNoTwoPackagesUseEachOther() throws IOException {
    Map<String, Set<String>> uses = uses();
    assertThat(uses).containsKey("(root)");
    List<String> back = new ArrayList<>();
    uses.forEach(
        (from, tos) -> {
          if (!from.equals("(root)") && tos.contains("(root)")) {
            back.add(from + " -> (root)");
          }
          for (String to : tos) {
            if (uses.getOrDefault(to, Set.of()).contains(from)) {
              back.add(from + " <-> " + to);
            }
          }
        });
    assertThat(back).isEmpty();
  }
}
