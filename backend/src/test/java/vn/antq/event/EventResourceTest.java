package vn.antq.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static vn.antq.support.UnitBuilder.province;
import static vn.antq.support.UnitBuilder.unit;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.antq.support.Api;
import vn.antq.support.EventBuilder;
import vn.antq.support.ModelBuilder;

/** Events, programmes and attachments: every rule of issue 5 through the API. */
@QuarkusTest
class EventResourceTest {
  static final byte[] PNG =
      java.util.Base64.getDecoder()
          .decode(
              "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

  static String officer(String role, long unitId) {
    return vn.antq.support.Users.signedIn(role, unitId);
  }

  @Test
  void aFestivalCoOrganisedByPoliceAndFrontCountsOnceWithItsProgrammeModelsAndMaterials() {
    long province = province("Tỉnh Ngày Hội").create();
    long ward = unit("WARD", "Phường Ngày Hội").under(province).create();
    long police = unit("POLICE", "Công an phường Ngày Hội").under(ward).create();
    long front = unit("FRONT_COMMITTEE", "Ủy ban MTTQ phường Ngày Hội").under(ward).create();
    long programme =
        Api.json()
            .body(
                EventBuilder.programme(
                    "09/CTr-" + UUID.randomUUID().toString().substring(0, 4),
                    ward,
                    List.of(police, front)))
            .post("/api/programmes")
            .then()
            .statusCode(201)
            .body("parties.id", contains((int) police, (int) front))
            .body("status", equalTo("IN_FORCE"))
            .extract()
            .jsonPath()
            .getLong("id");
    long model = ModelBuilder.model("Tổ tự quản ngày hội", ward);
    Map<String, Object> body = EventBuilder.body("Ngày hội toàn dân bảo vệ ANTQ năm 2025", ward);
    body.put("typeId", EventBuilder.catalogueId("EVENT_TYPE", "NGAY_HOI_19_8"));
    body.put("leadUnitId", police);
    body.put("coOrganiserIds", List.of(front));
    body.put("programmeId", programme);
    body.put("modelIds", List.of(model));
    body.put("attendance", 550);
    body.put("sessions", 1);
    body.put(
        "materials",
        List.of(
            Map.of(
                "materialTypeId",
                EventBuilder.catalogueId("MATERIAL_TYPE", "TO_ROI"),
                "quantity",
                2000),
            Map.of(
                "materialTypeId",
                EventBuilder.catalogueId("MATERIAL_TYPE", "LOA"),
                "quantity",
                3)));
    long id =
        Api.json()
            .body(body)
            .post("/api/events")
            .then()
            .statusCode(201)
            .body("startsAt", equalTo("2025-08-19T00:30:00Z"))
            .body("lead.id", equalTo((int) police))
            .body("coOrganisers.id", contains((int) front))
            .body("programme.id", equalTo((int) programme))
            .body("models.name", contains("Tổ tự quản ngày hội"))
            .body("materials.quantity", contains(2000, 3))
            .extract()
            .jsonPath()
            .getLong("id");
    // found through either organiser, counted once in the ward's list
    Api.given()
        .queryParam("organiserId", front)
        .get("/api/events")
        .then()
        .body("content.id", contains((int) id));
    Api.given()
        .queryParam("organiserId", police)
        .get("/api/events")
        .then()
        .body("content.id", contains((int) id));
    Api.given()
        .queryParam("unitId", province)
        .get("/api/events")
        .then()
        .body("totalElements", equalTo(1));
    Api.given()
        .queryParam("programmeId", programme)
        .get("/api/events")
        .then()
        .body("content.id", contains((int) id));
    Api.given().get("/api/programmes/{id}", programme).then().body("eventCount", equalTo(1));
    Api.given()
        .queryParam("unitId", province)
        .queryParam("q", "NGAY HOI toan dan")
        .get("/api/events")
        .then()
        .body("content.id", contains((int) id));
  }

  @Test
  void theRulesOfAnEvent() {
    long province = province("Tỉnh Quy Tắc").create();
    long ward = unit("WARD", "Phường Quy Tắc").under(province).create();
    Map<String, Object> backwards = EventBuilder.body("Ngược", ward);
    backwards.put("endsAt", "2025-08-19T07:00:00+07:00");
    Api.json()
        .body(backwards)
        .post("/api/events")
        .then()
        .statusCode(422)
        .body("violations[0].field", equalTo("endsAt"));
    Map<String, Object> negative = EventBuilder.body("Âm", ward);
    negative.put("attendance", -1);
    Api.json()
        .body(negative)
        .post("/api/events")
        .then()
        .statusCode(400)
        .body("violations[0].field", containsString("attendance"));
    Map<String, Object> badMaterial = EventBuilder.body("Tài liệu âm", ward);
    badMaterial.put(
        "materials",
        List.of(
            Map.of(
                "materialTypeId",
                EventBuilder.catalogueId("MATERIAL_TYPE", "TO_ROI"),
                "quantity",
                -5)));
    Api.json().body(badMaterial).post("/api/events").then().statusCode(400);
    // an organiser that was not in force on the event's day
    long closed =
        unit("POLICE", "Công an đã giải thể")
            .under(ward)
            .from("2010-01-01")
            .to("2025-03-01")
            .create();
    Map<String, Object> late = EventBuilder.body("Sau khi giải thể", ward);
    late.put("coOrganiserIds", List.of(closed));
    Api.json()
        .body(late)
        .post("/api/events")
        .then()
        .statusCode(422)
        .body("violations[0].field", equalTo("coOrganiserIds"))
        .body("violations[0].message", containsString("không hoạt động vào ngày 19/08/2025"));
    Map<String, Object> before = EventBuilder.body("Trước khi giải thể", ward);
    before.put("startsAt", "2024-08-19T07:30:00+07:00");
    before.put("endsAt", "2024-08-19T11:00:00+07:00");
    before.put("coOrganiserIds", List.of(closed));
    Api.json().body(before).post("/api/events").then().statusCode(201);
  }

  /**
   * A list counts its matches only up to the limit (25 in tests, 10,000 deployed) and says so; its
   * pages stay in order past it; an export holds every row; a province's events follow a unit that
   * moves to another province.
   */
  @Test
  void largeListsStopCountingButNotPagingAndFollowAMovedUnit() {
    long province = province("Tỉnh Đếm Trần").create();
    long ward = unit("WARD", "Phường Đếm Trần").under(province).create();
    long other = province("Tỉnh Nhận Phường").create();
    List<Integer> newestFirst = new java.util.ArrayList<>();
    for (int day = 1; day <= 27; day++) {
      Map<String, Object> e = EventBuilder.body("Tuần tra trần " + day, ward);
      String d = String.format("2025-06-%02d", day);
      e.put("startsAt", d + "T07:30:00+07:00");
      e.put("endsAt", d + "T09:00:00+07:00");
      newestFirst.add(
          0, Api.json().body(e).post("/api/events").then().statusCode(201).extract().path("id"));
    }
    Api.given()
        .queryParam("unitId", province)
        .queryParam("size", 10)
        .get("/api/events")
        .then()
        .statusCode(200)
        .body("totalCapped", equalTo(true))
        .body("totalElements", equalTo(25))
        .body("totalPages", equalTo(3))
        .body("content.id", equalTo(newestFirst.subList(0, 10)));
    Api.given()
        .queryParam("unitId", province)
        .queryParam("size", 10)
        .queryParam("page", 2)
        .get("/api/events")
        .then()
        .body("content.id", equalTo(newestFirst.subList(20, 27)));
    Api.given()
        .queryParam("unitId", ward)
        .queryParam("from", "2025-06-01")
        .queryParam("to", "2025-06-10")
        .get("/api/events")
        .then()
        .body("totalCapped", equalTo(false))
        .body("totalElements", equalTo(10));
    String csv =
        Api.given()
            .queryParam("unitId", province)
            .queryParam("format", "csv")
            .get("/api/events/export")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(csv.lines().count()).isEqualTo(28); // the header and every event
    // the ward moves to another province: its events are that province's now
    String etag = Api.given().get("/api/units/{id}", ward).then().extract().header("ETag");
    var w = Api.given().get("/api/units/{id}", ward).then().extract().jsonPath();
    Api.json()
        .header("If-Match", etag)
        .body(
            Map.of(
                "name",
                w.getString("name"),
                "kind",
                "WARD",
                "validFrom",
                w.getString("validFrom"),
                "parentId",
                other))
        .put("/api/units/{id}", ward)
        .then()
        .statusCode(200);
    Api.given()
        .queryParam("unitId", other)
        .queryParam("size", 10)
        .get("/api/events")
        .then()
        .body("totalCapped", equalTo(true))
        .body("content.id", equalTo(newestFirst.subList(0, 10)));
    Api.given()
        .queryParam("unitId", province)
        .get("/api/events")
        .then()
        .body("totalElements", equalTo(0))
        .body("totalCapped", equalTo(false));
  }

  @Test
  void dayRangesAreVietnamDays() {
    long ward = unit("WARD", "Phường Giờ").under(province("Tỉnh Giờ").create()).create();
    Map<String, Object> night = EventBuilder.body("Tuần tra đêm 18/8", ward);
    night.put("startsAt", "2025-08-18T23:00:00+07:00"); // 16:00 UTC on the 18th
    night.put("endsAt", "2025-08-18T23:45:00+07:00");
    long late =
        Api.json()
            .body(night)
            .post("/api/events")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");
    Map<String, Object> dawn = EventBuilder.body("Ra quân sáng sớm 19/8", ward);
    dawn.put("startsAt", "2025-08-19T00:30:00+07:00"); // still the 18th in UTC
    dawn.put("endsAt", "2025-08-19T02:00:00+07:00");
    long early =
        Api.json()
            .body(dawn)
            .post("/api/events")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");
    Api.given()
        .queryParam("unitId", ward)
        .queryParam("from", "2025-08-19")
        .queryParam("to", "2025-08-19")
        .get("/api/events")
        .then()
        .body("content.id", contains((int) early));
    Api.given()
        .queryParam("unitId", ward)
        .queryParam("from", "2025-08-18")
        .queryParam("to", "2025-08-18")
        .get("/api/events")
        .then()
        .body("content.id", contains((int) late));
    Api.given()
        .queryParam("from", "2025-08-19")
        .queryParam("to", "2025-08-18")
        .get("/api/events")
        .then()
        .statusCode(400);
  }

  @Test
  void aRangeFindsAnEventThatBeganLongBeforeItAlsoOnceLengthened() {
    long ward =
        unit("WARD", "Phường Chiến Dịch").under(province("Tỉnh Chiến Dịch").create()).create();
    // a campaign of 200 days: a range in its last month finds it, however long ago it began
    Map<String, Object> campaign =
        EventBuilder.body("Đợt cao điểm tấn công trấn áp tội phạm", ward);
    campaign.put("startsAt", "2020-01-01T08:00:00+07:00");
    campaign.put("endsAt", "2020-07-19T17:00:00+07:00");
    long longOne = EventBuilder.event(campaign);
    Map<String, Object> meeting = EventBuilder.body("Họp dân tổ 3", ward);
    meeting.put("startsAt", "2020-01-02T08:00:00+07:00");
    meeting.put("endsAt", "2020-01-02T10:00:00+07:00");
    long shortOne = EventBuilder.event(meeting);
    Api.given()
        .queryParam("unitId", ward)
        .queryParam("from", "2020-07-01")
        .queryParam("to", "2020-07-31")
        .get("/api/events")
        .then()
        .body("content.id", contains((int) longOne))
        .body("totalElements", equalTo(1));

    // the meeting turns into a programme of two and a half years: found in its last month
    meeting.put("endsAt", "2021-06-01T10:00:00+07:00");
    Api.json()
        .header("If-Match", Api.given().get("/api/events/{id}", shortOne).header("ETag"))
        .body(meeting)
        .put("/api/events/{id}", shortOne)
        .then()
        .statusCode(200);
    Api.given()
        .queryParam("unitId", ward)
        .queryParam("from", "2021-05-01")
        .queryParam("to", "2021-05-31")
        .get("/api/events")
        .then()
        .body("content.id", contains((int) shortOne));
    Api.given()
        .queryParam("unitId", ward)
        .queryParam("from", "2020-07-19")
        .get("/api/events")
        .then()
        .body("totalElements", equalTo(2));
  }

  @Test
  void attachmentsAreCheckedStoredApartAndServedWithTheirType() {
    long ward = unit("WARD", "Phường Tệp").under(province("Tỉnh Tệp").create()).create();
    long id = EventBuilder.event("Sự kiện có ảnh", ward);
    long png =
        Api.given()
            .contentType("application/octet-stream")
            .header("X-File-Name", "%E1%BA%A2nh%20h%E1%BB%99i%20tr%C6%B0%E1%BB%9Dng.png")
            .body(PNG)
            .post("/api/events/{id}/attachments", id)
            .then()
            .statusCode(201)
            .body("contentType", equalTo("image/png"))
            .body("fileName", equalTo("Ảnh hội trường.png"))
            .body("size", equalTo(PNG.length))
            .extract()
            .jsonPath()
            .getLong("id");
    byte[] pdf = "%PDF-1.4\n% thu\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    Api.given()
        .contentType("application/octet-stream")
        .header("X-File-Name", "bien-ban.pdf")
        .body(pdf)
        .post("/api/events/{id}/attachments", id)
        .then()
        .statusCode(201)
        .body("contentType", equalTo("application/pdf"));
    var served =
        Api.given()
            .get("/api/events/{id}/attachments/{a}", id, png)
            .then()
            .statusCode(200)
            .contentType("image/png")
            .header("X-Content-Type-Options", "nosniff")
            .extract();
    assertThat(served.asByteArray()).isEqualTo(PNG);
    // a script named .jpg is refused; so is anything over 10 MB; nothing is stored
    Api.given()
        .contentType("application/octet-stream")
        .header("X-File-Name", "anh.jpg")
        .body("<script>alert(1)</script>".getBytes())
        .post("/api/events/{id}/attachments", id)
        .then()
        .statusCode(415)
        .contentType("application/problem+json");
    byte[] big = new byte[10 * 1024 * 1024 + 1];
    big[0] = (byte) 0xFF;
    big[1] = (byte) 0xD8;
    big[2] = (byte) 0xFF;
    Api.raw()
        .contentType("application/octet-stream")
        .header("X-File-Name", "lon.jpg")
        .body(big)
        .post("/api/events/{id}/attachments", id)
        .then()
        .statusCode(413);
    Api.given().get("/api/events/{id}", id).then().body("attachments", hasSize(2));
    Api.given().delete("/api/events/{id}/attachments/{a}", id, png).then().statusCode(204);
    Api.given().get("/api/events/{id}/attachments/{a}", id, png).then().statusCode(404);
  }

  @Test
  void programmeListsArePagedFilteredAndScopedInTheDatabase() {
    long province = province("Tỉnh Trang Chương Trình").create();
    long ward = unit("WARD", "Phường Trang Chương Trình").under(province).create();
    long other = province("Tỉnh Khác Trang").create();
    List<Long> mine = new java.util.ArrayList<>();
    for (int i = 1; i <= 7; i++) {
      Map<String, Object> body =
          EventBuilder.programme(
              "P" + i + "/CTr-TRANG", i % 2 == 0 ? ward : province, List.of(ward));
      body.put("signedOn", "2024-02-0" + i);
      body.put("status", i == 7 ? "ENDED" : "IN_FORCE");
      mine.add(
          Api.json()
              .body(body)
              .post("/api/programmes")
              .then()
              .statusCode(201)
              .extract()
              .jsonPath()
              .getLong("id"));
    }
    Api.json()
        .body(EventBuilder.programme("P9/CTr-TRANG", other, List.of(other)))
        .post("/api/programmes")
        .then()
        .statusCode(201);
    String officer = officer("COMMUNE_OFFICER", ward);
    // newest first, three to a page, every programme of the officer's territory once
    List<Integer> seen = new java.util.ArrayList<>();
    for (int page = 0; page < 3; page++) {
      seen.addAll(
          Api.as(officer)
              .get("/api/programmes?q=CTr-TRANG&size=3&page=" + page)
              .then()
              .statusCode(200)
              .body("totalElements", equalTo(7))
              .body("totalPages", equalTo(3))
              .extract()
              .jsonPath()
              .getList("content.id", Integer.class));
    }
    List<Integer> expected = new java.util.ArrayList<>();
    for (int i = 6; i >= 0; i--) {
      expected.add(mine.get(i).intValue());
    }
    assertThat(seen).isEqualTo(expected);
    // filters: status, the number without diacritics or case, a unit's subtree
    Api.as(officer)
        .get("/api/programmes?q=CTr-TRANG&status=ENDED")
        .then()
        .body("content.id", contains(mine.get(6).intValue()))
        .body("content[0].parties[0].id", equalTo((int) ward))
        .body("content[0].scope.id", equalTo((int) province));
    Api.as(officer)
        .get("/api/programmes?q=p3/ctr-trang")
        .then()
        .body("content.id", contains(mine.get(2).intValue()));
    Api.as(officer)
        .get("/api/programmes?q=CTr-TRANG&unitId=" + ward)
        .then()
        .body("totalElements", equalTo(3));
    // the administrator sees the other province's too
    Api.given().get("/api/programmes?q=CTr-TRANG").then().body("totalElements", equalTo(8));
    // a national programme (no scope) is the administrators' to record, and everyone's to see;
    // a unit's subtree does not hold it
    Map<String, Object> national =
        EventBuilder.programme("P0/CTr-TRANG-TW", province, List.of(province));
    national.remove("scopeUnitId");
    long nationalId =
        Api.json()
            .body(national)
            .post("/api/programmes")
            .then()
            .statusCode(201)
            .body("scope", nullValue())
            .extract()
            .jsonPath()
            .getLong("id");
    Api.as(officer)
        .get("/api/programmes?q=CTr-TRANG-TW")
        .then()
        .body("content.id", contains((int) nationalId));
    Api.as(officer).get("/api/programmes/{id}", nationalId).then().statusCode(200);
    Api.as(officer)
        .get("/api/programmes?q=CTr-TRANG&unitId=" + ward)
        .then()
        .body("totalElements", equalTo(3));
  }

  @Test
  void programmesAreSeenInsideTheirScopeAndEventsOnlyInTheirTerritory() {
    long mine = province("Tỉnh Chương Trình").create();
    long myWard = unit("WARD", "Phường Chương Trình").under(mine).create();
    long theirs = province("Tỉnh Bên Kia").create();
    long theirWard = unit("WARD", "Phường Bên Kia").under(theirs).create();
    long provinceProgramme =
        Api.json()
            .body(EventBuilder.programme("01/CTr-T", mine, List.of(mine)))
            .post("/api/programmes")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");
    long theirProgramme =
        Api.json()
            .body(EventBuilder.programme("02/CTr-K", theirs, List.of(theirs)))
            .post("/api/programmes")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");
    long theirEvent = EventBuilder.event("Sự kiện bên kia", theirWard);
    String wardOfficer = officer("COMMUNE_OFFICER", myWard);
    // a ward officer works under the province's programme, but not under another province's
    Api.as(wardOfficer).get("/api/programmes/{id}", provinceProgramme).then().statusCode(200);
    Api.as(wardOfficer).get("/api/programmes/{id}", theirProgramme).then().statusCode(404);
    Api.as(wardOfficer)
        .get("/api/programmes")
        .then()
        .body("content.id", hasItem((int) provinceProgramme))
        .body("content.id", not(hasItem((int) theirProgramme)));
    Api.as(wardOfficer).get("/api/events/{id}", theirEvent).then().statusCode(404);
    Api.as(wardOfficer)
        .get("/api/events")
        .then()
        .body("content.id", not(hasItem((int) theirEvent)));
    Map<String, Object> intoTheirs = EventBuilder.body("Lấn sân", theirWard);
    Api.as(wardOfficer)
        .contentType("application/json")
        .body(intoTheirs)
        .post("/api/events")
        .then()
        .statusCode(422);
    // a national programme is the administrators' to write
    Map<String, Object> national =
        EventBuilder.programme("09/CTr-BCA-TTTW", myWard, List.of(myWard));
    national.remove("scopeUnitId");
    Api.as(wardOfficer)
        .contentType("application/json")
        .body(national)
        .post("/api/programmes")
        .then()
        .statusCode(422);
    // renewal names its successor
    Map<String, Object> renewed = EventBuilder.programme("01/CTr-T", mine, List.of(mine));
    renewed.put("status", "RENEWED");
    String etag = Api.given().get("/api/programmes/{id}", provinceProgramme).header("ETag");
    Api.json()
        .header("If-Match", etag)
        .body(renewed)
        .put("/api/programmes/{id}", provinceProgramme)
        .then()
        .statusCode(422)
        .body("violations[0].field", equalTo("renewedById"));
  }
}
