package dev.keyward.core.compliance;

import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;

/** Collects the problems of one file while it is read, so all of them are reported at once. */
final class ProblemList {
  private final String file;
  private final List<InputProblem> problems = new ArrayList<>();

  ProblemList(String file) {
    this.file = file;
  }

  void at(Node node, String field, String message) {
    atLine(lineOf(node), field, message);
  }

  void atLine(int line, String field, String message) {
    problems.add(new InputProblem(file, line, field, message));
  }

  int size() {
    return problems.size();
  }

  List<InputProblem> all() {
    return List.copyOf(problems);
  }

  /** The YAML library counts lines from 0; editors and people count from 1. */
  static int lineOf(Node node) {
    return node.getStartMark().map(ProblemList::lineOf).orElse(0);
  }

  static int lineOf(Mark mark) {
    return mark.getLine() + 1;
  }
}
