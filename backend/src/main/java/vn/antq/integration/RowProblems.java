package vn.antq.integration;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import vn.antq.api.model.Violation;
import vn.antq.common.problem.ProblemException;

/** What went wrong with one imported row, in the words the single-record endpoints use. */
final class RowProblems {
  private static final Logger LOG = Logger.getLogger(RowProblems.class);

  private RowProblems() {}

  /** A problem with the record's own fields (externalId, version), not with its data. */
  static final class RecordProblem extends RuntimeException {
    final transient List<Violation> violations;

    RecordProblem(String field, String message) {
      super(message, null, false, false);
      this.violations = List.of(violation(field, message));
    }
  }

  static Violation violation(String field, String message) {
    return ProblemException.violation(field, message);
  }

  /** The violations of a failure inside a row, fields relative to the record ({@code data.x}). */
  static List<Violation> of(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof RecordProblem r) {
        return r.violations;
      }
      if (t instanceof ProblemException p) {
        List<Violation> out = new ArrayList<>();
        for (Violation v : p.violations()) {
          out.add(
              violation(v.getField() == null ? "data" : "data." + v.getField(), v.getMessage()));
        }
        if (out.isEmpty()) {
          out.add(violation("data", p.getMessage()));
        }
        return out;
      }
      if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
        return List.of(
            violation(
                "version", "Bản ghi vừa được người khác sửa cùng lúc; hãy gửi lại dòng này."));
      }
      if (t instanceof org.hibernate.exception.ConstraintViolationException c) {
        String message =
            "23505".equals(c.getSQLState())
                ? "Dữ liệu trùng với một bản ghi đã có."
                : "Dữ liệu vi phạm ràng buộc của cơ sở dữ liệu.";
        return List.of(violation("data", message));
      }
      if (t instanceof jakarta.validation.ConstraintViolationException c) {
        return c.getConstraintViolations().stream()
            .map(v -> violation("data." + v.getPropertyPath(), v.getMessage()))
            .toList();
      }
      if (t instanceof PersistenceException && t.getCause() == null) {
        break;
      }
    }
    LOG.error("Unexpected failure while importing a row", failure);
    return List.of(
        violation("data", "Không lưu được dòng này do lỗi hệ thống; hãy báo cho quản trị viên."));
  }
}
