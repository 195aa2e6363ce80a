package vn.antq.notification;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import vn.antq.common.cluster.BackgroundThread;
import vn.antq.common.db.Rows;

/**
 * Sends the e-mails waiting in {@code mail_outbox}, on its own thread, after the transactions that
 * wrote them committed. Each instance claims a few due rows at a time ({@code FOR UPDATE SKIP
 * LOCKED}, the claim pushes the row's next attempt five minutes on, so that no other instance takes
 * it meanwhile), sends them, and records the outcome: sent, or tried again after a doubling wait,
 * or given up after {@code antq.mail.max-attempts}. An instance that dies between sending and
 * recording sends that e-mail again five minutes later (at least once, never lost).
 */
@ApplicationScoped
public class MailOutbox {
  private static final Logger LOG = Logger.getLogger(MailOutbox.class);
  static final int BATCH = 20;
  static final Duration LEASE = Duration.ofMinutes(5);

  @Inject EntityManager em;
  @Inject Mailer mailer;
  @Inject MailSettings settings;

  private ScheduledExecutorService timer;

  record Outgoing(long id, String recipient, String subject, String body, int attempts) {}

  void start(@Observes StartupEvent e) {
    if (!settings.enabled()) {
      return;
    }
    timer = BackgroundThread.start("antq-mail");
    long ms = settings.poll.toMillis();
    timer.scheduleWithFixedDelay(this::drainQuietly, ms, ms, TimeUnit.MILLISECONDS);
  }

  void stop(@Observes ShutdownEvent e) {
    BackgroundThread.stop(timer, Duration.ofSeconds(5));
  }

  private void drainQuietly() {
    try {
      drain();
    } catch (RuntimeException ex) {
      LOG.warnf("E-mail outbox not read: %s", ex.getMessage());
    }
  }

  /** Sends what is due now, batch after batch; returns how many were sent. */
  public int drain() {
    int sent = 0;
    while (true) {
      List<Outgoing> batch = claim();
      for (Outgoing m : batch) {
        sent += send(m) ? 1 : 0;
      }
      if (batch.size() < BATCH) {
        return sent;
      }
    }
  }

  private List<Outgoing> claim() {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                Rows.map(
                    em.createNativeQuery(
                            "UPDATE mail_outbox SET next_attempt_at = now() + make_interval(secs"
                                + " => ?1) WHERE id IN (SELECT id FROM mail_outbox WHERE sent_at"
                                + " IS NULL AND failed_at IS NULL AND NOT digest AND next_attempt_at"
                                + " <= now() ORDER BY next_attempt_at, id LIMIT ?2 FOR UPDATE SKIP"
                                + " LOCKED) RETURNING id, recipient, subject, body, attempts")
                        .setParameter(1, LEASE.toSeconds())
                        .setParameter(2, BATCH),
                    r ->
                        new Outgoing(
                            Rows.toLong(r[0]),
                            (String) r[1],
                            (String) r[2],
                            (String) r[3],
                            Rows.toInt(r[4]))));
  }

  private boolean send(Outgoing m) {
    String error = null;
    try {
      mailer.send(Mail.withText(m.recipient(), m.subject(), m.body()));
    } catch (RuntimeException ex) {
      error = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
    }
    int attempts = m.attempts() + 1;
    String failure = error;
    boolean giveUp = failure != null && attempts >= settings.maxAttempts;
    if (failure != null) {
      LOG.warnf(
          "E-mail %d to %s not sent (attempt %d%s): %s",
          m.id(), m.recipient(), attempts, giveUp ? ", given up" : "", failure);
    }
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "UPDATE mail_outbox SET attempts = ?2, last_error = CAST(?3 AS text),"
                            + " sent_at = CASE WHEN ?4 THEN now() END,"
                            + " failed_at = CASE WHEN ?5 THEN now() END,"
                            + " next_attempt_at = now() + make_interval(secs => ?6) WHERE id = ?1")
                    .setParameter(1, m.id())
                    .setParameter(2, attempts)
                    .setParameter(3, failure == null ? null : truncate(failure))
                    .setParameter(4, failure == null)
                    .setParameter(5, giveUp)
                    .setParameter(6, (double) settings.backoff(attempts).toMillis() / 1000)
                    .executeUpdate());
    return failure == null;
  }

  private static String truncate(String s) {
    return s.length() > 1000 ? s.substring(0, 1000) : s;
  }
}
