package dev.keyward.core.yaml;

/**
 * A mistake in a file a person wrote (catalog, machine file, inventory, scenario), located so that
 * it can be fixed without guessing: {@code catalog.yaml:42: products[0].editions[3].targets:
 * unknown edition 'ServerDatacentre'}.
 *
 * @param file the file name as the user gave it
 * @param line 1-based line, or 0 when the whole file is concerned
 * @param field the path of the field, e.g. {@code products[0].versions}
 * @param message what is wrong, in plain words
 */
public record SourceProblem(String file, int line, String field, String message) {
  @Override
  public String toString() {
    String where = line > 0 ? file + ":" + line : file;
    return field.isEmpty() ? where + ": " + message : where + ": " + field + ": " + message;
  }
}
