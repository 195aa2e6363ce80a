package vn.antq.common.web;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.regex.Pattern;
import vn.antq.common.problem.ProblemType;

/**
 * Request bodies are small (2 MB) except those that need more: file uploads (10 MB), batches of
 * 1,000 records (5 MB) and import jobs of 100,000 records (64 MB). The HTTP layer's own limit
 * ({@code quarkus.http.limits.max-body-size}) is set for the largest; this filter holds every other
 * route to the small one, by the declared length, before anything is read.
 */
@ApplicationScoped
public class BodyLimits {
  public static final long SMALL = 2L * 1024 * 1024;
  private static final Pattern UPLOADS =
      Pattern.compile("^/api/(events/[0-9]+/attachments|import-jobs/file)/?$");
  private static final Pattern BATCHES = Pattern.compile("^/api/imports/[a-z]+/?$");
  private static final Pattern JOBS = Pattern.compile("^/api/import-jobs/?$");

  /** a batch of 1,000 records */
  public static final long BATCH = 5L * 1024 * 1024;

  /** an import job of up to 100,000 records */
  public static final long JOB = 64L * 1024 * 1024;

  void install(@Observes Router router) {
    router
        .route()
        .order(-1000)
        .handler(
            ctx -> {
              String length = ctx.request().getHeader("Content-Length");
              String path = ctx.request().path();
              if (length != null && !UPLOADS.matcher(path).matches()) {
                long limit =
                    JOBS.matcher(path).matches()
                        ? JOB
                        : BATCHES.matcher(path).matches() ? BATCH : SMALL;
                long declared;
                try {
                  declared = Long.parseLong(length.trim());
                } catch (NumberFormatException e) {
                  declared = 0;
                }
                if (declared > limit) {
                  RouteProblems.refuse(
                      ctx,
                      ProblemType.PAYLOAD_TOO_LARGE,
                      "Nội dung gửi lên vượt quá giới hạn " + (limit >> 20) + " MB.");
                  return;
                }
              }
              ctx.next();
            });
  }
}
