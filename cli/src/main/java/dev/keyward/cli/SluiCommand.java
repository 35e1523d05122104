package dev.keyward.cli;

import dev.keyward.client.KeywardClient;
import dev.keyward.client.KeywardException;
import dev.keyward.client.LicenseInfo;
import dev.keyward.client.PhoneActivation;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.phone.ConfirmationId;
import dev.keyward.core.phone.DigitGroups;
import dev.keyward.core.phone.InstallationId;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code keyward slui 4}: phone activation step by step (SPEC §9, §10). Shows the installation ID
 * in numbered groups, then reads the confirmation ID group by group, checking each group's check
 * digit as soon as it is entered and asking again for a mistyped one; then applies it like {@code
 * slmgr /atp}. Reads a terminal or a pipe alike (a script may give one group a line, or the whole
 * ID on one line). With {@code --json} the questions go to stderr and the one JSON answer to
 * stdout.
 */
@Command(
    name = "slui",
    mixinStandardHelpOptions = true,
    description =
        "keyward slui 4: phone activation. Shows the installation ID to read out, then reads the"
            + " confirmation ID group by group, checking each group as it is typed.")
final class SluiCommand implements Callable<Integer> {
  static final int PER_LINE = 3;

  @ParentCommand KeywardCommand root;

  @Parameters(paramLabel = "4", arity = "0..1", description = "4: phone activation")
  String page;

  @Override
  public Integer call() {
    if (page == null || !page.strip().equals("4")) {
      throw KeywardException.of(
          ErrorCode.BAD_REQUEST,
          "keyward slui 4 is phone activation, the only slui page keyward has"
              + (page == null ? "" : " (not '" + page + "')")
              + ". To install a key use keyward slmgr /ipk KEY.");
    }
    KeywardClient client = root.client();
    PhoneActivation phone = client.phone();
    InstallationId iid = phone.installationId();
    LicenseInfo info = client.status();
    PrintStream ui = root.json ? root.ctx.err() : root.ctx.out();
    boolean terminal = root.ctx.in() == System.in && Boolean.getBoolean("keyward.stdin.tty");

    ui.println(
        "Phone activation of "
            + info.productName()
            + " "
            + info.version()
            + ", "
            + info.edition()
            + " edition (product key ending in "
            + info.partialProductKey().orElse("?????")
            + ")");
    ui.println();
    ui.println("Step 1. Call the activation center and read out this installation ID:");
    ui.println();
    PhoneActions.printGroups(ui, iid.text(), PER_LINE);
    Optional<String> marker = root.machine().get().oemMarker();
    marker.ifPresent(m -> ui.println("  OEM marker: " + m));
    ui.println();
    ui.println(
        "Step 2. Type the confirmation ID you are given: "
            + ConfirmationId.GROUPS
            + " groups of "
            + DigitGroups.GROUP_LENGTH
            + " digits, one group at a time (Enter after each; the whole ID on one line works"
            + " too). Each group is checked as you type it; q cancels.");
    ui.println();

    List<String> groups = read(ui, terminal);
    PhoneActivation.Applied applied = phone.apply(String.join("-", groups));
    PhoneActions.report(root, applied, "Confirmation ID accepted.");
    return KeywardCli.OK;
  }

  /** Reads the confirmation ID's groups, asking again for each one whose check digit is wrong. */
  private List<String> read(PrintStream ui, boolean terminal) {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(root.ctx.in(), StandardCharsets.UTF_8));
    List<String> groups = new ArrayList<>();
    while (groups.size() < ConfirmationId.GROUPS) {
      int number = groups.size() + 1;
      ui.print("Group " + number + " of " + ConfirmationId.GROUPS + ": ");
      ui.flush();
      String line;
      try {
        line = in.readLine();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (line == null) {
        ui.println();
        throw KeywardException.of(
            ErrorCode.CID_INVALID_CHECK_DIGITS,
            "The input ended after "
                + groups.size()
                + " of "
                + ConfirmationId.GROUPS
                + " groups of the confirmation ID; nothing was applied. Run keyward slui 4 again"
                + " and type every group.");
      }
      if (!terminal) {
        ui.println(line); // a pipe does not echo: keep the transcript readable
      }
      String typed = line.strip();
      if (typed.equalsIgnoreCase("q") || typed.equalsIgnoreCase("quit")) {
        throw KeywardException.of(
            ErrorCode.BAD_REQUEST, "Phone activation cancelled; nothing was applied.");
      }
      for (String token : tokens(typed)) {
        int at = groups.size() + 1;
        if (at > ConfirmationId.GROUPS) {
          ui.println("  (ignored what followed group " + ConfirmationId.GROUPS + ")");
          break;
        }
        if (!DigitGroups.isValidGroup(at, token)) {
          ui.println("  " + complaint(at, token));
          break;
        }
        groups.add(token);
      }
    }
    return groups;
  }

  /** The groups a line holds: separated by spaces or hyphens, or run together in sevens. */
  static List<String> tokens(String line) {
    List<String> tokens = new ArrayList<>();
    for (String part : line.split("[\\s-]+")) {
      if (part.isEmpty()) {
        continue;
      }
      if (part.length() > DigitGroups.GROUP_LENGTH
          && part.length() % DigitGroups.GROUP_LENGTH == 0
          && part.chars().allMatch(c -> c >= '0' && c <= '9')) {
        for (int i = 0; i < part.length(); i += DigitGroups.GROUP_LENGTH) {
          tokens.add(part.substring(i, i + DigitGroups.GROUP_LENGTH));
        }
      } else {
        tokens.add(part);
      }
    }
    return tokens;
  }

  private static String complaint(int group, String token) {
    if (!token.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return "Group "
          + group
          + " has characters other than digits. Type group "
          + group
          + " again.";
    }
    if (token.length() != DigitGroups.GROUP_LENGTH) {
      return "Group "
          + group
          + " has "
          + token.length()
          + " digits, not "
          + DigitGroups.GROUP_LENGTH
          + ". Type group "
          + group
          + " again.";
    }
    return "Group "
        + group
        + " does not match its check digit (0xC004F04D): a digit was mistyped or two were"
        + " swapped. Type group "
        + group
        + " again.";
  }
}
