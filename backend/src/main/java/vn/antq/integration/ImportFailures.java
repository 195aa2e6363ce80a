package vn.antq.integration;

import java.util.List;
import vn.antq.api.model.Violation;

/**
 * How an import's transactions end other than by committing: the exceptions that carry a dry run's
 * answer, a failing row or a failed set-based create out of a transaction, and how to find them in
 * a chain of causes.
 */
final class ImportFailures {
  private ImportFailures() {}

  /** Ends a dry run's transaction by rolling it back, carrying what the rows would have done. */
  static final class DryRun extends RuntimeException {
    final transient List<ImportEngine.RowResult> rows;

    DryRun(List<ImportEngine.RowResult> rows) {
      super(null, null, false, false);
      this.rows = rows;
    }
  }

  /** The set-based path failed in the database: the chunk is applied again one row at a time. */
  static final class BulkFailed extends RuntimeException {
    BulkFailed(RuntimeException cause) {
      super(null, cause, false, false);
    }
  }

  /** A row failed at {@code position} (relative to its chunk's base) with these problems. */
  static final class RowFailed extends RuntimeException {
    final int position;
    final transient List<Violation> violations;

    RowFailed(int position, List<Violation> violations) {
      super(null, null, false, false);
      this.position = position;
      this.violations = violations;
    }
  }

  /** The innermost message of a failure, for the log. */
  static String cause(Throwable e) {
    Throwable c = e;
    while (c.getCause() != null && c.getCause() != c) {
      c = c.getCause();
    }
    return c.getMessage();
  }

  /** The {@link RowFailed} in {@code e}'s causes; {@code e} itself is thrown when there is none. */
  static RowFailed rowFailure(RuntimeException e) {
    RowFailed f = find(e, RowFailed.class);
    if (f == null) {
      throw e;
    }
    return f;
  }

  static <T extends Throwable> T find(Throwable e, Class<T> type) {
    for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (type.isInstance(c)) {
        return type.cast(c);
      }
    }
    return null;
  }

  /** A deadlock or serialization failure: the transaction was aborted, trying again may work. */
  static boolean transientFailure(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof java.sql.SQLException q
          && ("40P01".equals(q.getSQLState()) || "40001".equals(q.getSQLState()))) {
        return true;
      }
    }
    return false;
  }
}
