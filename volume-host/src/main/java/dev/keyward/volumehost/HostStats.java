package dev.keyward.volumehost;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the host has answered since it started, for {@code slmgr /dlv}: requests received, and the
 * failed ones by result code and by HTTP status.
 */
final class HostStats {
  private final LongAdder received = new LongAdder();
  private final LongAdder granted = new LongAdder();
  private final Map<String, LongAdder> failedByCode = new ConcurrentHashMap<>();
  private final Map<Integer, LongAdder> failedByStatus = new ConcurrentHashMap<>();

  void grant() {
    received.increment();
    granted.increment();
  }

  void failed(String code, int status) {
    received.increment();
    failedByCode.computeIfAbsent(code, c -> new LongAdder()).increment();
    failedByStatus.computeIfAbsent(status, s -> new LongAdder()).increment();
  }

  long received() {
    return received.sum();
  }

  long grantedCount() {
    return granted.sum();
  }

  long failed() {
    return received.sum() - granted.sum();
  }

  Map<String, Long> failedByCode() {
    Map<String, Long> out = new TreeMap<>();
    failedByCode.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  Map<String, Long> failedByStatus() {
    Map<String, Long> out = new TreeMap<>();
    failedByStatus.forEach((k, v) -> out.put(Integer.toString(k), v.sum()));
    return out;
  }
}
