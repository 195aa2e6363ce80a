package vn.antq.indicator;

import java.time.LocalDate;
import vn.antq.common.problem.ProblemException;

/** A reporting period: a month or a quarter of a year. */
public record Period(Kind kind, int year, int number) {
  public enum Kind {
    MONTH,
    QUARTER
  }

  /** 422 on {@code number} when it is not a month (1–12) or a quarter (1–4). */
  public static Period of(Kind kind, int year, int number) {
    int max = kind == Kind.MONTH ? 12 : 4;
    if (number < 1 || number > max) {
      throw ProblemException.unprocessable(
          "number",
          kind == Kind.MONTH ? "Tháng phải từ 1 đến 12" : "Quý phải từ 1 đến 4 (I, II, III, IV)");
    }
    return new Period(kind, year, number);
  }

  public static Period from(LocalDate start, int months) {
    return months == 1
        ? new Period(Kind.MONTH, start.getYear(), start.getMonthValue())
        : new Period(Kind.QUARTER, start.getYear(), (start.getMonthValue() - 1) / 3 + 1);
  }

  public int months() {
    return kind == Kind.MONTH ? 1 : 3;
  }

  public LocalDate start() {
    return LocalDate.of(year, kind == Kind.MONTH ? number : (number - 1) * 3 + 1, 1);
  }

  /** The last day. */
  public LocalDate end() {
    return start().plusMonths(months()).minusDays(1);
  }

  /** "Tháng 8/2025", "Quý III/2025". */
  public String label() {
    return kind == Kind.MONTH
        ? "Tháng " + number + "/" + year
        : "Quý " + new String[] {"I", "II", "III", "IV"}[number - 1] + "/" + year;
  }
}
