package vn.antq.common.web;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract route when the contract cannot be read (a build that did not package it, a document
 * that does not parse): a problem+json like every other error, not the HTTP layer's bare error
 * page. Served by the route alone on a Vert.x server of its own.
 */
class ContractRouteTest {
  private Vertx vertx;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, SECONDS);
  }

  private HttpResponse<String> get(String resource, String path) throws Exception {
    Router router = Router.router(vertx);
    new ContractRoute(resource).install(router);
    HttpServer server =
        vertx
            .createHttpServer()
            .requestHandler(router)
            .listen(0)
            .toCompletionStage()
            .toCompletableFuture()
            .get(10, SECONDS);
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + server.actualPort() + path))
                .build(),
            BodyHandlers.ofString());
  }

  private static void assertInternalProblem(HttpResponse<String> answer) {
    assertEquals(500, answer.statusCode(), answer.body());
    assertEquals(
        "application/problem+json", answer.headers().firstValue("Content-Type").orElse(null));
    assertTrue(answer.body().contains("\"type\":\"urn:antq:problem:internal\""), answer.body());
    assertTrue(answer.body().contains("\"status\":500"), answer.body());
    assertTrue(answer.body().contains("tài liệu đặc tả API"), answer.body());
  }

  @Test
  void aContractNotPackagedIsAProblem() throws Exception {
    assertInternalProblem(get("META-INF/no-such-contract.yaml", ContractRoute.PATH));
    assertInternalProblem(get("META-INF/no-such-contract.yaml", ContractRoute.PATH + ".json"));
  }

  @Test
  void aContractThatDoesNotParseIsAProblemWhenJsonIsAsked() throws Exception {
    // as YAML it is served as it is, byte for byte
    HttpResponse<String> yaml = get("contract/broken.yaml", ContractRoute.PATH + ".yaml");
    assertEquals(200, yaml.statusCode());
    assertTrue(yaml.body().startsWith("openapi: 3.0.3"), yaml.body());
    // turned into JSON it has to be parsed
    assertInternalProblem(get("contract/broken.yaml", ContractRoute.PATH + "?format=json"));
  }

  @Test
  void thePackagedContractIsServedInBothForms() throws Exception {
    HttpResponse<String> yaml = get("META-INF/openapi.yaml", ContractRoute.PATH);
    assertEquals(200, yaml.statusCode());
    assertTrue(yaml.body().startsWith("openapi:"), yaml.body().substring(0, 40));
    HttpResponse<String> json = get("META-INF/openapi.yaml", ContractRoute.PATH + ".json");
    assertEquals(200, json.statusCode());
    assertTrue(json.body().contains("\"openapi\" : \"3."), json.body().substring(0, 80));
  }
}
