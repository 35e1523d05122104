package dev.keyward.core.concurrent;

import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Instances that are not thread-safe and cost something to make (a keyed {@code Mac}, a seeded
 * random generator), lent to one caller at a time and kept for the next.
 *
 * <p>Why not a {@code ThreadLocal}: the authority answers each request on a virtual thread of its
 * own, so a per-thread instance is a per-request instance, made and thrown away every time. Here an
 * instance is made only when every one made before is lent out, so there are never more than the
 * most callers that held one at the same moment; the work done with one is short and never blocks.
 */
public final class InstancePool<T> {
  private final Supplier<? extends T> factory;
  private final ConcurrentLinkedQueue<T> idle = new ConcurrentLinkedQueue<>();

  public InstancePool(Supplier<? extends T> factory) {
    this.factory = Objects.requireNonNull(factory, "factory");
  }

  /**
   * Runs {@code work} with an instance no other caller holds meanwhile, then keeps the instance for
   * the next caller, also when {@code work} threw (it must leave the instance fit to be reset and
   * used again, as a {@code Mac} is after {@code reset()}).
   */
  public <R> R apply(Function<? super T, ? extends R> work) {
    T instance = idle.poll();
    if (instance == null) {
      instance = factory.get();
    }
    try {
      return work.apply(instance);
    } finally {
      idle.offer(instance);
    }
  }

  /** Instances made and not lent out at this moment (tests). */
  int idleCount() {
    return idle.size();
  }
}
