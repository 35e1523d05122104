package dev.keyward.core.phone;

import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How installation and confirmation IDs are written: groups of six data digits and one check digit,
 * separated by hyphens ({@code 0123456-7890123-…}).
 *
 * <p>The check digit of group {@code g} (1-based) is the Damm check digit of its six data digits
 * read from starting state {@code g mod 10} (see {@link CheckDigits}). Within a group it catches
 * every single wrong digit and every swap of two adjacent digits; the starting state also catches a
 * group typed in the place of another whose number differs mod 10 (groups 1 to 10 among
 * themselves), so a skipped, repeated or misplaced group is named rather than taken for a forgery.
 *
 * <p>Reading accepts what people type: hyphens, spaces or nothing between groups. {@link
 * #isValidGroup} checks one group as it is typed ({@code keyward slui 4}).
 */
public final class DigitGroups {
  /** Data digits per group. */
  public static final int DATA_DIGITS = 6;

  /** Digits per group as typed: six data digits and the check digit. */
  public static final int GROUP_LENGTH = DATA_DIGITS + 1;

  /** Between groups when an ID is shown. */
  public static final char SEPARATOR = '-';

  /** Text longer than this is refused before it is looked at (it arrives from the network). */
  static final int MAX_INPUT_LENGTH = 400;

  private DigitGroups() {}

  /**
   * Whether {@code group} is a valid group number {@code groupNumber} (1-based) of an ID: exactly
   * seven digits whose last is the check digit of the first six for that position.
   */
  public static boolean isValidGroup(int groupNumber, CharSequence group) {
    Objects.requireNonNull(group, "group");
    if (groupNumber < 1 || group.length() != GROUP_LENGTH) {
      return false;
    }
    for (int i = 0; i < GROUP_LENGTH; i++) {
      if (!isDigit(group.charAt(i))) {
        return false;
      }
    }
    return CheckDigits.valid(startState(groupNumber), group, 0, GROUP_LENGTH);
  }

  /** The Damm starting state of group {@code groupNumber} (1-based). */
  static int startState(int groupNumber) {
    return groupNumber % 10;
  }

  /** {@code value} as {@code groups} groups of six data digits (zero-padded) and check digits. */
  static String write(BigInteger value, int groups) {
    String data = value.toString();
    int dataLength = groups * DATA_DIGITS;
    if (value.signum() < 0 || data.length() > dataLength) {
      throw new IllegalArgumentException("value does not fit in " + groups + " groups");
    }
    data = "0".repeat(dataLength - data.length()) + data;
    StringBuilder out = new StringBuilder(groups * (GROUP_LENGTH + 1));
    for (int g = 1; g <= groups; g++) {
      if (g > 1) {
        out.append(SEPARATOR);
      }
      int from = (g - 1) * DATA_DIGITS;
      out.append(data, from, from + DATA_DIGITS);
      out.append(CheckDigits.checkDigit(startState(g), data, from, from + DATA_DIGITS));
    }
    return out.toString();
  }

  /** The outcome of {@link #read}: the value the data digits spell, or what is mistyped. */
  sealed interface Reading {
    record Value(BigInteger value) implements Reading {}

    /**
     * @param failure 0xC004F04D
     * @param groups the 1-based groups at fault, ascending; empty if it is not one group's fault
     */
    record Mistyped(Failure failure, List<Integer> groups) implements Reading {
      public Mistyped {
        groups = List.copyOf(groups);
      }
    }
  }

  /**
   * Reads an ID of {@code groups} groups as typed.
   *
   * @param what the ID's name in messages ({@code installation ID}, {@code confirmation ID})
   */
  static Reading read(String text, int groups, String what) {
    Objects.requireNonNull(text, "text");
    int expected = groups * GROUP_LENGTH;
    String shape = groups + " groups of " + GROUP_LENGTH + " digits";
    if (text.length() > MAX_INPUT_LENGTH) {
      return mistyped(
          "The " + what + " is far too long: it has " + shape + ".", List.of(), what, false);
    }
    Set<Character> strange = new LinkedHashSet<>();
    List<String> tokens = tokens(text, strange);
    if (!strange.isEmpty()) {
      String listed = strange.stream().map(DigitGroups::quote).collect(Collectors.joining(", "));
      return mistyped(
          "The "
              + what
              + " contains characters other than digits: "
              + listed
              + ". It has only digits, in "
              + shape
              + ".",
          List.of(),
          what,
          false);
    }
    String digits = String.join("", tokens);
    if (digits.length() != expected) {
      return wrongLength(tokens, digits, groups, what);
    }
    return checked(digits, groups, what);
  }

  /** The runs of digits between separators; any other character goes to {@code strange}. */
  private static List<String> tokens(String text, Set<Character> strange) {
    List<String> tokens = new ArrayList<>();
    StringBuilder token = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isDigit(c)) {
        token.append(c);
      } else if (c == SEPARATOR || Character.isWhitespace(c)) {
        if (!token.isEmpty()) {
          tokens.add(token.toString());
          token.setLength(0);
        }
      } else {
        strange.add(c);
      }
    }
    if (!token.isEmpty()) {
      tokens.add(token.toString());
    }
    return tokens;
  }

  /** Too many or too few digits: which groups, when the groups are all there; else how many. */
  private static Reading wrongLength(List<String> tokens, String digits, int groups, String what) {
    int expected = groups * GROUP_LENGTH;
    String shape = groups + " groups of " + GROUP_LENGTH + " digits";
    if (tokens.size() == groups) {
      List<Integer> wrongLength = new ArrayList<>();
      for (int g = 1; g <= groups; g++) {
        if (tokens.get(g - 1).length() != GROUP_LENGTH) {
          wrongLength.add(g);
        }
      }
      return mistyped(
          "The "
              + what
              + " has "
              + shape
              + "; "
              + groupList(wrongLength)
              + (wrongLength.size() == 1 ? " has " : " have ")
              + "another number of digits.",
          wrongLength,
          what,
          true);
    }
    return mistyped(
        "The "
            + what
            + " has "
            + expected
            + " digits ("
            + shape
            + "), but "
            + digits.length()
            + " were given: a digit or a group is missing or repeated.",
        List.of(),
        what,
        false);
  }

  /** The right number of digits: each group against its check digit, then the value. */
  private static Reading checked(String digits, int groups, String what) {
    List<Integer> wrong = new ArrayList<>();
    StringBuilder data = new StringBuilder(groups * DATA_DIGITS);
    for (int g = 1; g <= groups; g++) {
      int from = (g - 1) * GROUP_LENGTH;
      if (!CheckDigits.valid(startState(g), digits, from, from + GROUP_LENGTH)) {
        wrong.add(g);
      }
      data.append(digits, from, from + DATA_DIGITS);
    }
    if (!wrong.isEmpty()) {
      return mistyped(
          "In the "
              + what
              + ", "
              + groupList(wrong)
              + (wrong.size() == 1 ? " does" : " do")
              + " not match "
              + (wrong.size() == 1 ? "its check digit" : "their check digits")
              + " (the last digit of each group): a digit was mistyped or two were swapped.",
          wrong,
          what,
          true);
    }
    return new Reading.Value(new BigInteger(data.toString()));
  }

  private static Reading mistyped(
      String detail, List<Integer> groups, String what, boolean reenterGroups) {
    String advice =
        reenterGroups
            ? " Re-enter " + groupList(groups) + "."
            : " Re-enter the " + what + " from the start.";
    return new Reading.Mistyped(
        Failure.of(ErrorCode.CID_INVALID_CHECK_DIGITS, detail + advice), groups);
  }

  /** {@code group 3}, {@code groups 2 and 5}, {@code groups 1, 4 and 7}. */
  static String groupList(List<Integer> groups) {
    if (groups.size() == 1) {
      return "group " + groups.get(0);
    }
    String head =
        groups.subList(0, groups.size() - 1).stream()
            .map(String::valueOf)
            .collect(Collectors.joining(", "));
    return "groups " + head + " and " + groups.get(groups.size() - 1);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static String quote(char c) {
    return Character.isISOControl(c) || Character.isSurrogate(c)
        ? String.format("U+%04X", (int) c)
        : "'" + c + "'";
  }
}
