package vn.antq.common.web;

import vn.antq.common.problem.ProblemException;
import vn.antq.common.problem.ProblemType;

/** Versions exposed as strong ETags ({@code "3"}) and checked through {@code If-Match}. */
public final class Etags {
  private Etags() {}

  /**
   * A response carrying a record and its version as the entity tag, for the {@code If-Match} of the
   * next write.
   */
  public static <T> jakarta.ws.rs.core.Response withEtag(
      jakarta.ws.rs.core.Response.ResponseBuilder builder,
      T body,
      java.util.function.Function<T, Long> version) {
    return builder
        .tag(new jakarta.ws.rs.core.EntityTag(String.valueOf(version.apply(body))))
        .entity(body)
        .build();
  }

  public static String of(long version) {
    return "\"" + version + "\"";
  }

  /**
   * The version the caller read, from its {@code If-Match} header: 428 when missing, 412 when it is
   * not a version this server could have issued.
   */
  public static long requireVersion(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank()) {
      throw new ProblemException(
          ProblemType.PRECONDITION_REQUIRED,
          "Hãy gửi header If-Match với giá trị ETag đọc được khi mở bản ghi, để tránh ghi đè"
              + " thay đổi của người khác.");
    }
    String v = ifMatch.trim();
    if (v.startsWith("W/")) {
      v = v.substring(2);
    }
    if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
      v = v.substring(1, v.length() - 1);
    }
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw stale();
    }
  }

  /** 412 unless the version the caller read is the current one. */
  public static void check(long expected, long current) {
    if (expected != current) {
      throw stale();
    }
  }

  public static ProblemException stale() {
    return new ProblemException(
        ProblemType.PRECONDITION_FAILED,
        "Bản ghi đã được người khác sửa sau khi bạn mở. Hãy tải lại để xem dữ liệu mới nhất rồi"
            + " sửa lại.");
  }
}
