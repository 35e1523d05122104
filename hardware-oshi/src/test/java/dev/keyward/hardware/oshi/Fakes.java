package dev.keyward.hardware.oshi;

import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * Stand-ins for OSHI's interfaces: each method answers from a map by name, or throws; equality is
 * identity.
 */
final class Fakes {
  private Fakes() {}

  static <T> T of(Class<T> type, Map<String, Object> answers) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> {
              switch (method.getName()) {
                case "toString" -> {
                  return type.getSimpleName() + answers;
                }
                case "equals" -> {
                  return proxy == args[0];
                }
                case "hashCode" -> {
                  return System.identityHashCode(proxy);
                }
                default -> {}
              }
              if (!answers.containsKey(method.getName())) {
                throw new UnsupportedOperationException(method.getName() + " not faked");
              }
              Object answer = answers.get(method.getName());
              if (answer instanceof Throwable thrown) {
                throw thrown;
              }
              return answer;
            }));
  }
}
