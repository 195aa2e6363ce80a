package vn.antq.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Award decisions and powers through the API, as the test administrator. */
public final class AwardBuilder {
  private AwardBuilder() {}

  /** The ward chairman's Giấy khen of 2/9/2025 for the unit and one of its people. */
  public static Map<String, Object> wardDecision(long unitId) {
    Map<String, Object> body = new HashMap<>();
    body.put("number", UUID.randomUUID().toString().substring(0, 6) + "/QĐ-UBND");
    body.put("decidedOn", "2025-09-02");
    body.put("authorityId", EventBuilder.catalogueId("AWARD_AUTHORITY", "CT_UBND_XA"));
    body.put("unitId", unitId);
    body.put("formId", EventBuilder.catalogueId("AWARD_FORM", "GIAY_KHEN"));
    body.put("typeId", EventBuilder.catalogueId("AWARD_TYPE", "CHUYEN_DE"));
    body.put(
        "recipients",
        List.of(
            Map.of("kind", "COLLECTIVE", "unitId", unitId),
            Map.of("kind", "INDIVIDUAL", "fullName", "Nguyễn Văn Khen", "unitId", unitId)));
    return body;
  }

  public static long award(long unitId) {
    return Api.json()
        .body(wardDecision(unitId))
        .post("/api/awards")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath()
        .getLong("id");
  }

  /** A power of a fresh authority (its own catalogue item) to grant Giấy khen since 2020. */
  public static Map<String, Object> powerBody() {
    String code = "CQ_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    long authority =
        Api.json()
            .body(Map.of("code", code, "name", "Cơ quan " + code, "validFrom", "2020-01-01"))
            .post("/api/catalogues/AWARD_AUTHORITY")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");
    Map<String, Object> body = new HashMap<>();
    body.put("authorityId", authority);
    body.put("formId", EventBuilder.catalogueId("AWARD_FORM", "GIAY_KHEN"));
    body.put("validFrom", "2020-01-01");
    return body;
  }

  public static long power() {
    return Api.json()
        .body(powerBody())
        .post("/api/award-powers")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath()
        .getLong("id");
  }
}
