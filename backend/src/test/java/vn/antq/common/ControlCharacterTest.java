package vn.antq.common;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import vn.antq.support.Api;

/**
 * PostgreSQL cannot store U+0000, and control characters make no sense in text: every text field of
 * every operation — each query parameter and each string property of each JSON body, read from the
 * contract — answers a 400 problem naming the field when it holds one, never a 500.
 */
@QuarkusTest
class ControlCharacterTest {
  private static final String NUL = "a\u0000b";
  private static final String ESCAPE = "a\u001bb";

  /** One request of the contract: method, path with ids filled in, the field and where it is. */
  record Probe(String method, String path, String field, boolean query) {}

  static List<Probe> probes() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setResolveFully(true);
    OpenAPI api =
        new OpenAPIV3Parser()
            .read(Path.of("..", "openapi.yaml").toAbsolutePath().toUri().toString(), null, options);
    List<Probe> out = new ArrayList<>();
    api.getPaths()
        .forEach(
            (template, item) ->
                item.readOperationsMap()
                    .forEach(
                        (method, op) -> {
                          String path = template.replaceAll("\\{[^}]+}", "1");
                          for (Parameter p : parameters(op)) {
                            if ("query".equals(p.getIn())) {
                              out.add(new Probe(method.name(), path, p.getName(), true));
                            }
                          }
                          for (String field : textProperties(op)) {
                            out.add(new Probe(method.name(), path, field, false));
                          }
                        }));
    return out;
  }

  private static List<Parameter> parameters(Operation op) {
    return op.getParameters() == null ? List.of() : op.getParameters();
  }

  /** The top-level string (and string array) properties of the operation's JSON body. */
  @SuppressWarnings("rawtypes")
  private static List<String> textProperties(Operation op) {
    if (op.getRequestBody() == null || op.getRequestBody().getContent() == null) {
      return List.of();
    }
    MediaType json = op.getRequestBody().getContent().get("application/json");
    if (json == null || json.getSchema() == null || json.getSchema().getProperties() == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    Map<String, Schema> props = json.getSchema().getProperties();
    props.forEach(
        (name, s) -> {
          if ("string".equals(s.getType())
              || (s instanceof ArraySchema a
                  && a.getItems() != null
                  && "string".equals(a.getItems().getType()))) {
            out.add(name);
          }
        });
    return out;
  }

  @Test
  void everyQueryParameterAndJsonTextFieldOfTheContractRefusesControlCharacters() {
    List<Probe> probes = probes();
    Assertions.assertTrue(probes.size() > 150, "probes: " + probes.size());
    List<String> wrong = new ArrayList<>();
    int i = 0;
    for (Probe p : probes) {
      String bad = i++ % 2 == 0 ? NUL : ESCAPE;
      var spec = Api.raw().accept(ContentType.JSON);
      Response r;
      if (p.query()) {
        r = spec.queryParam(p.field(), bad).request(p.method(), p.path());
      } else {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(p.field(), bad);
        r =
            spec.contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(body)
                .request(p.method(), p.path());
      }
      String field =
          r.getContentType().startsWith("application/problem+json")
              ? r.jsonPath().getString("violations[0].field")
              : null;
      if (r.statusCode() != 400 || !p.field().equals(field)) {
        wrong.add(
            p.method() + " " + p.path() + " " + p.field() + ": " + r.statusCode() + " " + field);
      }
    }
    Assertions.assertEquals(List.of(), wrong);
    System.out.println("control characters: " + probes.size() + " fields refused with a 400");
  }

  @Test
  void anonymousSignInWithANulInTheUserNameIsABadRequest() {
    Api.anonymous()
        .contentType(ContentType.JSON)
        .body(Map.of("username", NUL, "password", "%00"))
        .post("/api/auth/login")
        .then()
        .statusCode(400)
        .contentType(startsWith("application/problem+json"))
        .body("violations[0].field", equalTo("username"))
        .body("violations[0].message", equalTo("Không được chứa ký tự NUL (U+0000)."));
  }

  @Test
  void headersKeptAsDataAndLinesInNotesAreJudgedAlike() {
    // HTTP clients drop control characters from headers: the request is written by hand. (C0
    // controls in a header are refused earlier still, by the HTTP codec: issue 24's HTTP layer.)
    String answer =
        rawRequest(
            "GET /api/units HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + Api.adminToken()
                + "\r\nIdempotency-Key: k\u0085k\r\nConnection: close\r\n\r\n");
    Assertions.assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
    Assertions.assertTrue(answer.contains("\"field\":\"Idempotency-Key\""), answer);
    // tabs and line breaks are text; a C1 control is not
    Api.raw()
        .contentType(ContentType.JSON)
        .body(Map.of("username", "tab\there", "password", "x"))
        .post("/api/auth/login")
        .then()
        .statusCode(401);
    Api.raw()
        .contentType(ContentType.JSON)
        .body(Map.of("username", "c1\u0085", "password", "x"))
        .post("/api/auth/login")
        .then()
        .statusCode(400);
  }

  static String rawRequest(String request) {
    try (java.net.Socket socket =
        new java.net.Socket("localhost", io.restassured.RestAssured.port)) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return new String(
          socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void anImportedRowWithANulIsRefusedOnItsField() {
    long province = vn.antq.support.UnitBuilder.province("Tỉnh Ký Tự").from("2020-01-01").create();
    long commune =
        vn.antq.support.UnitBuilder.unit("COMMUNE", "Xã Ký Tự")
            .under(province)
            .from("2020-01-01")
            .create();
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("externalId", "KT-1");
    record.put("data", vn.antq.support.EventBuilder.body("Tuyên\u0000truyền", commune));
    Api.json()
        .body(Map.of("records", List.of(record)))
        .post("/api/imports/events")
        .then()
        .statusCode(org.hamcrest.Matchers.oneOf(400, 422))
        .contentType(startsWith("application/problem+json"))
        .body(
            "violations.field",
            org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.endsWith("title")))
        .body(
            "violations.message",
            org.hamcrest.Matchers.hasItem("Không được chứa ký tự NUL (U+0000)."));
  }
}
