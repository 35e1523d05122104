package dev.keyward.authority;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A bounded cache by string key that forgets the least recently used entries in bulk: entries go
 * into a young generation; when it is full it becomes the old one (the previous old one is
 * dropped), and an entry found only in the old generation moves back into the young one. So what
 * was used since the last turn-over is kept, at most {@code 2 × limit} entries are held, and no
 * lookup takes a lock. (Clearing everything when full, as before, made every key's activations be
 * read again from the database at once.)
 */
final class Generations<V> {
  private final int limit;
  private volatile Map<String, V> young = new ConcurrentHashMap<>();
  private volatile Map<String, V> old = Map.of();

  Generations(int limit) {
    this.limit = limit;
  }

  V get(String key) {
    V value = young.get(key);
    if (value == null) {
      value = old.get(key);
      if (value != null) {
        put(key, value);
      }
    }
    return value;
  }

  void put(String key, V value) {
    if (young.size() >= limit) {
      synchronized (this) {
        if (young.size() >= limit) {
          old = young;
          young = new ConcurrentHashMap<>();
        }
      }
    }
    young.put(key, value);
  }
}
