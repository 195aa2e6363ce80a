package vn.antq.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static vn.antq.support.UnitBuilder.province;
import static vn.antq.support.UnitBuilder.unit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.antq.support.Api;
import vn.antq.support.EventBuilder;
import vn.antq.support.ModelBuilder;
import vn.antq.support.Sql;
import vn.antq.support.UnitBuilder;
import vn.antq.support.Users;

/** Issue 8 through the API: idempotent bulk import, jobs, files, the change feed, exports. */
@QuarkusTest
class IntegrationResourceTest {
  @Inject EntityManager em;

  void sql(String statement, Object... params) {
    Sql.execute(em, statement, params);
  }

  /**
   * A key left RUNNING by an instance that died (no heartbeat in cluster_instance) is taken over by
   * the retry, on whichever instance it lands; one held by a live instance still answers 409 (issue
   * 10).
   */
  @Test
  void aKeyHeldByADeadInstanceIsTakenOverAndOneHeldByALiveInstanceWaits() {
    long province = province("Tỉnh Khóa Mồ Côi").create();
    long commune = unit("COMMUNE", "Xã Khóa Mồ Côi").under(province).create();
    String officer = Users.signedIn("COMMUNE_OFFICER", commune);
    String key = UUID.randomUUID().toString();
    List<Map<String, Object>> one =
        List.of(record("MC-1", ModelBuilder.body("Tổ tự quản mồ côi", commune)));
    java.util.function.Supplier<io.restassured.response.ValidatableResponse> send =
        () ->
            Api.as(officer)
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(Map.of("records", one))
                .post("/api/imports/models")
                .then();
    send.get().statusCode(200).body("rows[0].outcome", equalTo("CREATED"));

    // the instance that ran it died before it stored the answer
    sql(
        "UPDATE idempotency_key SET state = 'RUNNING', status = NULL, body = NULL,"
            + " owner = 'dead-instance/1' WHERE key = ?1",
        key);
    send.get()
        .statusCode(200)
        .header("Idempotent-Replayed", nullValue())
        .body("rows[0].outcome", equalTo("UNCHANGED"));
    assertThat(count(officer, "models", commune)).isEqualTo(1);

    // an instance that is alive (its heartbeat is fresh) is still working on it
    sql("INSERT INTO cluster_instance (id) VALUES ('live-instance/1') ON CONFLICT DO NOTHING");
    sql(
        "UPDATE idempotency_key SET state = 'RUNNING', status = NULL, body = NULL,"
            + " owner = 'live-instance/1' WHERE key = ?1",
        key);
    send.get().statusCode(409).contentType("application/problem+json").header("Retry-After", "2");
    sql("DELETE FROM cluster_instance WHERE id = 'live-instance/1'");
    send.get().statusCode(200).body("rows[0].outcome", equalTo("UNCHANGED"));
  }

