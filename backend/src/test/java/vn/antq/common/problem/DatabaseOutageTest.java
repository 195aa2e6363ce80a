package vn.antq.common.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import vn.antq.api.model.Problem;

/** Which failures are the database out of reach (503, try again) and which are bugs (500). */
class DatabaseOutageTest {
  @Test
  void aLostOrRefusedConnectionIsAnOutage() {
    // as Hibernate wraps PostgreSQL's driver when the server went away mid-request
    var lost = new SQLException("An I/O error occurred while sending to the backend.", "08006");
    assertTrue(
        DatabaseOutage.causedBy(
            new org.hibernate.exception.JDBCConnectionException("could not execute", lost)));
    assertTrue(DatabaseOutage.causedBy(new RuntimeException(new SQLException("refused", "08001"))));
    assertTrue(DatabaseOutage.causedBy(new SQLException("shutting down", "57P01")));
    assertTrue(
        DatabaseOutage.causedBy(
            new IllegalStateException(
                new SQLTransientConnectionException("Acquisition timeout while waiting"))));
    // Agroal's own, as Hibernate wraps it when every connection is held by statements that wait
    // for a database that stopped answering (SQL state null: it was a 500 before)
    assertTrue(
        DatabaseOutage.causedBy(
            new org.hibernate.exception.GenericJDBCException(
                "Unable to acquire JDBC Connection",
                new SQLException(
                    "Acquisition timeout while waiting for new connection",
                    new java.util.concurrent.TimeoutException()))));
    assertTrue(
        DatabaseOutage.causedBy(
            new org.hibernate.exception.GenericJDBCException(
                "Unable to acquire JDBC Connection",
                new SQLException("Sorry, acquisition timeout!"))));
  }

  @Test
  void aRefusedStatementOrABugIsNot() {
    assertFalse(DatabaseOutage.causedBy(new SQLException("duplicate key", "23505")));
    assertFalse(DatabaseOutage.causedBy(new SQLException("syntax", "42601")));
    assertFalse(DatabaseOutage.causedBy(new NullPointerException()));
    assertFalse(DatabaseOutage.causedBy(new SQLException("Sorry, acquisition timeout!", "23505")));
    assertFalse(DatabaseOutage.causedBy(new SQLException("Interrupted while acquiring")));
  }

  @Test
  void theAnswerIsA503ProblemWithRetryAfter() {
    Response r =
        new ProblemMappers()
            .internal(new RuntimeException(new SQLException("gone", "08006")), null);
    assertEquals(503, r.getStatus());
    assertEquals("5", r.getHeaderString("Retry-After"));
    Problem p = (Problem) r.getEntity();
    assertEquals("urn:antq:problem:database-unavailable", String.valueOf(p.getType()));
    assertEquals("Cơ sở dữ liệu tạm thời không sẵn sàng", p.getTitle());
  }
}
