package dev.keyward.cli;

import dev.keyward.core.hardware.MachineFile;
import dev.keyward.hardware.oshi.OshiMachineReader;
import dev.keyward.machines.LabProfile;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The training run {@code bin/keyward} makes its JVM class archive from (an AOT cache on JDK 25, a
 * CDS archive before): the commands an administrator types most, in-process, on a throw-away store
 * and a lab machine, so that their classes are loaded and linked once, ahead of every later start.
 * Prints nothing; exits 0 even when a command is refused (it only has to load the classes).
 */
final class Training {
  private Training() {}

  public static void main(String[] args) throws IOException {
    Path dir = Files.createTempDirectory("keyward-training");
    try {
      train(dir);
    } finally {
      deleteTree(dir);
    }
    System.exit(0);
  }

  private static void train(Path dir) throws IOException {
    Files.writeString(
        dir.resolve("machine.yaml"),
        MachineFile.write(LabProfile.PHYSICAL_SERVER.newMachine(new Random(1)), Optional.empty()));
    PrintStream sink =
        new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
    KeywardCli.Context ctx =
        new KeywardCli.Context(
            sink,
            sink,
            Map.of("KEYWARD_AUTHORITY", "http://127.0.0.1:9"),
            Clock.systemUTC(),
            () -> new OshiMachineReader().read(),
            dir,
            false);
    String[] store = {"--store", "store", "--machine", "machine.yaml"};
    run(ctx, "--version");
    run(ctx, "--help");
    run(ctx, "slmgr", "/?");
    run(
        ctx,
        concat(
            store,
            "init",
            "--product",
            "winserver",
            "--version",
            "2022",
            "--edition",
            "ServerStandard"));
    for (String verb : new String[] {"/dli", "/dlv", "/xpr"}) {
      run(ctx, concat(store, "slmgr", verb));
      run(ctx, concat(store, "--json", "slmgr", verb));
    }
    run(ctx, concat(store, "slmgr", "/ipk", "AAAAA-BBBBB-CCCCC-DDDDD-EEEEE"));
    run(ctx, "explain", "0xC004F050");
    run(ctx, "explain", "nonsense");
    try {
      new OshiMachineReader().read(); // what /dli reads on an activated store
    } catch (RuntimeException | LinkageError e) {
      // no hardware readable here: the archive simply holds less
    }
  }

  private static void run(KeywardCli.Context ctx, String... args) {
    KeywardCli.run(ctx, args);
  }

  private static String[] concat(String[] head, String... tail) {
    return Stream.concat(Stream.of(head), Stream.of(tail)).toArray(String[]::new);
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
