package vn.antq.common.db;

import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Keeps the embedded PostgreSQL running: when its postmaster exits by itself (killed, crashed, out
 * of memory) it is started again on the same data directory and port, at once and then with a
 * growing pause (1 s … 30 s) for as long as it fails. Meanwhile requests answer 503
 * database-unavailable and the pool reconnects once it is back. While it has not come back for
 * {@link #GIVE_UP}, {@link #unrecoverable()} is true: liveness turns DOWN ({@code
 * DatabaseLiveness}) so that an orchestrator restarts the instance; the watch still keeps trying.
 */
public final class EmbeddedDatabaseWatch {
  private static final Logger LOG = Logger.getLogger(EmbeddedDatabaseWatch.class);

  /** How long the database may stay down, restarts failing, before the instance is not live. */
  static final Duration GIVE_UP = Duration.ofSeconds(60);

  private static final long MAX_PAUSE_MS = 30_000;

  /** How often the postmaster is looked at. */
  private static final long POLL_MS = 500;

  /** When the server stopped and has not come back since; null while it runs. */
  private static volatile Instant downSince;

  private EmbeddedDatabaseWatch() {}

  /** Watches this database from now on, on a daemon thread (the app's own; not the tests'). */
  public static void watch(EmbeddedDatabase db) {
    Thread t =
        new Thread(
            () -> {
              while (!db.isClosed()) {
                sleep(POLL_MS);
                if (!db.isClosed() && !db.running()) {
                  bringBack(db);
                }
              }
            },
            "antq-embedded-pg-watch");
    t.setDaemon(true);
    t.start();
  }

  /** True while the embedded server has been down and failing to restart for {@link #GIVE_UP}. */
  public static boolean unrecoverable() {
    Instant since = downSince;
    return since != null && since.plus(GIVE_UP).isBefore(Instant.now());
  }

  private static void bringBack(EmbeddedDatabase db) {
    downSince = Instant.now();
    LOG.error("Embedded PostgreSQL stopped by itself: starting it again");
    long pause = 0;
    int attempt = 0;
    while (!db.isClosed()) {
      sleep(pause);
      attempt++;
      try {
        db.restart();
        LOG.infof(
            "Embedded PostgreSQL running again after %d attempt(s), %d ms down",
            attempt, Duration.between(downSince, Instant.now()).toMillis());
        downSince = null;
        return;
      } catch (IllegalStateException closed) {
        return;
      } catch (RuntimeException e) {
        LOG.errorf("Embedded PostgreSQL did not start again (attempt %d): %s", attempt, e);
        pause = Math.min(MAX_PAUSE_MS, Math.max(1000, pause * 2));
      }
    }
  }

  private static void sleep(long ms) {
    if (ms <= 0) {
      return;
    }
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
