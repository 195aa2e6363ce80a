package vn.antq.common.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import vn.antq.common.problem.ProblemException;

/**
 * The query parameters, the path and the headers kept as data ({@code Idempotency-Key}, the
 * versions of {@code If-Match}) are refused when they hold a {@link ControlCharacters control
 * character} — a 400 problem naming the parameter, before any resource, as for JSON bodies ({@link
 * TextGuard}).
 */
public class TextParameters {
  private static final List<String> HEADERS =
      List.of("Idempotency-Key", "If-Match", "If-None-Match");

  @ServerRequestFilter(preMatching = true)
  public void refuseControlCharacters(ContainerRequestContext ctx) {
    for (Map.Entry<String, List<String>> q : ctx.getUriInfo().getQueryParameters().entrySet()) {
      check("query", q.getKey());
      for (String v : q.getValue()) {
        check(q.getKey(), v);
      }
    }
    check("path", ctx.getUriInfo().getPath());
    for (String h : HEADERS) {
      check(h, ctx.getHeaderString(h));
    }
  }

  private static void check(String name, String value) {
    int at = ControlCharacters.firstIn(value);
    if (at >= 0) {
      throw ProblemException.badRequest(name, ControlCharacters.message(value, at));
    }
  }
}
