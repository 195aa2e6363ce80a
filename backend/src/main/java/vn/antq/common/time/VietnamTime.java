package vn.antq.common.time;

import java.time.LocalDate;
import java.time.ZoneId;

/** Dates are civil dates in Vietnam; instants are stored in UTC. */
public final class VietnamTime {
  public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

  private VietnamTime() {}

  public static LocalDate today() {
    return LocalDate.now(ZONE);
  }
}
