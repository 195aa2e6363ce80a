package vn.antq.common.web;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import vn.antq.common.problem.ProblemType;

/**
 * The request line and the headers are held to 8 KB and 20 KB here, answered as every other error
 * (problem+json), rather than by the HTTP codec, whose bare 414 and 431 have no body and cannot be
 * replaced in Quarkus; the codec's own limits are set far above these ({@code
 * quarkus.http.limits.max-initial-line-length}, {@code max-header-size}).
 */
@ApplicationScoped
public class HttpLimits {
  /** The longest request target (path and query) answered. */
  public static final int MAX_URI = 8 * 1024;

  /** The most header bytes (names and values) answered. */
  public static final int MAX_HEADERS = 20 * 1024;

  void install(@Observes Router router) {
    router.route().order(-2000).handler(HttpLimits::check);
  }

  static void check(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    if (request.uri().length() > MAX_URI) {
      RouteProblems.refuse(
          ctx,
          ProblemType.URI_TOO_LONG,
          "Địa chỉ yêu cầu dài quá "
              + MAX_URI
              + " ký tự. Hãy rút gọn tham số truy vấn hoặc gửi điều kiện trong nội dung yêu cầu.");
      return;
    }
    long size = 0;
    for (Map.Entry<String, String> h : request.headers()) {
      size += h.getKey().length() + h.getValue().length() + 4;
    }
    if (size > MAX_HEADERS) {
      RouteProblems.refuse(
          ctx,
          ProblemType.HEADERS_TOO_LARGE,
          "Phần đầu của yêu cầu vượt quá "
              + (MAX_HEADERS / 1024)
              + " KB (thường do cookie hoặc"
              + " header quá lớn).");
      return;
    }
    ctx.next();
  }
}
