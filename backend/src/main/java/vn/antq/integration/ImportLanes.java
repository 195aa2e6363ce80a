package vn.antq.integration;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.antq.integration.ImportEngine.RowResult;

/**
 * Threads that apply a partial import's blocks side by side: the database's work for a chunk is
 * most of an import's time, and one connection keeps one core busy.
 */
@ApplicationScoped
class ImportLanes {
  @Inject Instance<CurrentIdentityAssociation> identities;

  /** threads applying a partial import's blocks side by side (1: one after the other) */
  @ConfigProperty(name = "antq.import.lanes", defaultValue = "2")
  int lanes;

  private ExecutorService pool;

  /** Applies the block of rows [from, end). */
  interface Block {
    List<RowResult> run(int from, int end);
  }

  /** whether blocks may run side by side at all */
  boolean parallel() {
    return lanes >= 2;
  }

  /**
   * The blocks on {@link #lanes} threads (this one and lanes − 1 of {@link #pool}), each lane
   * taking the next block left; the caller's identity goes with them. A failing lane stops the
   * others at their next block; the first failure is thrown once every lane has stopped. The answer
   * is the blocks' results in the blocks' order.
   */
  List<RowResult> run(List<int[]> blocks, int rows, Block block) {
    SecurityIdentity who = identities.get().getIdentity();
    AtomicInteger next = new AtomicInteger();
    AtomicReference<RuntimeException> failed = new AtomicReference<>();
    List<List<RowResult>> done = new ArrayList<>(blocks.size());
    blocks.forEach(b -> done.add(null));
    Runnable lane =
        () -> {
          int b;
          while (failed.get() == null && (b = next.getAndIncrement()) < blocks.size()) {
            try {
              done.set(b, block.run(blocks.get(b)[0], blocks.get(b)[1]));
            } catch (RuntimeException e) {
              failed.compareAndSet(null, e);
            }
          }
        };
    List<Future<?>> others = new ArrayList<>();
    for (int l = 1; l < Math.min(lanes, blocks.size()); l++) {
      others.add(pool().submit(() -> asCaller(who, lane)));
    }
    lane.run();
    awaitAll(others, failed);
    if (failed.get() != null) {
      throw failed.get();
    }
    List<RowResult> out = new ArrayList<>(rows);
    done.forEach(out::addAll);
    return out;
  }

  private void asCaller(SecurityIdentity who, Runnable lane) {
    ManagedContext request = Arc.container().requestContext();
    request.activate();
    try {
      identities.get().setIdentity(who);
      lane.run();
    } finally {
      request.terminate();
    }
  }

  private static void awaitAll(List<Future<?>> others, AtomicReference<RuntimeException> failed) {
    for (Future<?> f : others) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failed.compareAndSet(null, new IllegalStateException("interrupted", e));
      } catch (ExecutionException e) {
        failed.compareAndSet(
            null, e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e));
      }
    }
  }

  private synchronized ExecutorService pool() {
    if (pool == null) {
      AtomicInteger n = new AtomicInteger();
      pool =
          Executors.newCachedThreadPool(
              r -> {
                Thread th = new Thread(r, "antq-import-lane-" + n.incrementAndGet());
                th.setDaemon(true);
                return th;
              });
    }
    return pool;
  }

  @PreDestroy
  synchronized void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
