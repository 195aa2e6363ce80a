package vn.antq.common.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.jboss.logging.Logger;
import vn.antq.common.problem.ProblemType;

/**
 * Serves the contract, the root {@code openapi.yaml} as it is (packaged as {@code
 * META-INF/openapi.yaml}), at {@code /q/openapi} for Swagger UI and for provincial systems: YAML,
 * or JSON when asked ({@code ?format=json}, {@code /q/openapi.json} or an {@code Accept} naming
 * JSON and not YAML). The document is the design-first contract, so nothing is scanned: SmallRye
 * OpenAPI used to parse and serialise its 190 KB at every start (≈ 280 ms of it); here it is read
 * the first time it is asked for and kept.
 */
@ApplicationScoped
public class ContractRoute {
  static final String PATH = "/q/openapi";
  private static final Logger LOG = Logger.getLogger(ContractRoute.class);

  /** Where the packaged contract is, on the class path. */
  private final String resource;

  private volatile Buffer yaml;
  private volatile Buffer json;

  ContractRoute() {
    this("META-INF/openapi.yaml");
  }

  ContractRoute(String resource) {
    this.resource = resource;
  }

  void install(@Observes Router router) {
    for (String path : new String[] {PATH, PATH + ".yaml", PATH + ".yml", PATH + ".json"}) {
      router.route(HttpMethod.GET, path).handler(this::serve);
      router.route(HttpMethod.HEAD, path).handler(this::serve);
    }
  }

  void serve(RoutingContext ctx) {
    boolean asJson = wantsJson(ctx);
    // reading and converting the document blocks: off the event loop
    ctx.vertx()
        .executeBlocking(() -> asJson ? json() : yaml(), false)
        .onSuccess(
            body ->
                ctx.response()
                    .putHeader(
                        "Content-Type",
                        asJson
                            ? "application/json;charset=UTF-8"
                            : "application/yaml;charset=UTF-8")
                    .putHeader("Cache-Control", "no-cache")
                    .end(ctx.request().method() == HttpMethod.HEAD ? Buffer.buffer() : body))
        .onFailure(
            e -> {
              // a build that did not package the contract, or a document that does not parse:
              // said as every other error is, not as the HTTP layer's bare page
              LOG.errorf(e, "the contract %s could not be served", resource);
              RouteProblems.answer(
                  ctx,
                  ProblemType.INTERNAL,
                  "Máy chủ không đọc được tài liệu đặc tả API (openapi.yaml). Hãy báo cho quản"
                      + " trị hệ thống.");
            });
  }

  static boolean wantsJson(RoutingContext ctx) {
    String path = ctx.normalizedPath();
    if (path.endsWith(".json")) {
      return true;
    }
    if (path.endsWith(".yaml") || path.endsWith(".yml")) {
      return false;
    }
    String format = ctx.request().getParam("format");
    if (format != null) {
      return format.equalsIgnoreCase("json");
    }
    String accept = ctx.request().getHeader("Accept");
    return accept != null && accept.contains("json") && !accept.contains("yaml");
  }

  Buffer yaml() {
    Buffer b = yaml;
    if (b == null) {
      try (InputStream in = ContractRoute.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException(resource + " is not packaged");
        }
        b = Buffer.buffer(in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      yaml = b;
    }
    return b;
  }

  Buffer json() {
    Buffer b = json;
    if (b == null) {
      try {
        Object tree = new YAMLMapper().readTree(yaml().getBytes());
        b =
            Buffer.buffer(
                new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(tree));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      json = b;
    }
    return b;
  }
}
