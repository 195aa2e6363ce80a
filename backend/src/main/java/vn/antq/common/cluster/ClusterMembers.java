package vn.antq.common.cluster;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The instances alive now, in {@code cluster_instance}: each one writes its row every heartbeat
 * (its own thread, so that long work never delays it) and deletes it when it stops. An instance
 * missing {@link #MISSED_BEATS} beats is taken to be dead: what it held may be taken over.
 */
@ApplicationScoped
public class ClusterMembers {
  private static final Logger LOG = Logger.getLogger(ClusterMembers.class);
  static final int MISSED_BEATS = 3;

  @Inject EntityManager em;
  @Inject InstanceId instance;

  @ConfigProperty(name = "antq.instance.heartbeat", defaultValue = "PT5S")
  Duration heartbeat;

  private ScheduledExecutorService timer;

  void start(@Observes StartupEvent e) {
    beat();
    timer = BackgroundThread.start("antq-heartbeat");
    long ms = heartbeat.toMillis();
    timer.scheduleWithFixedDelay(this::beatQuietly, ms, ms, TimeUnit.MILLISECONDS);
  }

  void stop(@Observes ShutdownEvent e) {
    BackgroundThread.stop(timer, Duration.ZERO);
    try {
      QuarkusTransaction.requiringNew()
          .run(
              () ->
                  em.createNativeQuery("DELETE FROM cluster_instance WHERE id = ?1")
                      .setParameter(1, instance.value())
                      .executeUpdate());
    } catch (RuntimeException ex) {
      LOG.debugf("Could not sign off from cluster_instance: %s", ex.getMessage());
    }
  }

  private void beatQuietly() {
    try {
      beat();
    } catch (RuntimeException ex) {
      LOG.warnf("Heartbeat not written: %s", ex.getMessage());
    }
  }

  void beat() {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              em.createNativeQuery(
                      "INSERT INTO cluster_instance (id) VALUES (?1)"
                          + " ON CONFLICT (id) DO UPDATE SET last_seen_at = now()")
                  .setParameter(1, instance.value())
                  .executeUpdate();
              em.createNativeQuery(
                      "DELETE FROM cluster_instance WHERE last_seen_at < now() - interval '1 day'")
                  .executeUpdate();
            });
  }

  /** Seconds without a beat after which an instance is taken to be dead. */
  public long staleSeconds() {
    return Math.max(1, heartbeat.toSeconds()) * MISSED_BEATS;
  }

  /**
   * SQL: the instance named by {@code column} is alive (wrote its row within {@link
   * #staleSeconds()}).
   */
  public String aliveSql(String column) {
    return "EXISTS (SELECT 1 FROM cluster_instance ci WHERE ci.id = "
        + column
        + " AND ci.last_seen_at > now() - interval '"
        + staleSeconds()
        + " seconds')";
  }
}
