package vn.antq.support;

import io.restassured.path.json.JsonPath;
import java.util.List;

/** A person's notifications, read through the API as they would in the bell's list. */
public final class Inbox {
  private Inbox() {}

  public static JsonPath page(String token) {
    return Api.as(token)
        .queryParam("size", 100)
        .get("/api/notifications")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** The kinds of the person's notifications, newest first. */
  public static List<String> kinds(String token) {
    return page(token).getList("content.kind", String.class);
  }

  /** The titles of the person's notifications of a kind, newest first. */
  public static List<String> titles(String token, String kind) {
    return page(token).getList("content.findAll { it.kind == '" + kind + "' }.title", String.class);
  }
}
