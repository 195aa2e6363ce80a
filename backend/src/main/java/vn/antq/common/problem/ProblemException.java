package vn.antq.common.problem;

import java.util.List;
import vn.antq.api.model.Violation;

/**
 * A failure the caller can act on, answered as {@code application/problem+json}. Thrown by
 * services; mapped by {@link ProblemMappers}.
 *
 * <p>Read-only checks that other services call ({@code requireActive}, {@code requireActiveOn},
 * {@code require}) declare {@code dontRollbackOn = ProblemException.class}: their refusal is the
 * caller's to handle. A bulk import rejects the row and goes on in the same transaction; a
 * single-record endpoint still rolls back, as the exception leaves its own {@code @Transactional}
 * method.
 */
public class ProblemException extends RuntimeException {
  private final int status;
  private final ProblemType type;
  private final List<Violation> violations;
  private final long retryAfterSeconds;

  public ProblemException(ProblemType type, String detail) {
    this(type, detail, List.of());
  }

  public ProblemException(ProblemType type, String detail, List<Violation> violations) {
    this(type, detail, violations, 0);
  }

  /** A problem the caller may retry after the given number of seconds ({@code Retry-After}). */
  public ProblemException(
      ProblemType type, String detail, List<Violation> violations, long retryAfterSeconds) {
    super(detail, null, false, false);
    this.status = type.status();
    this.type = type;
    this.violations = List.copyOf(violations);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  public int status() {
    return status;
  }

  public ProblemType type() {
    return type;
  }

  public List<Violation> violations() {
    return violations;
  }

  /**
   * The same problem about a part of a larger record: each violation's field under {@code prefix}
   * ({@code date} → {@code history[2].date}), or the prefix itself when the problem named none.
   */
  public ProblemException under(String prefix) {
    List<Violation> moved =
        violations.isEmpty()
            ? List.of(violation(prefix, getMessage()))
            : violations.stream()
                .map(
                    v ->
                        violation(
                            v.getField() == null ? prefix : prefix + "." + v.getField(),
                            v.getMessage()))
                .toList();
    return new ProblemException(type, getMessage(), moved, retryAfterSeconds);
  }

  public static ProblemException notFound(String detail) {
    return new ProblemException(ProblemType.NOT_FOUND, detail);
  }

  public static ProblemException badRequest(String field, String message) {
    return new ProblemException(
        ProblemType.VALIDATION, message, List.of(violation(field, message)));
  }

  public static ProblemException unprocessable(String field, String message) {
    return new ProblemException(
        ProblemType.BUSINESS_RULE, message, List.of(violation(field, message)));
  }

  public static ProblemException conflict(String field, String message) {
    return new ProblemException(
        ProblemType.CONFLICT,
        message,
        field == null ? List.of() : List.of(violation(field, message)));
  }

  public static Violation violation(String field, String message) {
    return new Violation().field(field).message(message);
  }
}