  static Map<String, Object> record(String externalId, Map<String, Object> data) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("externalId", externalId);
    r.put("data", data);
    return r;
  }

  static JsonPath push(String token, String resource, String mode, List<Map<String, Object>> rows) {
    return Api.as(token)
        .contentType(ContentType.JSON)
        .body(Map.of("records", rows))
        .post("/api/imports/" + resource + (mode == null ? "" : "?mode=" + mode))
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** The records of a list in a unit: its total, or its pages counted when the total is capped. */
  static long count(String token, String list, long unitId) {
    long seen = 0;
    for (int page = 0; ; page++) {
      var p =
          Api.as(token)
              .get("/api/" + list + "?size=200&page=" + page + "&unitId=" + unitId)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      if (!Boolean.TRUE.equals(p.get("totalCapped"))) {
        return p.getLong("totalElements");
      }
      int rows = p.getList("content").size();
      seen += rows;
      if (rows < 200) {
        return seen;
      }
    }
  }

  @Test
  void aReplayedBatchCreatesNothingNewAndAKeyReturnsTheFirstAnswer() {
    long province = province("Tỉnh Đồng Bộ").create();
    long commune = unit("COMMUNE", "Xã Đồng Bộ").under(province).create();
    String officer = Users.signedIn("COMMUNE_OFFICER", commune);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      rows.add(record("MH-" + i, ModelBuilder.body("Tổ tự quản số " + i, commune)));
    }
    JsonPath first = push(officer, "models", null, rows);
    assertThat(first.getList("rows.outcome")).containsExactly("CREATED", "CREATED", "CREATED");
    assertThat(first.getInt("counts.created")).isEqualTo(3);
    assertThat(first.getBoolean("applied")).isTrue();

    JsonPath again = push(officer, "models", null, rows);
    assertThat(again.getList("rows.outcome"))
        .containsExactly("UNCHANGED", "UNCHANGED", "UNCHANGED");
    assertThat(again.getList("rows.id")).isEqualTo(first.getList("rows.id"));
    assertThat(count(officer, "models", commune)).isEqualTo(3);

    // one record changed: updated in place, with its new version
    rows.get(1).put("data", ModelBuilder.body("Tổ tự quản số 2 (đổi tên)", commune));
    JsonPath changed = push(officer, "models", null, rows);
    assertThat(changed.getList("rows.outcome"))
        .containsExactly("UNCHANGED", "UPDATED", "UNCHANGED");
    long id = changed.getLong("rows[1].id");
    Api.as(officer)
        .get("/api/models/{id}", id)
        .then()
        .body("name", equalTo("Tổ tự quản số 2 (đổi tên)"))
        .body("version", equalTo(changed.getInt("rows[1].version")));
    assertThat(count(officer, "models", commune)).isEqualTo(3);

    // a stale version is refused for that record
    Map<String, Object> stale = record("MH-3", ModelBuilder.body("Sửa theo bản cũ", commune));
    stale.put("version", 99);
    Api.as(officer)
        .contentType(ContentType.JSON)
        .body(Map.of("records", List.of(stale)))
        .post("/api/imports/models")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("violations.field", hasItem("records[0].version"));

    // Idempotency-Key: the retry gets the first answer, even though the data changed meanwhile
    String key = UUID.randomUUID().toString();
    List<Map<String, Object>> one =
        List.of(record("MH-4", ModelBuilder.body("Tổ tự quản số 4", commune)));
    String body =
        Api.as(officer)
            .contentType(ContentType.JSON)
            .header("Idempotency-Key", key)
            .body(Map.of("records", one))
            .post("/api/imports/models")
            .then()
            .statusCode(200)
            .body("rows[0].outcome", equalTo("CREATED"))
            .extract()
            .asString();
    String retried =
        Api.as(officer)
            .contentType(ContentType.JSON)
            .header("Idempotency-Key", key)
            .body(Map.of("records", one))
            .post("/api/imports/models")
            .then()
            .statusCode(200)
            .header("Idempotent-Replayed", "true")
            .extract()
            .asString();
    assertThat(JsonPath.from(retried).getMap("")).isEqualTo(JsonPath.from(body).getMap(""));
    assertThat(count(officer, "models", commune)).isEqualTo(4);
    Api.as(officer)
        .contentType(ContentType.JSON)
        .header("Idempotency-Key", key)
        .body(Map.of("records", List.of(record("MH-5", ModelBuilder.body("Khác", commune)))))
        .post("/api/imports/models")
        .then()
        .statusCode(422)
        .body("violations.field", hasItem("Idempotency-Key"));
    // another client's key of the same text is its own
    String other = Users.signedIn("COMMUNE_OFFICER", commune);
    Api.as(other)
        .contentType(ContentType.JSON)
        .header("Idempotency-Key", key)
        .body(Map.of("records", one))
        .post("/api/imports/models")
        .then()
        .statusCode(200)
        .body("rows[0].outcome", equalTo("CREATED"));
  }

  @Test
  void oneBadRowRejectsTheBatchOrOnlyItselfInPartialMode() {
    long province = province("Tỉnh Lô Lỗi").create();
    long commune = unit("COMMUNE", "Xã Lô Lỗi").under(province).create();
    long foreign = unit("COMMUNE", "Xã Ngoài").under(province("Tỉnh Ngoài Lô").create()).create();
    String officer = Users.signedIn("COMMUNE_OFFICER", commune);
    List<Map<String, Object>> rows = new ArrayList<>();
    rows.add(record("SK-1", EventBuilder.body("Tuyên truyền khóm 1", commune)));
    rows.add(record("SK-2", EventBuilder.body("Ngoài địa bàn", foreign)));
    Map<String, Object> late = EventBuilder.body("Kết thúc trước khi bắt đầu", commune);
    late.put("endsAt", "2025-08-19T06:00:00+07:00");
    rows.add(record("SK-3", late));
    Map<String, Object> untyped = EventBuilder.body("Thiếu loại", commune);
    untyped.remove("typeId");
    rows.add(record("SK-4", untyped));
    rows.add(record("SK-5", EventBuilder.body("Tuyên truyền khóm 2", commune)));

    var problem =
        Api.as(officer)
            .contentType(ContentType.JSON)
            .body(Map.of("records", rows))
            .post("/api/imports/events")
            .then()
            .statusCode(422)
            .contentType("application/problem+json")
            .extract()
            .jsonPath();
    assertThat(problem.getList("violations.field", String.class))
        .contains("records[3].data.typeId");
    assertThat(count(officer, "events", commune)).isZero();
    // structural problems are answered before anything runs; then the rules, row by row
    rows.remove(3);
    problem =
        Api.as(officer)
            .contentType(ContentType.JSON)
            .body(Map.of("records", rows))
            .post("/api/imports/events")
            .then()
            .statusCode(422)
            .extract()
            .jsonPath();
    assertThat(problem.getList("violations.field", String.class))
        .contains("records[1].data.unitId", "records[2].data.endsAt");
    assertThat(problem.getString("detail")).startsWith("Có 2 bản ghi không hợp lệ");
    assertThat(count(officer, "events", commune)).isZero();

    JsonPath partial = push(officer, "events", "partial", rows);
    assertThat(partial.getList("rows.outcome"))
        .containsExactly("CREATED", "REJECTED", "REJECTED", "CREATED");
    assertThat(partial.getList("rows[1].violations.field")).contains("data.unitId");
    assertThat(partial.getInt("counts.rejected")).isEqualTo(2);
    assertThat(count(officer, "events", commune)).isEqualTo(2);

    // deleted: true removes the record pushed under that id
    Map<String, Object> gone = new HashMap<>();
    gone.put("externalId", "SK-1");
    gone.put("deleted", true);
    JsonPath deleted = push(officer, "events", null, List.of(gone));
    assertThat(deleted.getList("rows.outcome")).containsExactly("DELETED");
    assertThat(count(officer, "events", commune)).isEqualTo(1);
    // a dry run answers what would happen and writes nothing
    JsonPath dry =
        Api.as(officer)
            .contentType(ContentType.JSON)
            .body(Map.of("records", List.of(rows.get(0))))
            .post("/api/imports/events?dryRun=true")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(dry.getList("rows.outcome")).containsExactly("CREATED");
    assertThat(dry.getBoolean("applied")).isFalse();
    assertThat(count(officer, "events", commune)).isEqualTo(1);

    Api.as(officer)
        .contentType(ContentType.JSON)
        .body(Map.of("records", rows))
        .post("/api/imports/members")
        .then()
        .statusCode(400);
    // limits: more than 1,000 records is a 422 that points at jobs; more than 5 MB a 413
    List<Map<String, Object>> many = new ArrayList<>();
    for (int i = 0; i < 1001; i++) {
      many.add(record("N-" + i, EventBuilder.body("Lô lớn " + i, commune)));
    }
    Api.as(officer)
        .contentType(ContentType.JSON)
        .body(Map.of("records", many))
        .post("/api/imports/events")
        .then()
        .statusCode(422)
        .body("violations[0].field", equalTo("records"))
        .body("detail", containsString("tối đa 1.000 bản ghi (lô này có 1.001)"));
    Map<String, Object> huge = EventBuilder.body("Quá lớn", commune);
    huge.put("outcome", "x".repeat(6 * 1024 * 1024));
    Api.as(officer)
        .contentType(ContentType.JSON)
        .body(Map.of("records", List.of(record("H-1", huge))))
        .post("/api/imports/events")
        .then()
        .statusCode(413)
        .contentType("application/problem+json");
    assertThat(count(officer, "events", commune)).isEqualTo(1);
    Api.as(Users.signedIn("VIEWER", commune))
        .contentType(ContentType.JSON)
        .body(Map.of("records", rows))
        .post("/api/imports/events")
        .then()
        .statusCode(403);
  }

  static JsonPath waitFor(String token, String location) throws InterruptedException {
    for (int i = 0; i < 300; i++) {
      JsonPath job = Api.as(token).get(location).then().statusCode(200).extract().jsonPath();
      String state = job.getString("state");
      if (state.equals("SUCCEEDED") || state.equals("FAILED")) {
        return job;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the job did not finish");
  }

  long single(String query, Object... params) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              var q = em.createNativeQuery(query);
              for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
              }
              return ((Number) q.getSingleResult()).longValue();
            });
  }

  /**
   * New events of a batch are created together (issue 9, T6): the same rules as one by one, each
   * refused row rejected on its own, links, audit trail, change log and pre-aggregates written for
   * every created event; a row the database refuses sends its chunk back one row at a time.
   */
  @Test
  void newEventsAreCreatedTogetherUnderTheSameRulesAsOneByOne() {
    long province = province("Tỉnh Nhập Gộp").create();
    long commune = unit("COMMUNE", "Xã Nhập Gộp").under(province).create();
    long hamlet = unit("HAMLET", "Ấp Nhập Gộp").under(commune).create();
    long foreign = unit("COMMUNE", "Xã Láng Giềng Nhập Gộp").under(province).create();
    long model = ModelBuilder.model("Tổ tự quản nhập gộp", commune);
    long leaflets = EventBuilder.catalogueId("MATERIAL_TYPE", "TO_ROI");
    String officer = Users.signedIn("COMMUNE_OFFICER", commune);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      Map<String, Object> data = EventBuilder.body("Sinh hoạt tổ " + i, commune);
      data.put("coOrganiserIds", List.of(hamlet));
      data.put("modelIds", List.of(model));
      data.put("materials", List.of(Map.of("materialTypeId", leaflets, "quantity", 10)));
      data.put("attendance", 20);
      rows.add(record("G-" + i, data));
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> outside = (Map<String, Object>) rows.get(10).get("data");
    outside.put("unitId", foreign);
    @SuppressWarnings("unchecked")
    Map<String, Object> backwards = (Map<String, Object>) rows.get(20).get("data");
    backwards.put("endsAt", "2025-08-19T06:00:00+07:00");
    @SuppressWarnings("unchecked")
    Map<String, Object> poison = (Map<String, Object>) rows.get(230).get("data");
    poison.put("title", "Bị cơ sở dữ liệu từ chối");

    // the database refuses row 230 (a check the application does not know of): its chunk of 200
    // fails in one statement and is applied again row by row
    sql(
        "ALTER TABLE event ADD CONSTRAINT event_test_refused"
            + " CHECK (title <> 'Bị cơ sở dữ liệu từ chối') NOT VALID");
    JsonPath partial;
    try {
      partial = push(officer, "events", "partial", rows);
    } finally {
      sql("ALTER TABLE event DROP CONSTRAINT event_test_refused");
    }
    List<String> outcomes = partial.getList("rows.outcome");
    assertThat(outcomes).hasSize(250);
    assertThat(partial.getInt("counts.created")).isEqualTo(247);
    assertThat(outcomes.get(10)).isEqualTo("REJECTED");
    assertThat(partial.getList("rows[10].violations.field")).containsExactly("data.unitId");
    assertThat(outcomes.get(20)).isEqualTo("REJECTED");
    assertThat(partial.getList("rows[20].violations.field")).containsExactly("data.endsAt");
    assertThat(outcomes.get(230)).isEqualTo("REJECTED");
    assertThat(partial.getString("rows[230].violations[0].message"))
        .isEqualTo("Dữ liệu vi phạm ràng buộc của cơ sở dữ liệu.");
    assertThat(partial.getLong("rows[0].id")).isPositive();
    assertThat(partial.getLong("rows[0].version")).isZero();
    assertThat(partial.getLong("rows[249].id")).isPositive();
    assertThat(count(officer, "events", commune)).isEqualTo(247);
    assertThat(single("SELECT count(*) FROM event WHERE unit_id = ?1", foreign)).isZero();

    // what one event created through POST /api/events has, every created event has
    long first = partial.getLong("rows[0].id");
    Api.as(officer)
        .get("/api/events/" + first)
        .then()
        .statusCode(200)
        .body("title", equalTo("Sinh hoạt tổ 0"))
        .body("coOrganisers.id", hasItem((int) hamlet))
        .body("models.id", hasItem((int) model))
        .body("materials[0].quantity", equalTo(10));
    String events = "(SELECT id FROM event WHERE unit_id = " + commune + ")";
    assertThat(single("SELECT count(*) FROM event_organiser WHERE event_id IN " + events))
        .isEqualTo(247);
    assertThat(single("SELECT count(*) FROM event_model WHERE event_id IN " + events))
        .isEqualTo(247);
    assertThat(
            single(
                "SELECT count(*) FROM audit_event WHERE entity_type = 'EVENT'"
                    + " AND action = 'CREATE' AND entity_id IN "
                    + events))
        .isEqualTo(247);
    assertThat(
            single(
                "SELECT count(DISTINCT entity_id) FROM change_log WHERE entity_type = 'EVENT'"
                    + " AND entity_id IN "
                    + events))
        .isEqualTo(247);
    assertThat(single("SELECT sum(events) FROM stat_event_month WHERE unit_id = ?1", commune))
        .isEqualTo(247);
    assertThat(single("SELECT sum(attendance) FROM stat_event_year WHERE unit_id = ?1", commune))
        .isEqualTo(247 * 20);
    assertThat(
            single("SELECT sum(events) FROM stat_event_bucket_year WHERE bucket_id = ?1", commune))
        .isEqualTo(247);
    assertThat(single("SELECT sum(quantity) FROM stat_material_month WHERE unit_id = ?1", commune))
        .isEqualTo(247 * 10);

    // sent again: the created rows are unchanged, the two the rules refuse are refused again, and
    // the one the database refused (no longer) is created
    JsonPath again = push(officer, "events", "partial", rows);
    assertThat(again.getInt("counts.unchanged")).isEqualTo(247);
    assertThat(again.getInt("counts.created")).isEqualTo(1);
    assertThat(again.getInt("counts.rejected")).isEqualTo(2);
    assertThat(count(officer, "events", commune)).isEqualTo(248);
  }

  /** {@code n} event records of a commune; the one at {@code bad} has no title. */
  static List<Map<String, Object>> eventRecords(
      String idPrefix, String title, long commune, int n, int bad) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(record(idPrefix + i, EventBuilder.body(title + i, commune)));
    }
    rows.get(bad).put("data", EventBuilder.body("", commune));
    return rows;
  }

  /**
   * A job's records are kept in chunks of 1,000 (one stored row each); a job kept one record per
   * row (before chunks, e.g. queued across an upgrade) still runs, and its preview still applies.
   */
  @Test
  void jobsKeepTheirRecordsInChunksAndStillRunJobsKeptOneRecordPerRow() throws Exception {
    long province = province("Tỉnh Khối Dòng").create();
    long commune = unit("COMMUNE", "Xã Khối Dòng").under(province).create();
    String officer = Users.signedIn("COMMUNE_OFFICER", commune);
    List<Map<String, Object>> rows = eventRecords("K-", "Tuần tra khối ", commune, 2500, 1500);
    String preview =
        Api.as(officer)
            .contentType(ContentType.JSON)
            .body(Map.of("records", rows))
            .post("/api/import-jobs?resource=events&mode=partial&dryRun=true")
            .then()
            .statusCode(202)
            .body("total", equalTo(2500))
            .extract()
            .header("Location");
    long previewId = Long.parseLong(preview.substring(preview.lastIndexOf('/') + 1));
    assertThat(single("SELECT count(*) FROM import_job_row WHERE job_id = ?1", previewId))
        .isEqualTo(3);
    JsonPath previewed = waitFor(officer, preview);
    assertThat(previewed.getInt("counts.created")).isEqualTo(2499);
    assertThat(previewed.getInt("errors[0].index")).isEqualTo(1500);

    // the same records kept the way jobs were kept before: one record per stored row
    sql(
        "INSERT INTO import_job_row (job_id, idx, record) SELECT r.job_id,"
            + " CAST(e ->> 'index' AS integer) + 100000, CAST(e AS text) FROM import_job_row r,"
            + " jsonb_array_elements(CAST(r.record AS jsonb)) e WHERE r.job_id = ?1",
        previewId);
    sql("DELETE FROM import_job_row WHERE job_id = ?1 AND idx < 100000", previewId);
    sql("UPDATE import_job_row SET idx = idx - 100000 WHERE job_id = ?1", previewId);
    assertThat(single("SELECT count(*) FROM import_job_row WHERE job_id = ?1", previewId))
        .isEqualTo(2500);
    String applied =
        Api.as(officer)
            .post(preview + "/apply")
            .then()
            .statusCode(202)
            .extract()
            .header("Location");
    JsonPath job = waitFor(officer, applied);
    assertThat(job.getString("state")).isEqualTo("SUCCEEDED");
    assertThat(job.getInt("counts.created")).isEqualTo(2499);
    assertThat(job.getInt("errors[0].index")).isEqualTo(1500);
    assertThat(count(officer, "events", commune)).isEqualTo(2499);
  }

  /**
   * A partial job's chunks are applied by two lanes side by side and commit in any order; a job
   * whose instance stopped goes on with the chunks it had not committed — by the ranges each commit
   * recorded, or, for a job stopped before ranges were recorded, after its first {@code done} rows
   * — and applies nothing twice.
   */
  @Test
  void aStoppedJobGoesOnWithTheChunksItHadNotCommitted() throws Exception {
    long province = province("Tỉnh Làn Nhập").create();
    long commune = unit("COMMUNE", "Xã Làn Nhập").under(province).create();
    String officer = Users.signedIn("COMMUNE_OFFICER", commune);
    List<Map<String, Object>> rows = eventRecords("L-", "Họp tổ làn ", commune, 3000, 2500);
    rows.get(500).put("data", EventBuilder.body("", commune));
    String location = submitJob(officer, rows, "resource=events&mode=partial");
    long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    JsonPath job = waitFor(officer, location);
    assertThat(job.getString("state")).isEqualTo("SUCCEEDED");
    assertThat(job.getInt("counts.created")).isEqualTo(2998);
    // errors in row order, whichever lane committed first
    assertThat(job.getList("errors.index")).containsExactly(500, 2500);
    assertThat(single("SELECT sum(to_pos - from_pos) FROM import_job_done WHERE job_id = ?1", id))
        .isEqualTo(3000);
    assertThat(single("SELECT sum(events) FROM stat_event_month WHERE unit_id = ?1", commune))
        .isEqualTo(2998);

    // the instance died before the chunk of rows 1,000 to 1,999 committed
    forgetRows(id, 1000, 2000);
    job = resumedAfterACrash(officer, location, id, " AND from_pos = 1000", "created = 1998");
    assertThat(job.getInt("done")).isEqualTo(3000);
    assertThat(count(officer, "events", commune)).isEqualTo(2998);

    // a job stopped before this version recorded no ranges: its first `done` rows were committed
    forgetRows(id, 2000, 3000);
    job =
        resumedAfterACrash(
            officer,
            location,
            id,
            "",
            "created = 1999, rejected = 1,"
                + " errors = jsonb_path_query_array(errors, '$[*] ? (@.index < 2000)')");
    assertThat(job.getList("errors.index")).containsExactly(500, 2500);
    assertThat(count(officer, "events", commune)).isEqualTo(2998);
    assertThat(single("SELECT sum(events) FROM stat_event_month WHERE unit_id = ?1", commune))
        .isEqualTo(2998);
  }

  /**
   * Leaves the job as an instance that died after 2,000 rows would have (RUNNING, its lease run
   * out, the ranges {@code lost} not committed, the given counts), waits for a live worker to
   * finish it, and checks that it created the rows not committed and nothing twice.
   */
  private JsonPath resumedAfterACrash(
      String officer, String location, long id, String lost, String counts) throws Exception {
    sql("DELETE FROM import_job_done WHERE job_id = ?1" + lost, id);
    sql(
        "UPDATE import_job SET state = 'RUNNING', lease_owner = 'an-instance-that-died',"
            + " lease_until = now() - interval '1 minute', finished_at = NULL, done = 2000, "
            + counts
            + " WHERE id = ?1",
        id);
    JsonPath job = waitFor(officer, location);
    assertThat(job.getString("state")).isEqualTo("SUCCEEDED");
    assertThat(job.getInt("counts.created")).isEqualTo(2998);
    assertThat(job.getInt("counts.unchanged")).isZero();
    return job;
  }

  /** Submits rows as an import job (202); its Location. */
  static String submitJob(String token, List<Map<String, Object>> rows, String query) {
    return Api.as(token)
        .contentType(ContentType.JSON)
        .body(Map.of("records", rows))
        .post("/api/import-jobs?" + query)
        .then()
        .statusCode(202)
        .extract()
        .header("Location");
  }

  /** Takes back what a job's rows [from, to) wrote: their events and their external ids. */
  private void forgetRows(long job, int from, int to) {
    String refs =
        "FROM external_ref r, import_job j WHERE j.id = ?1 AND r.client = j.client"
            + " AND r.resource = 'EVENT' AND r.external_id LIKE 'L-%'"
            + " AND CAST(substr(r.external_id, 3) AS integer) >= ?2"
            + " AND CAST(substr(r.external_id, 3) AS integer) < ?3";
    sql("DELETE FROM event WHERE id IN (SELECT r.entity_id " + refs + ")", job, from, to);
    sql(
        "DELETE FROM external_ref x WHERE (x.client, x.resource, x.external_id) IN"
            + " (SELECT r.client, r.resource, r.external_id "
            + refs
            + ")",
        job,
        from,
        to);
  }

  @Test
  void jobsRunInTheBackgroundFromJsonOrFilesWithAPreview() throws Exception {
    long province = province("Tỉnh Tác Vụ").create();
    long commune = unit("COMMUNE", "Xã Tác Vụ").under(province).create();
    String officer = Users.signedIn("COMMUNE_OFFICER", commune);
    List<Map<String, Object>> rows = eventRecords("E-", "Họp dân khóm ", commune, 450, 300);
    String location =
        Api.as(officer)
            .contentType(ContentType.JSON)
            .body(Map.of("records", rows))
            .post("/api/import-jobs?resource=events&mode=partial")
            .then()
            .statusCode(202)
            .header("Location", containsString("/api/import-jobs/"))
            .body("total", equalTo(450))
            .extract()
            .header("Location");
    JsonPath job = waitFor(officer, location);
    assertThat(job.getString("state")).isEqualTo("SUCCEEDED");
    assertThat(job.getInt("done")).isEqualTo(450);
    assertThat(job.getInt("counts.created")).isEqualTo(449);
    assertThat(job.getInt("counts.rejected")).isEqualTo(1);
    assertThat(job.getInt("errors[0].index")).isEqualTo(300);
    assertThat(count(officer, "events", commune)).isEqualTo(449);
    // its author is told, once, in the transaction that ended it
    String jobId = location.substring(location.lastIndexOf('/') + 1);
    assertThat(vn.antq.support.Inbox.page(officer).getList("content", Map.class))
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.get("kind")).isEqualTo("IMPORT_FINISHED");
              assertThat((String) n.get("title")).isEqualTo("Nhập dữ liệu sự kiện đã xong");
              assertThat((String) n.get("body"))
                  .contains("Thêm 449")
                  .contains("bị từ chối 1 dòng (tác vụ số " + jobId + ")");
              assertThat(n.get("link")).isEqualTo("/nhap-du-lieu?tacVu=" + jobId);
            });
    // someone else does not see it
    Api.as(Users.signedIn("COMMUNE_OFFICER", commune)).get(location).then().statusCode(404);

    // a CSV file: previewed first (nothing written), then applied
    String csv =
        "externalId,title,typeId,startsAt,endsAt,unitId,leadUnitId,attendance,location\n"
            + "F-1,Ra quân tháng thanh niên,"
            + EventBuilder.catalogueId("EVENT_TYPE", "TUYEN_TRUYEN")
            + ",2025-03-01T07:00:00+07:00,2025-03-01T10:00:00+07:00,"
            + commune
            + ","
            + commune
            + ",80,\"Sân vận động, khóm 2\"\n"
            + "F-2,Thiếu giờ,1,,,"
            + commune
            + ","
            + commune
            + ",,\n";
    String preview =
        Api.as(officer)
            .contentType("application/octet-stream")
            .header("X-File-Name", "su-kien.csv")
            .body(csv.getBytes(StandardCharsets.UTF_8))
            .post("/api/import-jobs/file?resource=events&mode=partial&dryRun=true")
            .then()
            .statusCode(202)
            .extract()
            .header("Location");
    JsonPath previewed = waitFor(officer, preview);
    assertThat(previewed.getBoolean("dryRun")).isTrue();
    assertThat(previewed.getInt("counts.created")).isEqualTo(1);
    assertThat(previewed.getInt("errors[0].index")).isEqualTo(3);
    assertThat(previewed.getList("errors[0].violations.field", String.class))
        .containsExactly("data.startsAt");
    assertThat(previewed.getString("errors[0].violations[0].message"))
        .isEqualTo("Không được để trống");
    assertThat(count(officer, "events", commune)).isEqualTo(449);
    String applied =
        Api.as(officer)
            .post(preview + "/apply")
            .then()
            .statusCode(202)
            .body("dryRun", equalTo(false))
            .extract()
            .header("Location");
    assertThat(waitFor(officer, applied).getInt("counts.created")).isEqualTo(1);
    assertThat(count(officer, "events", commune)).isEqualTo(450);
    Api.as(officer)
        .get("/api/events?unitId=" + commune + "&q=ra quan")
        .then()
        .body("content[0].location", equalTo("Sân vận động, khóm 2"));

    Api.as(officer)
        .get("/api/import-jobs")
        .then()
        .statusCode(200)
        .body(
            "content[0].id",
            equalTo(Integer.valueOf(applied.substring(applied.lastIndexOf('/') + 1))));
    Api.as(officer)
        .contentType("application/octet-stream")
        .header("X-File-Name", "su-kien.txt")
        .body(csv.getBytes(StandardCharsets.UTF_8))
        .post("/api/import-jobs/file?resource=events")
        .then()
        .statusCode(415);
    Api.as(officer)
        .contentType("application/octet-stream")
        .header("X-File-Name", "su-kien.csv")
        .body("externalId,tieuDe\nX,1\n".getBytes(StandardCharsets.UTF_8))
        .post("/api/import-jobs/file?resource=events")
        .then()
        .statusCode(422)
        .body("detail", org.hamcrest.Matchers.containsString("tieuDe"));
    Api.as(officer)
        .get("/api/imports/events/template.csv")
        .then()
        .statusCode(200)
        .body(org.hamcrest.Matchers.containsString("externalId,typeId,title,startsAt"));
  }

  /** Applies every change of the feed from {@code cursor} to {@code state}; answers the cursor. */
  static String pull(String token, String cursor, Map<String, Map<String, Object>> state) {
    boolean more = true;
    while (more) {
      JsonPath page =
          Api.as(token)
              .get(
                  "/api/changes?limit=3&types=MODEL&types=EVENT"
                      + (cursor == null ? "" : "&after=" + cursor))
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      List<Map<String, Object>> items = page.getList("items");
      for (Map<String, Object> c : items) {
        String key = c.get("type") + ":" + c.get("id");
        if ("DELETE".equals(c.get("op"))) {
          state.remove(key);
        } else {
          @SuppressWarnings("unchecked")
          Map<String, Object> data = (Map<String, Object>) c.get("data");
          state.put(key, data);
        }
      }
      cursor = page.getString("next");
      more = page.getBoolean("more");
    }
    return cursor;
  }

  /**
   * Pulls until the feed has nothing more. A change becomes visible only once every transaction
   * older than it has ended (another test's import job may still be running), so a client polls:
   * pulls that bring nothing twice in a row end it.
   */
  static String drain(String token, String cursor, Map<String, Map<String, Object>> state)
      throws InterruptedException {
    int quiet = 0;
    for (int i = 0; i < 100 && quiet < 2; i++) {
      int before = state.hashCode();
      String next = pull(token, cursor, state);
      quiet = next.equals(cursor) && state.hashCode() == before ? quiet + 1 : 0;
      cursor = next;
      Thread.sleep(50);
    }
    return cursor;
  }

  static Map<String, String> server(String token, long unitId) {
    Map<String, String> out = new HashMap<>();
    JsonPath models =
        Api.as(token).get("/api/models?size=200&unitId=" + unitId).then().extract().jsonPath();
    for (Map<String, Object> m : models.<Map<String, Object>>getList("content")) {
      out.put("MODEL:" + m.get("id"), (String) m.get("name"));
    }
    JsonPath events =
        Api.as(token).get("/api/events?size=200&unitId=" + unitId).then().extract().jsonPath();
    for (Map<String, Object> e : events.<Map<String, Object>>getList("content")) {
      out.put("EVENT:" + e.get("id"), (String) e.get("title"));
    }
    return out;
  }

  static Map<String, String> names(Map<String, Map<String, Object>> state) {
    Map<String, String> out = new HashMap<>();
    state.forEach(
        (k, v) -> out.put(k, (String) (k.startsWith("MODEL") ? v.get("name") : v.get("title"))));
    return out;
  }

  @Test
  void anOfficerOfAMergedCommuneFollowsTheChangesOfTheCommunesMergedIntoIt()
      throws InterruptedException {
    long province = province("Tỉnh Luồng Gộp").from("2020-01-01").create();
    long before = unit("COMMUNE", "Xã Cũ Luồng Gộp").under(province).from("2020-01-01").create();
    long after = unit("COMMUNE", "Xã Mới Luồng Gộp").under(province).from("2020-01-01").create();
    long neighbour =
        unit("COMMUNE", "Xã Bên Luồng Gộp").under(province).from("2020-01-01").create();
    long old = EventBuilder.event("Họp dân xã cũ luồng gộp", before);
    long own = EventBuilder.event("Họp dân xã mới luồng gộp", after);
    long other = EventBuilder.event("Họp dân xã bên luồng gộp", neighbour);
    UnitBuilder.merge(List.of(before), after);
    String officer = Users.signedIn("COMMUNE_OFFICER", after);

    // the feed of two communes (each read through its own index range), merged in log order
    Map<String, Map<String, Object>> state = new HashMap<>();
    drain(officer, null, state);
    assertThat(state).containsKeys("EVENT:" + old, "EVENT:" + own);
    assertThat(state).doesNotContainKey("EVENT:" + other);
    assertThat(state.get("EVENT:" + old).get("title")).isEqualTo("Họp dân xã cũ luồng gộp");
  }

  @Test
  void followingTheChangeFeedFromEmptyGivesTheServersState() throws InterruptedException {
    long province = province("Tỉnh Luồng").create();
    long commune = unit("COMMUNE", "Xã Luồng").under(province).create();
    long elsewhere = unit("COMMUNE", "Xã Khác Tỉnh").under(province("Tỉnh Khác").create()).create();
    String officer = Users.signedIn("COMMUNE_OFFICER", commune);
    long m1 = ModelBuilder.model("Tổ tự quản luồng 1", commune);
    long m2 = ModelBuilder.model("Tổ tự quản luồng 2", commune);
    long e1 = EventBuilder.event("Họp dân luồng", commune);
    ModelBuilder.model("Không phải địa bàn này", elsewhere);

    Map<String, Map<String, Object>> state = new HashMap<>();
    String cursor = drain(officer, null, state);
    assertThat(names(state)).isEqualTo(server(officer, commune));
    assertThat(state).containsKeys("MODEL:" + m1, "MODEL:" + m2, "EVENT:" + e1);

    // an update, a delete, a new record, one moved out of the territory, a member added
    Map<String, Object> renamed = ModelBuilder.body("Tổ tự quản luồng 1 (mới)", commune);
    Api.json()
        .header("If-Match", Api.given().get("/api/models/{id}", m1).header("ETag"))
        .body(renamed)
        .put("/api/models/{id}", m1)
        .then()
        .statusCode(200);
    Api.given()
        .header("If-Match", Api.given().get("/api/events/{id}", e1).header("ETag"))
        .delete("/api/events/{id}", e1)
        .then()
        .statusCode(204);
    long e2 = EventBuilder.event("Họp dân luồng 2", commune);
    Api.json()
        .header("If-Match", Api.given().get("/api/models/{id}", m2).header("ETag"))
        .body(ModelBuilder.body("Chuyển đi", elsewhere))
        .put("/api/models/{id}", m2)
        .then()
        .statusCode(200);
    long m3 = ModelBuilder.model("Tổ tự quản luồng 3", commune);
    long team = ModelBuilder.team(m3, "Tổ 1", commune);
    ModelBuilder.member(m3, team, "Nguyễn Văn Luồng", "LEADER");

    cursor = drain(officer, cursor, state);
    assertThat(names(state)).isEqualTo(server(officer, commune));
    assertThat(state).containsKeys("EVENT:" + e2, "MODEL:" + m3);
    assertThat(state).doesNotContainKeys("EVENT:" + e1, "MODEL:" + m2);
    assertThat(state.get("MODEL:" + m3).get("memberCount")).isEqualTo(1);
    // nothing new: an empty page, the same cursor
    Api.as(officer)
        .get("/api/changes?types=MODEL&types=EVENT&after=" + cursor)
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(0))
        .body("next", equalTo(cursor))
        .body("more", equalTo(false));
    Api.as(officer).get("/api/changes?after=not-a-cursor").then().statusCode(400);
  }

  @Test
  void listsExportAsCsvAndXlsxWithTheListsFilters() throws Exception {
    long province = province("Tỉnh Xuất").create();
    long commune = unit("COMMUNE", "Xã Xuất").under(province).create();
    ModelBuilder.model("Tổ tự quản = xuất 1", commune);
    ModelBuilder.model("Tổ tự quản xuất 2", commune);
    ModelBuilder.model("Khác", unit("COMMUNE", "Xã Không Xuất").under(province).create());
    String csv =
        new String(
            Api.given()
                .get("/api/models/export?format=csv&unitId=" + commune)
                .then()
                .statusCode(200)
                .header("Content-Disposition", org.hamcrest.Matchers.containsString("mo-hinh-"))
                .extract()
                .asByteArray(),
            StandardCharsets.UTF_8);
    List<String> lines = csv.lines().toList();
    assertThat(lines.get(0)).startsWith("\uFEFFMã,Tên mô hình,Loại,Lĩnh vực,Đơn vị");
    assertThat(lines).hasSize(3);
    assertThat(lines.get(1)).contains(",Tổ tự quản = xuất 1,").contains("Xã Xuất");
    byte[] xlsx =
        Api.given()
            .get("/api/events/export?format=xlsx&unitId=" + commune)
            .then()
            .statusCode(200)
            .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .extract()
            .asByteArray();
    try (var wb =
        new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
      assertThat(wb.getSheetAt(0).getRow(0).getCell(1).getStringCellValue())
          .isEqualTo("Tên sự kiện");
      assertThat(wb.getSheetAt(0).getLastRowNum()).isZero();
    }
    Api.given().get("/api/units/export?format=xlsx&ancestorId=" + province).then().statusCode(200);
    Api.given().get("/api/awards/export?format=csv&unitId=" + commune).then().statusCode(200);
    Api.given().get("/api/models/export?format=pdf").then().statusCode(400);
  }
}
