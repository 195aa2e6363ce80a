package vn.antq.common.web;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.regex.Pattern;
import vn.antq.common.problem.ProblemType;

/**
 * Request bodies are small (2 MB) except the file uploads that need more (10 MB attachments). The
 * HTTP layer's own limit ({@code quarkus.http.limits.max-body-size}) is set for the largest; this
 * filter holds every other route to the small one, by the declared length, before anything is read.
 */
@ApplicationScoped
public class BodyLimits {
  public static final long SMALL = 2L * 1024 * 1024;
  private static final Pattern UPLOADS = Pattern.compile("^/api/events/[0-9]+/attachments/?$");

  void install(@Observes Router router) {
    router
        .route()
        .order(-1000)
        .handler(
            ctx -> {
              String length = ctx.request().getHeader("Content-Length");
              if (length != null && !UPLOADS.matcher(ctx.request().path()).matches()) {
                long declared;
                try {
                  declared = Long.parseLong(length.trim());
                } catch (NumberFormatException e) {
                  declared = 0;
                }
                if (declared > SMALL) {
                  ProblemType t = ProblemType.PAYLOAD_TOO_LARGE;
                  ctx.response()
                      .setStatusCode(413)
                      .putHeader("Content-Type", "application/problem+json")
                      .putHeader("Connection", "close")
                      .end(
                          new JsonObject()
                              .put("type", t.uri())
                              .put("title", t.title())
                              .put("status", 413)
                              .put("detail", "Nội dung gửi lên vượt quá giới hạn 2 MB.")
                              .put("instance", ctx.request().path())
                              .encode());
                  return;
                }
              }
              ctx.next();
            });
  }
}
