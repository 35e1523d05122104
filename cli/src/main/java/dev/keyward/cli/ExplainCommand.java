package dev.keyward.cli;

import dev.keyward.client.KeywardException;
import dev.keyward.core.error.ErrorCatalogue;
import dev.keyward.core.error.ErrorCode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description = {
      "Explain an error code: meaning, likely causes, remedies.",
      "CODE may be 0xC004F050, c004f050, -1073418160, 3221549136 or SL_E_INVALID_PRODUCT_KEY."
    })
final class ExplainCommand implements Callable<Integer> {
  @ParentCommand KeywardCommand root;

  @Parameters(paramLabel = "CODE", description = "The code, in any usual form.")
  String code;

  /** What the user gave, as much as a message should repeat: never 100 KB of it back. */
  static String echo(String given) {
    String oneLine = given.strip().replaceAll("\\s+", " ");
    if (oneLine.length() <= ECHO_MAX) {
      return oneLine;
    }
    return oneLine.substring(0, ECHO_MAX) + "… (" + given.length() + " characters)";
  }

  private static final int ECHO_MAX = 40;

  @Override
  public Integer call() {
    ErrorCode error =
        ErrorCatalogue.lookup(code)
            .orElseThrow(
                () ->
                    KeywardException.of(
                        ErrorCode.UNKNOWN_CODE,
                        "'"
                            + echo(code)
                            + "' is not a code of the error catalogue. Write it as 0xC004F050,"
                            + " C004F050, -1073418160, 3221549136 or SL_E_INVALID_PRODUCT_KEY."));
    if (root.json) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("code", error.hex());
      o.put("name", error.symbolicName());
      o.put("meaning", error.meaning());
      o.put("causes", error.causes());
      o.put("remedies", error.remedies());
      o.put("remedy", error.remedy());
      o.put("informational", error.informational());
      root.printer().object(o);
    } else {
      root.ctx.out().print(ErrorCatalogue.explain(error));
    }
    return KeywardCli.OK;
  }
}
