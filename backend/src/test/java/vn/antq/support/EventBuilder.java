package vn.antq.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Events and programmes through the API, as the test administrator. */
public final class EventBuilder {
  private EventBuilder() {}

  public static long catalogueId(String catalogue, String code) {
    return Api.given()
        .get("/api/catalogues/" + catalogue)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getLong("find { it.code == '" + code + "' }.id");
  }

  /** A propaganda session in the unit, led by it, on 19/8/2025 from 7:30 to 11:00 Vietnam time. */
  public static Map<String, Object> body(String title, long unitId) {
    Map<String, Object> body = new HashMap<>();
    body.put("typeId", catalogueId("EVENT_TYPE", "TUYEN_TRUYEN"));
    body.put("title", title);
    body.put("startsAt", "2025-08-19T07:30:00+07:00");
    body.put("endsAt", "2025-08-19T11:00:00+07:00");
    body.put("location", "Hội trường khóm 1");
    body.put("unitId", unitId);
    body.put("leadUnitId", unitId);
    body.put("attendance", 120);
    body.put("coOrganiserIds", List.of());
    return body;
  }

  public static long event(String title, long unitId) {
    return event(body(title, unitId));
  }

  /** Creates the event a {@link #body} (changed by the test) describes; its id. */
  public static long event(Map<String, Object> body) {
    return Api.json()
        .body(body)
        .post("/api/events")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath()
        .getLong("id");
  }

  public static Map<String, Object> programme(String number, long scope, List<Long> parties) {
    Map<String, Object> body = new HashMap<>();
    body.put("number", number);
    body.put("title", "Chương trình phối hợp bảo vệ an ninh trật tự");
    body.put("signedOn", "2024-01-10");
    body.put("partyIds", parties);
    body.put("scopeUnitId", scope);
    body.put("periodFrom", "2024-01-10");
    body.put("status", "IN_FORCE");
    return body;
  }
}
