package vn.antq.indicator;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.antq.common.cluster.ScheduledTask;
import vn.antq.common.db.Rows;
import vn.antq.common.time.VietnamTime;
import vn.antq.notification.Audience;
import vn.antq.notification.Notice;
import vn.antq.notification.NotificationKind;
import vn.antq.notification.Notifier;
import vn.antq.security.Role;

/**
 * Reminds the officers of communes that have not sent the last period's figures: once when the
 * deadline is three days or less away, once when it has passed. Runs once per cluster (the
 * scheduler's slot) and each person is told once per period and occasion (the notification's key),
 * so neither a second instance nor the next run repeats a reminder.
 */
@ApplicationScoped
public class DeadlineReminders implements ScheduledTask {
  static final int DAYS_BEFORE = 3;

  @Inject EntityManager em;
  @Inject ReportingCompleteness completeness;
  @Inject ReportingDeadlines deadlines;
  @Inject Notifier notifier;

  @ConfigProperty(name = "antq.reminders.interval", defaultValue = "PT1H")
  Duration interval;

  @Override
  public String name() {
    return "deadline-reminders";
  }

  @Override
  public Duration interval() {
    return interval;
  }

  @Override
  public String run() {
    return remindOn(VietnamTime.today());
  }

  /** The reminders due on {@code today} (in the caller's transaction). */
  public String remindOn(LocalDate today) {
    ManagedContext request = Arc.container().requestContext();
    boolean activated = !request.isActive();
    if (activated) {
      request.activate();
    }
    try {
      return remind(today);
    } finally {
      if (activated) {
        request.terminate();
      }
    }
  }

  /** The reminders due on {@code today} for the last ended month and quarter, in every province. */
  String remind(LocalDate today) {
    List<Long> provinces =
        Rows.longs(
            em.createNativeQuery(
                "SELECT id FROM unit WHERE kind = 'PROVINCE' AND valid_to IS NULL ORDER BY id"));
    int told = 0;
    for (Period.Kind kind : Period.Kind.values()) {
      Period last =
          ReportingCompleteness.containing(
              kind, ReportingCompleteness.containing(kind, today).start().minusDays(1));
      for (Long province : provinces) {
        told += remind(province, last, today);
      }
    }
    return told + " lời nhắc hạn gửi số liệu";
  }

  private int remind(long province, Period period, LocalDate today) {
    LocalDate deadline = deadlines.rules(period.kind(), province).deadline(period);
    long left = ChronoUnit.DAYS.between(today, deadline);
    if (left > DAYS_BEFORE) {
      return 0;
    }
    List<Long> missing =
        completeness.of(province, period.kind(), period.start(), period.end()).periods().stream()
            .flatMap(p -> p.missing().stream())
            .map(m -> m.unit().id())
            .toList();
    missing = reportingTheOtherWay(missing, period);
    if (missing.isEmpty()) {
      return 0;
    }
    boolean overdue = left < 0;
    String label = IndicatorService.lower(period.label());
    String due = VietnamTime.format(deadline);
    String title =
        overdue
            ? "Quá hạn gửi số liệu " + label + " (hạn ngày " + due + ")"
            : left == 0
                ? "Hôm nay là hạn cuối gửi số liệu " + label
                : "Còn " + left + " ngày đến hạn gửi số liệu " + label;
    String body =
        (overdue
                ? "Đơn vị của bạn chưa gửi số liệu kỳ này; hãy nhập và gửi sớm."
                : "Hạn gửi: hết ngày " + due + " (giờ Việt Nam). Đơn vị của bạn chưa gửi.")
            + " Gửi muộn vẫn được nhận nhưng được tính là không đúng hạn.";
    NotificationKind kind =
        overdue ? NotificationKind.DEADLINE_OVERDUE : NotificationKind.DEADLINE_SOON;
    return notifier.send(
        new Notice(
            kind,
            title,
            body,
            "/so-lieu",
            null,
            "deadline:" + kind.name() + ":" + period.kind() + ":" + period.start()),
        Audience.officersOverAny(missing, Role.COMMUNE_OFFICER));
  }

  /**
   * Communes that report the period's time the other way (monthly within a quarter, or a quarter
   * holding a month) are not missing it: they hear of their own kind's deadline only.
   */
  private List<Long> reportingTheOtherWay(List<Long> missing, Period period) {
    if (missing.isEmpty()) {
      return missing;
    }
    java.util.Set<Long> other =
        new java.util.HashSet<>(
            Rows.longs(
                em.createNativeQuery(
                        "SELECT DISTINCT unit_id FROM indicator_report"
                            + " WHERE unit_id = ANY (CAST(?1 AS bigint[])) AND period_months <> ?2"
                            + " AND period_start <= ?4 AND period_start"
                            + " + make_interval(months => period_months) > ?3")
                    .setParameter(1, Rows.bigintArray(missing))
                    .setParameter(2, (short) period.months())
                    .setParameter(3, period.start())
                    .setParameter(4, period.end())));
    return missing.stream().filter(id -> !other.contains(id)).toList();
  }
}
