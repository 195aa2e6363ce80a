package vn.antq.common.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import vn.antq.api.model.Problem;
import vn.antq.api.model.Violation;

/**
 * Turns every failure into {@code application/problem+json} (RFC 9457) with Vietnamese words. No
 * class names, stack traces or SQL ever reach the caller.
 */
public class ProblemMappers {
  public static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");
  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  @ServerExceptionMapper
  public Response problem(ProblemException e, UriInfo uri) {
    Response r = respond(e.type(), e.getMessage(), e.violations(), uri);
    if (e.status() == 401) {
      return Response.fromResponse(r).header("WWW-Authenticate", "Bearer").build();
    }
    if (e.retryAfterSeconds() > 0) {
      return Response.fromResponse(r).header("Retry-After", e.retryAfterSeconds()).build();
    }
    return r;
  }

  @ServerExceptionMapper
  public Response unauthorized(io.quarkus.security.UnauthorizedException e, UriInfo uri) {
    return unauthenticated(uri);
  }

  @ServerExceptionMapper
  public Response authenticationFailed(
      io.quarkus.security.AuthenticationFailedException e, UriInfo uri) {
    return unauthenticated(uri);
  }

  @ServerExceptionMapper
  public Response forbidden(io.quarkus.security.ForbiddenException e, UriInfo uri) {
    return respond(
        ProblemType.FORBIDDEN,
        "Tài khoản của bạn không có quyền thực hiện thao tác này.",
        List.of(),
        uri);
  }

  private static Response unauthenticated(UriInfo uri) {
    Response r =
        respond(
            ProblemType.UNAUTHORIZED,
            "Vui lòng đăng nhập (hoặc gửi khóa API hợp lệ) để tiếp tục.",
            List.of(),
            uri);
    return Response.fromResponse(r).header("WWW-Authenticate", "Bearer").build();
  }

  @ServerExceptionMapper
  public Response beanValidation(ResteasyReactiveViolationException e, UriInfo uri) {
    if (e.getConstraintViolations().stream().anyMatch(v -> v.getExecutableReturnValue() != null)) {
      return internal(e, uri);
    }
    return validation(e, uri);
  }

  @ServerExceptionMapper
  public Response validation(ConstraintViolationException e, UriInfo uri) {
    List<Violation> violations =
        e.getConstraintViolations().stream()
            .map(v -> ProblemException.violation(fieldOf(v), messageOf(v)))
            .sorted(Comparator.comparing(Violation::getField))
            .toList();
    return respond(
        ProblemType.VALIDATION,
        "Vui lòng kiểm tra lại: "
            + violations.stream()
                .map(v -> v.getField() + " — " + v.getMessage())
                .collect(Collectors.joining("; ")),
        violations,
        uri);
  }

  /**
   * The constraint's message, except where the generic pattern message (written for codes) would
   * mislead: a phone number says what a phone number may hold.
   */
  static String messageOf(ConstraintViolation<?> v) {
    String field = fieldOf(v);
    boolean pattern =
        v.getConstraintDescriptor().getAnnotation()
            instanceof jakarta.validation.constraints.Pattern;
    if (pattern && (field.equals("phone") || field.endsWith(".phone"))) {
      return "Số điện thoại chỉ gồm chữ số, dấu cách và các dấu + . ( ) * -";
    }
    return v.getMessage();
  }

  @ServerExceptionMapper
  public Response malformed(JsonParseException e, UriInfo uri) {
    String where =
        e.getLocation() == null
            ? ""
            : " (dòng "
                + e.getLocation().getLineNr()
                + ", cột "
                + e.getLocation().getColumnNr()
                + ")";
    return respond(
        ProblemType.MALFORMED_JSON,
        "Nội dung gửi lên không phải JSON hợp lệ" + where + ".",
        List.of(),
        uri);
  }

  @ServerExceptionMapper
  public Response mismatched(MismatchedInputException e, UriInfo uri) {
    return jsonMapping(e, uri);
  }

