package vn.antq.common.time;

import java.time.LocalDate;
import java.time.ZoneId;

/** Dates are civil dates in Vietnam; instants are stored in UTC. */
public final class VietnamTime {
  public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

  private VietnamTime() {}

  private static final java.time.format.DateTimeFormatter DATE =
      java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");

  public static LocalDate today() {
    return LocalDate.now(ZONE);
  }

  /** A date as Vietnamese readers write it: 01/07/2025. */
  public static String format(LocalDate date) {
    return date == null ? "" : DATE.format(date);
  }

  /** dd/MM/yyyy (also d/M/yyyy) or ISO yyyy-MM-dd; null when it is neither. */
  public static LocalDate parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = text.trim();
    try {
      if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
        return LocalDate.parse(t);
      }
      String[] p = t.split("[/.-]");
      if (p.length == 3 && p[2].length() == 4) {
        return LocalDate.of(Integer.parseInt(p[2]), Integer.parseInt(p[1]), Integer.parseInt(p[0]));
      }
    } catch (RuntimeException e) {
      return null;
    }
    return null;
  }
}
