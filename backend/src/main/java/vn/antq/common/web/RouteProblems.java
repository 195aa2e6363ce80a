package vn.antq.common.web;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import vn.antq.common.problem.ProblemType;

/**
 * Problems written by the routes and router filters that run outside JAX-RS ({@link HttpLimits},
 * {@link BodyLimits}, {@link ContractRoute}): the same problem+json as the application's mappers;
 * for a refusal the connection closed too, because what was refused (a body, an oversized head) is
 * not read.
 */
final class RouteProblems {
  /** The longest path echoed back as the problem's {@code instance}. */
  private static final int MAX_INSTANCE = 200;

  private RouteProblems() {}

  static void refuse(RoutingContext ctx, ProblemType type, String detail) {
    ctx.response().putHeader("Connection", "close");
    answer(ctx, type, detail);
  }

  /** The problem as the answer to a request that was read in full. */
  static void answer(RoutingContext ctx, ProblemType type, String detail) {
    String path = ctx.request().path();
    ctx.response()
        .setStatusCode(type.status())
        .putHeader("Content-Type", "application/problem+json")
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