  @ServerExceptionMapper
  public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
    return jsonMapping(e, uri);
  }

  @ServerExceptionMapper
  public Response jsonMapping(JsonMappingException e, UriInfo uri) {
    String field = pathOf(e);
    String missing = missingProperty(e);
    if (missing != null && !field.equals(missing) && !field.endsWith("." + missing)) {
      field = field.isEmpty() ? missing : field + "." + missing;
    }
    String message = describeExpected(e);
    if (field.isEmpty()) {
      return respond(ProblemType.MALFORMED_JSON, message, List.of(), uri);
    }
    return respond(
        ProblemType.VALIDATION,
        "Trường \"" + field + "\": " + message,
        List.of(ProblemException.violation(field, message)),
        uri);
  }

  @ServerExceptionMapper
  public Response otherJson(JsonProcessingException e, UriInfo uri) {
    return respond(
        ProblemType.MALFORMED_JSON, "Nội dung gửi lên không phải JSON hợp lệ.", List.of(), uri);
  }

  @ServerExceptionMapper
  public Response stale(OptimisticLockException e, UriInfo uri) {
    return staleVersion(uri);
  }

  @ServerExceptionMapper
  public Response staleHibernate(StaleStateException e, UriInfo uri) {
    return staleVersion(uri);
  }

  @ServerExceptionMapper
  public Response constraint(org.hibernate.exception.ConstraintViolationException e, UriInfo uri) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if ("23505".equals(state)) {
      return respond(
          ProblemType.CONFLICT,
          "Dữ liệu trùng với một bản ghi đã có (" + constraintLabel(e.getConstraintName()) + ").",
          List.of(),
          uri);
    }
    LOG.warnf("Database constraint %s rejected a write: %s", e.getConstraintName(), state);
    return respond(
        ProblemType.BUSINESS_RULE,
        "Dữ liệu vi phạm ràng buộc (" + constraintLabel(e.getConstraintName()) + ").",
        List.of(),
        uri);
  }

  @ServerExceptionMapper
  public Response web(WebApplicationException e, UriInfo uri) {
    int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
    if (status >= 500) {
      return internal(e, uri);
    }
    // the JSON reader wraps Jackson's failures: answer them as such
    for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
      if (c instanceof JsonParseException jpe) {
        return malformed(jpe, uri);
      }
      if (c instanceof JsonMappingException jme) {
        return jsonMapping(jme, uri);
      }
    }
    ProblemType type = ProblemType.forStatus(status);
    String detail =
        switch (status) {
          case 400 -> "Yêu cầu không hợp lệ: kiểm tra lại tham số và nội dung gửi lên.";
          case 404 -> "Không tìm thấy địa chỉ hoặc bản ghi được yêu cầu.";
          case 405 -> "Địa chỉ này không hỗ trợ phương thức " + methodHint(e) + ".";
          case 406 -> "Máy chủ chỉ trả về application/json.";
          case 413 -> "Nội dung gửi lên vượt quá giới hạn cho phép.";
          case 415 -> "Hãy gửi nội dung với Content-Type: application/json.";
          default -> type.title();
        };
    if (status == 404 && isParamConversion(e)) {
      return respond(
          ProblemType.BAD_PARAMETER,
          "Tham số trên đường dẫn hoặc truy vấn có giá trị không hợp lệ.",
          List.of(),
          uri);
    }
    return respond(type, detail, List.of(), uri, status);
  }

  @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
  public Response internal(Throwable e, UriInfo uri) {
    if (DatabaseOutage.causedBy(e)) {
      return databaseUnavailable(e, uri);
    }
    LOG.error("Unexpected failure on " + (uri == null ? "?" : uri.getPath()), e);
    return respond(
        ProblemType.INTERNAL,
        "Đã xảy ra lỗi không mong muốn. Vui lòng thử lại sau hoặc báo cho quản trị viên.",
        List.of(),
        uri);
  }

  /** 503 with Retry-After: the database is down or out of reach; try again in a few seconds. */
  static Response databaseUnavailable(Throwable e, UriInfo uri) {
    LOG.warn(
        "Database unavailable on "
            + (uri == null ? "?" : uri.getPath())
            + ": "
            + e.getClass().getSimpleName());
    Response r =
        respond(
            ProblemType.DATABASE_UNAVAILABLE,
            "Cơ sở dữ liệu tạm thời không sẵn sàng, không xác nhận được yêu cầu đã được thực hiện."
                + " Vui lòng thử lại sau ít giây; gửi lại với cùng Idempotency-Key thì yêu cầu không"
                + " bị thực hiện hai lần.",
            List.of(),
            uri);
    return Response.fromResponse(r)
        .header("Retry-After", String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS))
        .build();
  }

  public static Response staleVersion(UriInfo uri) {
    return respond(
        ProblemType.PRECONDITION_FAILED,
        "Bản ghi đã được người khác sửa sau khi bạn mở. Hãy tải lại để xem dữ liệu mới nhất rồi sửa lại.",
        List.of(),
        uri);
  }

  static Response respond(
      ProblemType type, String detail, List<Violation> violations, UriInfo uri) {
    return respond(type, detail, violations, uri, type.status());
  }

  static Response respond(
      ProblemType type, String detail, List<Violation> violations, UriInfo uri, int status) {
    Problem body =
        new Problem()
            .type(type.uri())
            .title(type.title())
            .status(status)
            .detail(detail)
            .instance(uri == null ? null : uri.getPath());
    if (!violations.isEmpty()) {
      body.setViolations(new ArrayList<>(violations));
    }
    return Response.status(status).type(PROBLEM_JSON).entity(body).build();
  }

  private static boolean isParamConversion(WebApplicationException e) {
    Throwable cause = e.getCause();
    return cause != null && !(cause instanceof WebApplicationException);
  }

  private static String methodHint(WebApplicationException e) {
    Object allow = e.getResponse().getHeaders().getFirst("Allow");
    return allow == null ? "này" : "này (cho phép: " + allow + ")";
  }

  private static String fieldOf(ConstraintViolation<?> v) {
    // createUnit.unitInput.name -> name ; listUnits.size -> size ; mergeUnits.mergeRequest.x -> x
    List<String> names = new ArrayList<>();
    for (Path.Node node : v.getPropertyPath()) {
      switch (node.getKind()) {
        case PARAMETER, PROPERTY -> {
          String name = node.getName();
          if (node.getIndex() != null && !names.isEmpty()) {
            int last = names.size() - 1;
            names.set(last, names.get(last) + "[" + node.getIndex() + "]");
          }
          if (name != null && !name.startsWith("<")) {
            names.add(name);
          }
        }
        default -> {}
      }
    }
    if (names.size() > 1 && isBodyParameter(names.get(0))) {
      names.remove(0);
    }
    return String.join(".", names);
  }

  private static boolean isBodyParameter(String name) {
    return name.endsWith("Input") || name.endsWith("Request");
  }

  static String pathOf(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  private static final java.util.regex.Pattern MISSING_PROPERTY =
      java.util.regex.Pattern.compile("Missing required creator property '([^']+)'");

  private static String missingProperty(JsonMappingException e) {
    java.util.regex.Matcher m = MISSING_PROPERTY.matcher(String.valueOf(e.getOriginalMessage()));
    return m.find() ? m.group(1) : null;
  }

  private static String describeExpected(JsonMappingException e) {
    if (e instanceof RefusedValue) {
      return e.getOriginalMessage();
    }
    if (missingProperty(e) != null) {
      return "Bắt buộc nhập";
    }
    JavaType type = null;
    if (e instanceof MismatchedInputException mie && mie.getTargetType() != null) {
      return expectedFor(mie.getTargetType());
    }
    if (e instanceof com.fasterxml.jackson.databind.exc.ValueInstantiationException vie) {
      type = vie.getType();
    }
    if (type != null) {
      return expectedFor(type.getRawClass());
    }
    return "Giá trị không hợp lệ.";
  }

  private static String expectedFor(Class<?> target) {
    if (target.isEnum()) {
      return "Giá trị không hợp lệ; chỉ chấp nhận: "
          + Arrays.stream(target.getEnumConstants())
              .map(Object::toString)
              .collect(Collectors.joining(", "))
          + ".";
    }
    if (Number.class.isAssignableFrom(target)
        || target == int.class
        || target == long.class
        || target == double.class) {
      return "Cần một số.";
    }
    if (target == Boolean.class || target == boolean.class) {
      return "Cần giá trị true hoặc false.";
    }
    if (target == String.class) {
      return "Cần một chuỗi ký tự.";
    }
    if (target == java.time.LocalDate.class) {
      return "Cần một ngày theo định dạng yyyy-MM-dd.";
    }
    if (target == java.time.OffsetDateTime.class || target == java.time.Instant.class) {
      return "Cần thời điểm theo định dạng ISO 8601.";
    }
    if (java.util.Collection.class.isAssignableFrom(target)) {
      return "Cần một danh sách.";
    }
    return "Cần một đối tượng JSON.";
  }

  private static String constraintLabel(String constraint) {
    if (constraint == null) {
      return "ràng buộc dữ liệu";
    }
    return switch (constraint) {
      case "unit_active_code_uq" -> "mã đơn vị đã được dùng bởi một đơn vị đang hiệu lực";
      case "unit_lineage_uq" -> "quan hệ kế thừa này đã được ghi nhận";
      default -> "ràng buộc dữ liệu";
    };
  }
}
