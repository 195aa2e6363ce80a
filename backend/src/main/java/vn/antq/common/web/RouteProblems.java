package vn.antq.common.web;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import vn.antq.common.problem.ProblemType;

/**
 * Refusals written by the router filters that run before JAX-RS ({@link HttpLimits}, {@link
 * BodyLimits}): the same problem+json as the application's mappers, and the connection closed,
 * because what was refused (a body, an oversized head) is not read.
 */
final class RouteProblems {
  /** The longest path echoed back as the problem's {@code instance}. */
  private static final int MAX_INSTANCE = 200;

  private RouteProblems() {}

  static void refuse(RoutingContext ctx, ProblemType type, String detail) {
    String path = ctx.request().path();
    ctx.response()
        .setStatusCode(type.status())
        .putHeader("Content-Type", "application/problem+json")
        .putHeader("Connection", "close")
        .end(
            new JsonObject()
                .put("type", type.uri())
                .put("title", type.title())
                .put("status", type.status())
                .put("detail", detail)
                .put("instance", path == null || path.length() > MAX_INSTANCE ? null : path)
                .encode());
  }
}
