package vn.antq.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.antq.common.cluster.ScheduledTask;
import vn.antq.common.db.Rows;
import vn.antq.common.time.VietnamTime;

/**
 * The daily digest: for people who chose it, the e-mails held back since the last one go out as one
 * message at {@code antq.mail.digest-hour} (Vietnam time), or at the first run after it. Runs once
 * per cluster; the held rows are marked as sent in the transaction that writes the digest.
 */
@ApplicationScoped
public class MailDigest implements ScheduledTask {
  @Inject EntityManager em;
  @Inject MailSettings settings;

  @ConfigProperty(name = "antq.reminders.interval", defaultValue = "PT1H")
  Duration interval;

  @ConfigProperty(name = "antq.mail.digest-hour", defaultValue = "7")
  int hour;

  @Override
  public String name() {
    return "mail-digest";
  }

  @Override
  public Duration interval() {
    return interval;
  }

  @Override
  public String run() {
    if (java.time.ZonedDateTime.now(VietnamTime.ZONE).getHour() < hour) {
      return "chưa đến giờ gửi bản tin";
    }
    return compose(VietnamTime.today().atTime(hour, 0).atZone(VietnamTime.ZONE).toInstant())
        + " bản tin";
  }

  /** One e-mail per person from the rows they held back before {@code before}. */
  public int compose(java.time.Instant before) {
    List<Object[]> rows =
        Rows.of(
            em.createNativeQuery(
                    "SELECT id, user_id, recipient, subject, body FROM mail_outbox WHERE digest"
                        + " AND sent_at IS NULL AND failed_at IS NULL AND created_at < ?1"
                        + " ORDER BY user_id, id FOR UPDATE SKIP LOCKED")
                .setParameter(1, before));
    Map<Long, List<Object[]>> byUser = new LinkedHashMap<>();
    rows.forEach(r -> byUser.computeIfAbsent(Rows.toLong(r[1]), k -> new ArrayList<>()).add(r));
    for (var e : byUser.entrySet()) {
      List<Object[]> parts = e.getValue();
      String recipient = (String) parts.get(parts.size() - 1)[2];
      List<String> subjects = parts.stream().map(r -> (String) r[3]).toList();
      List<String> bodies = parts.stream().map(r -> (String) r[4]).toList();
      em.createNativeQuery(
              "INSERT INTO mail_outbox (user_id, recipient, subject, body) VALUES (?1, ?2, ?3, ?4)")
          .setParameter(1, e.getKey())
          .setParameter(2, recipient)
          .setParameter(3, MailText.digestSubject(parts.size()))
          .setParameter(4, MailText.digest(subjects, bodies, settings))
          .executeUpdate();
      em.createNativeQuery(
              "UPDATE mail_outbox SET sent_at = now(), last_error = 'gộp vào bản tin trong ngày'"
                  + " WHERE id = ANY (CAST(?1 AS bigint[]))")
          .setParameter(1, Rows.bigintArray(parts.stream().map(r -> Rows.toLong(r[0])).toList()))
          .executeUpdate();
    }
    return byUser.size();
  }
}
