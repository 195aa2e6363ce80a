package vn.antq;

import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.antq.support.Api;

/** The SPA is served at / and owns every non-API path, so bookmarks and reloads work. */
@QuarkusTest
class SpaRoutingTest {
  @Test
  void servesTheSpaAtTheRootAndOnClientRoutes() {
    for (String path : new String[] {"/", "/don-vi", "/don-vi?unit=3&all=1", "/khen-thuong"}) {
      Api.raw()
          .get(path)
          .then()
          .statusCode(200)
          .contentType(containsString("text/html"))
          .body(containsString("<div id=\"root\">"))
          .body(containsString("lang=\"vi\""));
    }
  }

  @Test
  void apiAndFilesAreNotTheSpa() {
    Api.raw().get("/api/khong-co").then().statusCode(404).contentType("application/problem+json");
    Api.raw().get("/assets/khong-co.js").then().statusCode(404);
    Api.raw().get("/q/health").then().statusCode(200).contentType(containsString("json"));
  }

  @Test
  void hashedFilesAreCachedForAYearTheEntryNeverAndBothCompressed() {
    var index =
        Api.raw()
            .header("Accept-Encoding", "gzip")
            .get("/")
            .then()
            .statusCode(200)
            .header("Cache-Control", "no-cache")
            .header("Content-Encoding", "gzip")
            .extract()
            .asString();
    java.util.regex.Matcher script =
        java.util.regex.Pattern.compile("/assets/[^\"]+\\.js").matcher(index);
    org.assertj.core.api.Assertions.assertThat(script.find()).isTrue();
    Api.raw()
        .header("Accept-Encoding", "gzip")
        .get(script.group())
        .then()
        .statusCode(200)
        .header("Cache-Control", "public, max-age=31536000, immutable")
        .header("Content-Encoding", "gzip");
    // a missing file is not cached as if it were one; the API's answers are compressed too
    Api.raw()
        .get("/assets/khong-co.js")
        .then()
        .statusCode(404)
        .header("Cache-Control", org.hamcrest.Matchers.not(containsString("immutable")));
    Api.raw()
        .header("Accept-Encoding", "gzip")
        .get("/api/units?size=100")
        .then()
        .statusCode(200)
        .header("Content-Encoding", "gzip");
  }
}
