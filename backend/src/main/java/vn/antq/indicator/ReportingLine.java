package vn.antq.indicator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import vn.antq.common.time.VietnamTime;

/**
 * The reporting-rate line of a summary report ("Tháng 6/2025: 28/30 xã, phường báo cáo đúng hạn
 * …"): the latest month of the report's range whose deadline has passed, and the last twelve such
 * months together, counted as {@link ReportingCompleteness} counts them.
 */
@ApplicationScoped
public class ReportingLine {
  /** How many of the latest due months the second half of the line adds up. */
  static final int MONTHS = 12;

  @Inject ReportingCompleteness completeness;

  /** The line: the latest due month, then {@code months} due months up to it together. */
  public record Line(
      Period period,
      LocalDate deadline,
      ReportingCompleteness.Counts last,
      int months,
      ReportingCompleteness.Counts overall,
      String text) {}

  /** Empty when no month of {@code from}–{@code to} is due yet. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Line> of(Long unitId, LocalDate from, LocalDate to) {
    LocalDate end = to.isAfter(VietnamTime.today()) ? VietnamTime.today() : to;
    // two months more than the line needs: the latest month or two are often not due yet
    LocalDate earliest = end.withDayOfMonth(1).minusMonths(MONTHS + 1L);
    LocalDate start = from.isAfter(earliest) ? from : earliest;
    if (end.isBefore(start)) {
      return Optional.empty();
    }
    List<ReportingCompleteness.PeriodView> due =
        completeness.of(unitId, Period.Kind.MONTH, start, end).periods().stream()
            .filter(ReportingCompleteness.PeriodView::due)
            .toList();
    if (due.isEmpty()) {
      return Optional.empty();
    }
    List<ReportingCompleteness.PeriodView> counted =
        due.subList(Math.max(0, due.size() - MONTHS), due.size());
    ReportingCompleteness.PeriodView last = counted.get(counted.size() - 1);
    ReportingCompleteness.Counts overall = ReportingCompleteness.Counts.ZERO;
    for (ReportingCompleteness.PeriodView p : counted) {
      overall = overall.plus(p.counts());
    }
    return Optional.of(
        new Line(
            last.period(),
            last.deadline(),
            last.counts(),
            counted.size(),
            overall,
            text(last.period(), last.counts(), counted.size(), overall)));
  }

  /** The sentence the report prints. */
  static String text(
      Period period,
      ReportingCompleteness.Counts last,
      int months,
      ReportingCompleteness.Counts overall) {
    StringBuilder out = new StringBuilder(period.label()).append(": ");
    if (last.expected() == 0) {
      out.append("không có xã, phường nào phải báo cáo");
    } else {
      out.append(last.onTime())
          .append('/')
          .append(last.expected())
          .append(" xã, phường báo cáo đúng hạn (")
          .append(last.submitted())
          .append(" đã gửi, ")
          .append(last.approved())
          .append(" đã được duyệt)");
    }
    if (months > 1 && overall.expected() > 0) {
      out.append("; ")
          .append(months)
          .append(" tháng gần nhất: ")
          .append(overall.onTime())
          .append('/')
          .append(overall.expected())
          .append(" lượt đúng hạn");
    }
    return out.append('.').toString();
  }
}
