package dev.keyward.core.protocol;

import dev.keyward.core.error.Failure;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A wire body read by its record's one reader: the record, or the first field that is wrong and the
 * failure to answer with (a 400 on the authority, an unreadable answer on the client).
 */
public sealed interface Parsed<T> {
  record Ok<T>(T value) implements Parsed<T> {}

  /**
   * @param field the field's name as the wire spells it ({@code components.uuid} inside an object)
   */
  record Bad<T>(String field, Failure failure) implements Parsed<T> {}

  /** The record, or the exception {@code bad} makes of the failure. */
  default T orElseThrow(Function<Failure, ? extends RuntimeException> bad) {
    return switch (this) {
      case Ok<T> ok -> ok.value();
      case Bad<T> b -> throw bad.apply(b.failure());
    };
  }

  /** Runs a reader made of {@link WireFields} calls; its first refused field becomes a Bad. */
  static <T> Parsed<T> read(Supplier<T> reader) {
    try {
      return new Ok<>(reader.get());
    } catch (WireFields.BadField e) {
      return new Bad<>(e.field, e.failure);
    }
  }
}
