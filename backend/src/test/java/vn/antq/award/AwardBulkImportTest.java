package vn.antq.award;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.antq.support.UnitBuilder.province;
import static vn.antq.support.UnitBuilder.unit;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.antq.support.Api;
import vn.antq.support.AwardBuilder;
import vn.antq.support.Inbox;
import vn.antq.support.Users;

/**
 * New award decisions pushed in bulk are recorded set-based (issue 24, {@link AwardBulkWriter}),
 * under exactly the rules of POST /api/awards: a decision so made reads back as one recorded by
 * hand, recipients and all; a refused row — a number twice in the batch included — writes nothing.
 */
@QuarkusTest
class AwardBulkImportTest {
  private final String run = UUID.randomUUID().toString().substring(0, 6);

  private Map<String, Object> record(String ext, Map<String, Object> data) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("externalId", run + ext);
    r.put("data", data);
    return r;
  }

  private static JsonPath push(String token, List<Map<String, Object>> rows) {
    return Api.as(token)
        .contentType(ContentType.JSON)
        .body(Map.of("records", rows))
        .post("/api/imports/awards?mode=partial")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** A decision as read back, without what differs between two copies (ids, number). */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> comparable(String token, long id) {
    Map<String, Object> m =
        new HashMap<>(
            Api.as(token)
                .get("/api/awards/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap(""));
    m.remove("id");
    m.remove("number");
    List<Map<String, Object>> recipients = new ArrayList<>();
    for (Object r : (List<Object>) m.remove("recipients")) {
      Map<String, Object> x = new HashMap<>((Map<String, Object>) r);
      x.remove("id");
      recipients.add(x);
    }
    m.put("recipients", recipients);
    return m;
  }

  @Test
  void decisionsPushedInBulkReadBackAsOnesRecordedByHand() {
    long prov = province("Tỉnh Lô Khen").from("2008-01-01").create();
    long ward = unit("WARD", "Phường Lô Khen").under(prov).from("2008-01-01").create();
    String officer = Users.signedIn("PROVINCE_OFFICER", prov);
    String wardOfficer = Users.signedIn("COMMUNE_OFFICER", ward);

    Map<String, Object> a = AwardBuilder.wardDecision(ward);
    a.put("reason", "Có thành tích trong phong trào năm 2025");
    a.put("signer", "Lê Văn Ký");
    Map<String, Object> again = new HashMap<>(AwardBuilder.wardDecision(ward));
    again.put("number", " " + a.get("number").toString().toLowerCase() + " ");
    Map<String, Object> badForm = new HashMap<>(AwardBuilder.wardDecision(ward));
    badForm.put("formId", 987654321L);
    Map<String, Object> d = AwardBuilder.wardDecision(ward);

    JsonPath pushed =
        push(
            officer,
            List.of(record("A", a), record("B", again), record("C", badForm), record("D", d)));
    assertThat(pushed.getList("rows.outcome", String.class))
        .containsExactly("CREATED", "REJECTED", "REJECTED", "CREATED");
    assertThat(pushed.getList("rows[1].violations.field", String.class))
        .containsExactly("data.number");
    assertThat(pushed.getList("rows[2].violations.field", String.class))
        .containsExactly("data.formId");

    // the ward's officer is told of each decision created, once (one statement for the batch)
    assertThat(Inbox.titles(wardOfficer, "AWARD_DECIDED"))
        .hasSize(2)
        .allSatisfy(t -> assertThat(t.toString()).startsWith("Quyết định khen thưởng số "));
    assertThat(Inbox.page(wardOfficer).getList("content.link", String.class))
        .containsExactlyInAnyOrder(
            "/khen-thuong/" + pushed.getLong("rows[0].id"),
            "/khen-thuong/" + pushed.getLong("rows[3].id"));

    Map<String, Object> byHand = new HashMap<>(a);
    byHand.put("number", "TAY-" + a.get("number"));
    long handId =
        Api.as(officer)
            .contentType(ContentType.JSON)
            .body(byHand)
            .post("/api/awards")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");
    Map<String, Object> bulk = comparable(officer, pushed.getLong("rows[0].id"));
    assertThat(bulk).isEqualTo(comparable(officer, handId));
    assertThat((List<?>) bulk.get("recipients")).hasSize(2);

    // the number is taken now, for one by one too
    Api.as(officer)
        .contentType(ContentType.JSON)
        .body(again)
        .post("/api/awards")
        .then()
        .statusCode(409);
    JsonPath taken = push(officer, List.of(record("F", again)));
    assertThat(taken.getString("rows[0].outcome")).isEqualTo("REJECTED");
    assertThat(taken.getString("rows[0].violations[0].field")).isEqualTo("data.number");
    assertThat(taken.getString("rows[0].violations[0].message")).contains("đã được ghi");
    assertThat(
            Api.as(Api.adminToken())
                .queryParam("entityType", "AWARD")
                .queryParam("entityId", pushed.getLong("rows[3].id"))
                .get("/api/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("content.action", String.class))
        .containsExactly("CREATE");
    assertThat(push(officer, List.of(record("A", a), record("D", d))).getList("rows.outcome"))
        .containsExactly("UNCHANGED", "UNCHANGED");
  }

  @Test
  void theAwardPowerInForceOnEachDecisionsDateAppliesWithinABatch() {
    long prov = province("Tỉnh Lô Thẩm Quyền").from("2008-01-01").create();
    long ward = unit("WARD", "Phường Lô Thẩm Quyền").under(prov).from("2008-01-01").create();
    String officer = Users.signedIn("PROVINCE_OFFICER", prov);
    // "Chiến sĩ thi đua cơ sở" is the commune chairman's only from 1/7/2025: the same authority
    // and form, read once for the batch, refuse the first decision and allow the second
    Map<String, Object> before = AwardBuilder.wardDecision(ward);
    before.put("formId", vn.antq.support.EventBuilder.catalogueId("AWARD_FORM", "CSTD_CO_SO"));
    before.put("decidedOn", "2025-06-30");
    Map<String, Object> after = new HashMap<>(before);
    after.put("number", "SAU-" + before.get("number"));
    after.put("decidedOn", "2025-07-02");
    JsonPath pushed = push(officer, List.of(record("P1", before), record("P2", after)));
    assertThat(pushed.getList("rows.outcome", String.class)).containsExactly("REJECTED", "CREATED");
    assertThat(pushed.getString("rows[0].violations[0].field")).isEqualTo("data.formId");
    assertThat(pushed.getString("rows[0].violations[0].message"))
        .contains("không có thẩm quyền tặng")
        .contains("vào ngày 30/06/2025; thẩm quyền này chỉ có từ 01/07/2025");
  }
}
