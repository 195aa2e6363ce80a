package vn.antq;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.antq.support.Api;

@QuarkusTest
class PlatformTest {
  @Test
  void healthIsUp() {
    Api.anonymousRaw()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.find { it.name == 'database' }.status", equalTo("UP"))
        // nothing about where the database is or what its driver said
        .body("checks.findAll { it.data != null }", org.hamcrest.Matchers.empty())
        .body(org.hamcrest.Matchers.not(containsString("jdbc")))
        .body(org.hamcrest.Matchers.not(containsString("localhost")));
  }

  @Test
  void servesTheRootContract() {
    Api.anonymousRaw()
        .accept("application/yaml")
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .body(containsString("operationId: listUnits"))
        .body(containsString("Phong trào Toàn dân bảo vệ an ninh Tổ quốc"));
  }

  @Test
  void servesTheRootContractAsJsonWhenAsked() {
    for (String path : new String[] {"/q/openapi?format=json", "/q/openapi.json"}) {
      Api.anonymousRaw()
          .get(path)
          .then()
          .statusCode(200)
          .contentType(containsString("application/json"))
          .body("openapi", org.hamcrest.Matchers.startsWith("3."))
          .body("paths.'/api/units'.get.operationId", org.hamcrest.Matchers.equalTo("listUnits"));
    }
    Api.anonymousRaw()
        .accept("application/json")
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .contentType(containsString("application/json"));
    Api.anonymousRaw()
        .get("/q/openapi.yaml")
        .then()
        .statusCode(200)
        .contentType(containsString("application/yaml"))
        .body(containsString("operationId: listUnits"));
  }

  @Test
  void servesSwaggerUi() {
    Api.anonymousRaw().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
  }
}
