package vn.antq.common.problem;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.TimeoutException;

/**
 * Whether a failure means the database cannot be reached right now — the server is down or
 * restarting, the network to it is gone, or no connection could be had from the pool in time —
 * rather than a fault of the request or of the code: such a request is answered 503 with {@code
 * Retry-After}, and the same request may succeed a few seconds later.
 */
public final class DatabaseOutage {
  private DatabaseOutage() {}

  /** Seconds a caller is asked to wait before trying again. */
  public static final int RETRY_AFTER_SECONDS = 5;

  public static boolean causedBy(Throwable e) {
    int depth = 0;
    for (Throwable c = e; c != null && depth++ < 20; c = c.getCause()) {
      if (c instanceof SQLTransientConnectionException) {
        return true; // the pool gave up waiting for a connection
      }
      if (c instanceof SQLException sql && poolTimedOut(sql)) {
        return true;
      }
      if (c instanceof SQLException sql && unreachable(sql.getSQLState())) {
        return true;
      }
      String name = c.getClass().getName();
      if (name.equals("org.hibernate.exception.JDBCConnectionException")) {
        return true;
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return false;
  }

  /**
   * Agroal gave up waiting for a connection (every one held, or none could be made): it says so
   * with a plain {@link SQLException}, without a state, either caused by a {@link TimeoutException}
   * ("Acquisition timeout while waiting for new connection") or not ("Sorry, acquisition timeout!",
   * when the pool is at its maximum).
   */
  static boolean poolTimedOut(SQLException e) {
    if (e.getSQLState() != null) {
      return false;
    }
    String message = String.valueOf(e.getMessage());
    return e.getCause() instanceof TimeoutException
        || message.startsWith("Acquisition timeout")
        || message.startsWith("Sorry, acquisition timeout");
  }

  /**
   * SQL states of a connection that failed or could not be made (class 08), and of a server
   * shutting down or starting (57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect
   * now).
   */
  static boolean unreachable(String state) {
    return state != null
        && (state.startsWith("08")
            || state.equals("57P01")
            || state.equals("57P02")
            || state.equals("57P03"));
  }
}
