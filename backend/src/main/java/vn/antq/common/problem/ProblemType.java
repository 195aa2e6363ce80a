package vn.antq.common.problem;

/** Stable problem types: the {@code type} URI never changes once published. */
public enum ProblemType {
  VALIDATION(400, "validation", "Dữ liệu không hợp lệ"),
  MALFORMED_JSON(400, "malformed-json", "Nội dung JSON không đúng cú pháp"),
  BAD_PARAMETER(400, "bad-parameter", "Tham số không hợp lệ"),
  /** Answered by the nginx front for a request it cannot parse (frontend/nginx). */
  MALFORMED_REQUEST(400, "malformed-request", "Yêu cầu HTTP không đúng định dạng"),
  UNAUTHORIZED(401, "unauthorized", "Chưa đăng nhập hoặc phiên đã hết hạn"),
  FORBIDDEN(403, "forbidden", "Không có quyền"),
  NOT_FOUND(404, "not-found", "Không tìm thấy"),
  METHOD_NOT_ALLOWED(405, "method-not-allowed", "Phương thức không được hỗ trợ"),
  NOT_ACCEPTABLE(406, "not-acceptable", "Không có định dạng phản hồi phù hợp"),
  CONFLICT(409, "conflict", "Xung đột dữ liệu"),
  PRECONDITION_FAILED(412, "precondition-failed", "Bản ghi đã bị thay đổi"),
  PAYLOAD_TOO_LARGE(413, "payload-too-large", "Nội dung gửi lên quá lớn"),
  URI_TOO_LONG(414, "uri-too-long", "Địa chỉ yêu cầu quá dài"),
  UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Kiểu nội dung không được hỗ trợ"),
  BUSINESS_RULE(422, "business-rule", "Vi phạm quy tắc nghiệp vụ"),
  PRECONDITION_REQUIRED(428, "precondition-required", "Thiếu điều kiện phiên bản (If-Match)"),
  TOO_MANY_REQUESTS(429, "too-many-requests", "Quá nhiều yêu cầu"),
  HEADERS_TOO_LARGE(431, "headers-too-large", "Phần đầu (header) của yêu cầu quá lớn"),
  INTERNAL(500, "internal", "Lỗi hệ thống"),
  SERVICE_UNAVAILABLE(503, "service-unavailable", "Dịch vụ tạm thời không sẵn sàng"),
  DATABASE_UNAVAILABLE(503, "database-unavailable", "Cơ sở dữ liệu tạm thời không sẵn sàng");

  private static final String BASE = "urn:antq:problem:";
  private final int status;
  private final String slug;
  private final String title;

  ProblemType(int status, String slug, String title) {
    this.status = status;
    this.slug = slug;
    this.title = title;
  }

  public int status() {
    return status;
  }

  public String uri() {
    return BASE + slug;
  }

  public String title() {
    return title;
  }

  /** The type that fits an HTTP status raised by the framework (404, 405, 415 …). */
  public static ProblemType forStatus(int status) {
    for (ProblemType t : values()) {
      if (t.status == status && t.status != 400) {
        return t;
      }
    }
    return status >= 500
        ? INTERNAL
        : BAD_PARAMETER; // 400 included: a parameter the framework refused
  }
}
