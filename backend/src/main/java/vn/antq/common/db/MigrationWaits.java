package vn.antq.common.db;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.Executor;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Every use of the database waits at most {@code ANTQ_DB_READ_TIMEOUT} seconds for an answer (the
 * driver's {@code socketTimeout}): a server or a network that stopped answering then fails the
 * request with a 503 instead of holding it, and a connection of the pool, for as long as it stays
 * away. Migrations are the exception: one statement may build an index over every event of a
 * national database for minutes. Flyway's connections wait without a limit and have the pool's
 * limit back when they are returned (Agroal does not reset a connection's network timeout).
 */
@ApplicationScoped
public class MigrationWaits implements FlywayConfigurationCustomizer {
  private static final Executor DIRECT = Runnable::run;

  @Override
  public void customize(FluentConfiguration configuration) {
    DataSource pooled = configuration.getDataSource();
    if (pooled != null) {
      configuration.dataSource(new Unbounded(pooled));
    }
  }

  /** Connections of {@code pooled} that wait for answers without a limit until closed. */
  static final class Unbounded implements DataSource {
    private final DataSource pooled;

    Unbounded(DataSource pooled) {
      this.pooled = pooled;
    }

    @Override
    public Connection getConnection() throws SQLException {
      return unbounded(pooled.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      return unbounded(pooled.getConnection(username, password));
    }

    private static Connection unbounded(Connection c) throws SQLException {
      int limit;
      try {
        limit = c.getNetworkTimeout();
        c.setNetworkTimeout(DIRECT, 0);
      } catch (SQLException e) {
        c.close(); // back to the pool (Agroal discards a connection whose driver failed)
        throw e;
      }
      InvocationHandler handler = (proxy, method, args) -> call(c, limit, method, args);
      return (Connection)
          Proxy.newProxyInstance(
              Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }

    private static Object call(Connection c, int limit, Method method, Object[] args)
        throws Throwable {
      if (method.getName().equals("close") && method.getParameterCount() == 0) {
        try {
          if (!c.isClosed()) {
            c.setNetworkTimeout(DIRECT, limit);
          }
        } finally {
          // returned to the pool even when its limit could not be set again: the driver's failure
          // has marked it for Agroal to discard rather than lend again
          c.close();
        }
        return null;
      }
      try {
        return method.invoke(c, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
      return pooled.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
      pooled.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
      pooled.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
      return pooled.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      return pooled.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      return type.isInstance(this) ? type.cast(this) : pooled.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
      return type.isInstance(this) || pooled.isWrapperFor(type);
    }
  }
}
