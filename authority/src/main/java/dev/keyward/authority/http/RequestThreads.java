package dev.keyward.authority.http;

import java.util.concurrent.Executors;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Jetty's threads: its selector, its acceptor and its own housekeeping on a pool of platform
 * threads, and each request on a virtual thread of its own.
 *
 * <p>Why: a request spends part of its life waiting on another thread — SQLite's writer committing
 * the group it joined, a PostgreSQL connection or round trip. A platform thread that waits needs a
 * kernel wake-up to go on, and with platform workers Jetty also wakes a reserved thread per request
 * (to take over the selector while the first one runs the request); a virtual thread parks and
 * resumes inside the JVM. Measured on two cores (docs/benchmarks.md, "Eighth pass"): about a
 * seventh less CPU per activation on SQLite (means of interleaved runs), about the same on
 * PostgreSQL (its driver's socket reads, on a virtual thread, go through the JDK's poller). The
 * selector and acceptor stay on platform threads: Jetty's documentation warns that making every one
 * of its threads virtual risks pinning carriers.
 *
 * <p>On JDK 21 to 23 a virtual thread that waits inside a {@code synchronized} block keeps its
 * carrier meanwhile; the request path waits only outside them (SqliteWriter's latch, Database's
 * semaphore, the drivers' sockets).
 *
 * <p>Per-thread caches on the request path are pools instead ({@code InstancePool}, Jackson's
 * shared recycler pool in {@link Body}): per thread would be per request here.
 */
final class RequestThreads {
  private RequestThreads() {}

  /** Javalin's defaults for the platform threads: 8 to 250, idle ones ended after a minute. */
  static QueuedThreadPool create() {
    QueuedThreadPool pool = new QueuedThreadPool(250, 8, 60_000);
    pool.setName("keyward-jetty");
    pool.setVirtualThreadsExecutor(
        Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("keyward-request-", 0).factory()));
    return pool;
  }
}
