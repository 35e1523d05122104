package dev.keyward.volumehost;

import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TSIG key as BIND's {@code tsig-keygen} writes it: {@code key "NAME" { algorithm hmac-sha256;
 * secret "BASE64"; };} (comments and white space anywhere).
 *
 * <p>Comments are cut outside quotes only: a base64 secret may itself hold {@code //} (about one
 * key in a hundred), and cutting there would lose the key.
 */
record TsigKeyFile(String name, String algorithm, String secret) {
  private static final Pattern KEY =
      Pattern.compile("key\\s+\"?([A-Za-z0-9._-]+)\"?\\s*\\{(.*?)}\\s*;", Pattern.DOTALL);
  private static final Pattern ALGORITHM =
      Pattern.compile("algorithm\\s+\"?([A-Za-z0-9-]+)\"?\\s*;");
  private static final Pattern SECRET = Pattern.compile("secret\\s+\"([A-Za-z0-9+/=]+)\"\\s*;");

  /** Reads the first key of a file; a clear failure when it is not one. */
  static TsigKeyFile read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new VolumeHostException(
          Failure.of(ErrorCode.BAD_REQUEST, "The TSIG key file " + file + " cannot be read."));
    }
    return parse(text)
        .orElseThrow(
            () ->
                new VolumeHostException(
                    Failure.of(
                        ErrorCode.BAD_REQUEST,
                        "The TSIG key file "
                            + file
                            + " holds no key as tsig-keygen writes it: key \"NAME\" { algorithm"
                            + " hmac-sha256; secret \"BASE64\"; };")));
  }

  static java.util.Optional<TsigKeyFile> parse(String text) {
    String cleaned = withoutComments(text);
    Matcher key = KEY.matcher(cleaned);
    if (!key.find()) {
      return java.util.Optional.empty();
    }
    Matcher algorithm = ALGORITHM.matcher(key.group(2));
    Matcher secret = SECRET.matcher(key.group(2));
    if (!algorithm.find() || !secret.find()) {
      return java.util.Optional.empty();
    }
    try {
      Base64.getDecoder().decode(secret.group(1));
    } catch (IllegalArgumentException e) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        new TsigKeyFile(
            key.group(1), algorithm.group(1).toLowerCase(Locale.ROOT), secret.group(1)));
  }

  /** The text with BIND's {@code #}, {@code //} and {@code /* *}{@code /} comments blanked out. */
  static String withoutComments(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean quoted = false;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && (c == '#' || text.startsWith("//", i))) {
        int end = text.indexOf('\n', i);
        i = end < 0 ? text.length() : end;
        continue;
      } else if (!quoted && text.startsWith("/*", i)) {
        int end = text.indexOf("*/", i + 2);
        i = end < 0 ? text.length() : end + 2;
        out.append(' ');
        continue;
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }
}
