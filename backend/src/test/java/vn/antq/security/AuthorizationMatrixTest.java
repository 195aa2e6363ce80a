package vn.antq.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.antq.api.ApiKeysApi;
import vn.antq.api.AuditApi;
import vn.antq.api.AuthApi;
import vn.antq.api.UnitsApi;
import vn.antq.api.UsersApi;
import vn.antq.support.Api;

/**
 * Every endpoint × every role × (own territory, another territory). The route list comes from the
 * generated API interfaces: an endpoint without a row here fails {@link #everyRouteHasARow}.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {
  static final List<Class<?>> API =
      List.of(
          AuthApi.class,
          UnitsApi.class,
          UsersApi.class,
          ApiKeysApi.class,
          AuditApi.class,
          vn.antq.api.CataloguesApi.class,
          vn.antq.api.ModelsApi.class,
          vn.antq.api.EventsApi.class,
          vn.antq.api.AwardsApi.class,
          vn.antq.api.ReportsApi.class,
          vn.antq.api.IndicatorsApi.class,
          vn.antq.api.ReportingApi.class,
          vn.antq.api.NotificationsApi.class,
          vn.antq.api.SafetyApi.class,
          vn.antq.api.IntegrationApi.class);
  static final List<String> ROLES =
      List.of("ADMIN", "PROVINCE_OFFICER", "COMMUNE_OFFICER", "VIEWER", "INTEGRATION", "ANONYMOUS");
  static final Set<String> WRITERS =
      Set.of("ADMIN", "PROVINCE_OFFICER", "COMMUNE_OFFICER", "INTEGRATION");
  static final Set<String> REORGANISERS = Set.of("ADMIN", "PROVINCE_OFFICER");

  /** How to call a route as a role on the own or the other territory, and what must come back. */
  interface Call {
    Response run(SecurityFixture f, String role, boolean own);
  }

  interface Expect {
    int status(String role, boolean own);
  }

  record Row(Call call, Expect expect) {}

  SecurityFixture f;
  final Map<String, Row> rows = new LinkedHashMap<>();
  final java.util.concurrent.atomic.AtomicInteger deadlineDays =
      new java.util.concurrent.atomic.AtomicInteger();

  /** Built on first use: RestAssured knows the test port only once a test runs. */
  void setUp() {
    if (f != null) {
      return;
    }
    f = new SecurityFixture();
    // ---- public
    rows.put(
        "POST /api/auth/login",
        new Row(
            (f, role, own) ->
                f.as(role)
                    .body(Map.of("username", "khong-co", "password", "sai"))
                    .post("/api/auth/login"),
            (role, own) -> 401));
    rows.put(
        "GET /api/auth/config",
        new Row((f, role, own) -> f.as(role).get("/api/auth/config"), (role, own) -> 200));
    rows.put(
        "POST /api/auth/refresh",
        new Row((f, role, own) -> f.as(role).post("/api/auth/refresh"), (role, own) -> 401));
    rows.put(
        "POST /api/auth/logout",
        new Row((f, role, own) -> f.as("ANONYMOUS").post("/api/auth/logout"), (role, own) -> 204));
    rows.put(
        "GET /api/auth/me",
        new Row(
            (f, role, own) -> f.as(role).get("/api/auth/me"),
            (role, own) -> role.equals("ANONYMOUS") ? 401 : 200));
    // ---- units
    rows.put(
        "GET /api/units",
        new Row(
            (f, role, own) ->
                f.as(role)
                    .queryParam("ancestorId", own ? f.provinceA : f.provinceB)
                    .get("/api/units"),
            (role, own) -> role.equals("ANONYMOUS") ? 401 : 200));
    rows.put(
        "GET /api/units/{id}",
        new Row(
            (f, role, own) -> f.as(role).get("/api/units/{id}", f.communeOf(own)),
            (role, own) -> readable(role, own)));
    rows.put(
        "GET /api/units/{id}/children",
        new Row(
            (f, role, own) -> f.as(role).get("/api/units/{id}/children", f.communeOf(own)),
            (role, own) -> readable(role, own)));
    rows.put(
        "POST /api/units",
        new Row(
            (f, role, own) ->
                f.as(role)
                    .body(
                        Map.of(
                            "name",
                            "Ấp Mới",
                            "kind",
                            "HAMLET",
                            "validFrom",
                            "2025-07-01",
                            "parentId",
                            f.communeOf(own)))
                    .post("/api/units"),
            (role, own) ->
                role.equals("ANONYMOUS")
                    ? 401
                    : !WRITERS.contains(role) ? 403 : own || role.equals("ADMIN") ? 201 : 422));
    rows.put(
        "PUT /api/units/{id}",
        new Row(
            (f, role, own) -> {
              long id = f.hamlet(own);
              String etag = Api.given().get("/api/units/{id}", id).header("ETag");
              return f.as(role)
                  .header("If-Match", etag)
                  .body(
                      Map.of(
                          "name",
                          "Ấp Đổi Tên",
                          "kind",
                          "HAMLET",
                          "validFrom",
                          "2020-01-01",
                          "parentId",
                          f.communeOf(own)))
                  .put("/api/units/{id}", id);
            },
            (role, own) ->
                role.equals("ANONYMOUS")
                    ? 401
                    : !WRITERS.contains(role) ? 403 : own || role.equals("ADMIN") ? 200 : 404));
    java.util.concurrent.atomic.AtomicInteger renames =
        new java.util.concurrent.atomic.AtomicInteger();
    rows.put(
        "POST /api/units/{id}/rename",
        new Row(
            (f, role, own) -> {
              long id = f.hamlet(own);
              String etag = Api.given().get("/api/units/{id}", id).header("ETag");
              int n = renames.incrementAndGet();
              return f.as(role)
                  .header("If-Match", etag)
                  .body(
                      Map.of(
                          "name",
                          "Ấp Tên Mới " + n,
                          "date",
                          java.time.LocalDate.of(2021, 1, 1).plusDays(n).toString()))
                  .post("/api/units/{id}/rename", id);
            },
            (role, own) ->
                role.equals("ANONYMOUS")
                    ? 401
                    : !REORGANISERS.contains(role)
                        ? 403
                        : own || role.equals("ADMIN") ? 200 : 404));
    rows.put(
        "POST /api/units/{id}/split",
        new Row(
            (f, role, own) ->
                f.as(role)
                    .body(
                        Map.of(
                            "date",
                            "2025-07-01",
                            "parts",
                            List.of(Map.of("successorId", f.hamlet(own)))))
                    .post("/api/units/{id}/split", f.hamlet(own)),
            (role, own) ->
                role.equals("ANONYMOUS")
                    ? 401
                    : !REORGANISERS.contains(role)
                        ? 403
                        : own || role.equals("ADMIN") ? 200 : 404));
    rows.put(
        "POST /api/units/merge",
        new Row(
            (f, role, own) ->
                f.as(role)
                    .body(
                        Map.of(
                            "predecessorIds",
                            List.of(f.hamlet(own)),
                            "successorId",
                            f.hamlet(own),
                            "date",
                            "2025-07-01"))
                    .post("/api/units/merge"),
            (role, own) ->
                role.equals("ANONYMOUS")
                    ? 401
                    : !REORGANISERS.contains(role)
                        ? 403
                        : own || role.equals("ADMIN") ? 200 : 404));
    modelRows();
    eventRows();
    awardRows();
    integrationRows();
    // ---- administration
    rows.put(
        "GET /api/users",
        new Row(
            (f, role, own) -> f.as(role).get("/api/users"), (role, own) -> adminOnly(role, 200)));
    rows.put(
        "POST /api/users",
        new Row(
            (f, role, own) ->
                f.as(role)
                    .body(
                        Map.of(
                            "username",
                            "u" + System.nanoTime(),
                            "fullName",
                            "Người Mới",
                            "role",
                            "VIEWER",
                            "unitId",
                            f.communeOf(own),
                            "password",
                            SecurityFixture.PASSWORD))
                    .post("/api/users"),
            (role, own) -> adminOnly(role, 201)));
    rows.put(
        "PUT /api/users/{id}",
        new Row(
            (f, role, own) -> {
              var created =
                  Api.json()
                      .body(
                          Map.of(
                              "username",
                              "p" + System.nanoTime(),
                              "fullName",
                              "Người Sửa",
                              "role",
                              "VIEWER",
                              "unitId",
                              f.communeOf(own),
                              "password",
                              SecurityFixture.PASSWORD))
                      .post("/api/users");
              return f.as(role)
                  .header("If-Match", created.header("ETag"))
                  .body(
                      Map.of(
                          "fullName",
                          "Người Đã Sửa",
                          "role",
                          "VIEWER",
                          "unitId",
                          f.communeOf(own),
                          "enabled",
                          true))
                  .put("/api/users/{id}", created.jsonPath().getLong("id"));
            },
            (role, own) -> adminOnly(role, 200)));
    rows.put(
        "GET /api/api-keys",
        new Row(
            (f, role, own) -> f.as(role).get("/api/api-keys"),
            (role, own) -> adminOnly(role, 200)));
    rows.put(
        "POST /api/api-keys",
        new Row(
            (f, role, own) ->
                f.as(role)
                    .body(Map.of("name", "Khóa " + System.nanoTime(), "unitId", f.communeOf(own)))
                    .post("/api/api-keys"),
            (role, own) -> adminOnly(role, 201)));
    rows.put(
        "POST /api/api-keys/{id}/revoke",
        new Row(
            (f, role, own) -> {
              long id =
                  Api.json()
                      .body(Map.of("name", "Khóa thu hồi", "unitId", f.communeOf(own)))
                      .post("/api/api-keys")
                      .jsonPath()
                      .getLong("apiKey.id");
              return f.as(role).post("/api/api-keys/{id}/revoke", id);
            },
            (role, own) -> adminOnly(role, 200)));
    rows.put(
        "GET /api/audit",
        new Row(
            (f, role, own) ->
                f.as(role)
                    .queryParam("entityType", "UNIT")
                    .queryParam("entityId", f.communeOf(own))
                    .get("/api/audit"),
            (role, own) ->
                role.equals("ANONYMOUS")
                    ? 401
                    : !REORGANISERS.contains(role)
                        ? 403
                        : own || role.equals("ADMIN") ? 200 : 404));
  }

  /** Changing an existing object: writers in their territory; elsewhere it does not exist. */
  void integrationRows() {
    for (String list : List.of("models", "events", "awards")) {
      rows.put(
          "GET /api/" + list + "/export",
          new Row(
              (f, role, own) ->
                  f.as(role)
                      .queryParam("format", "csv")
                      .queryParam("unitId", f.communeOf(own))
                      .get("/api/" + list + "/export"),
              (role, own) -> readable(role, own)));
    }
    rows.put(
        "GET /api/units/export",
        new Row(
            (f, role, own) ->
                f.as(role)
                    .queryParam("format", "xlsx")
                    .queryParam("ancestorId", own ? f.provinceA : f.provinceB)
                    .get("/api/units/export"),
            (role, own) -> role.equals("ANONYMOUS") ? 401 : 200));
    rows.put(
        "POST /api/imports/{resource}",
        new Row(
            (f, role, own) ->
                f.as(role)
                    .body(
                        Map.of(
                            "records",
                            List.of(
                                Map.of(
                                    "externalId",
                                    "MT-" + role,
                                    "data",
                                    vn.antq.support.ModelBuilder.body(
                                        "Mô hình ma trận", f.communeOf(own))))))
                    .post("/api/imports/models"),
            (role, own) ->
                role.equals("ANONYMOUS")
                    ? 401
                    : !WRITERS.contains(role) ? 403 : own || role.equals("ADMIN") ? 200 : 422));
    rows.put(
        "GET /api/imports/{resource}/template.csv",
        new Row(
            (f, role, own) -> f.as(role).get("/api/imports/models/template.csv"),
            (role, own) -> writable(role, true, 200)));
    rows.put(
        "GET /api/import-jobs",
        new Row(
            (f, role, own) -> f.as(role).get("/api/import-jobs"),
            (role, own) -> writable(role, true, 200)));
    rows.put(
        "POST /api/import-jobs",
        new Row(
            (f, role, own) ->
                f.as(role)
                    .body(
                        Map.of(
                            "records",
                            List.of(
                                Map.of(
                                    "externalId",
                                    "MJ-" + role,
                                    "data",
                                    vn.antq.support.ModelBuilder.body(
                                        "Mô hình tác vụ", f.communeOf(own))))))
                    .post("/api/import-jobs?resource=models&dryRun=true"),
            (role, own) -> writable(role, true, 202)));
    rows.put(
        "POST /api/import-jobs/file",
        new Row(
            (f, role, own) ->
                f.as(role)
                    .contentType("application/octet-stream")
                    .header("X-File-Name", "mo-hinh.csv")
                    .body(
                        ("externalId,name,unitId\nMF-1,Mô hình tệp," + f.communeOf(own) + "\n")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .post("/api/import-jobs/file?resource=models&dryRun=true"),
            (role, own) -> writable(role, true, 202)));
    rows.put(
        "GET /api/import-jobs/{id}",
        new Row(
            (f, role, own) -> f.as(role).get("/api/import-jobs/{id}", 999_999_999L),
            (role, own) -> writable(role, true, 404)));
    rows.put(
        "POST /api/import-jobs/{id}/apply",
        new Row(
            (f, role, own) -> f.as(role).post("/api/import-jobs/{id}/apply", 999_999_999L),
            (role, own) -> writable(role, true, 404)));
    rows.put(
        "GET /api/changes",
        new Row(
            (f, role, own) -> f.as(role).queryParam("limit", 1).get("/api/changes"),
            (role, own) -> role.equals("ANONYMOUS") ? 401 : 200));
  }

  static int writable(String role, boolean own, int ok) {
    return role.equals("ANONYMOUS")
        ? 401
        : !WRITERS.contains(role) ? 403 : own || role.equals("ADMIN") ? ok : 404;
  }

  static String etag(String path, Object... params) {
    return Api.given().get(path, params).header("ETag");
  }

  static String memberEtag(long[] r) {
    return "\""
        + Api.given()
            .get("/api/models/{id}/teams/{t}/members", r[0], r[1])
            .jsonPath()
            .getLong("find { it.id == " + r[2] + " }.version")
        + "\"";
  }

  static String teamEtag(long[] r) {
    return "\""
        + Api.given()
            .get("/api/models/{id}/teams", r[0])
            .jsonPath()
            .getLong("find { it.id == " + r[1] + " }.version")
        + "\"";
  }

  void modelRows() {
    rows.put(
        "GET /api/catalogues/{catalogue}",
        new Row(
            (f, role, own) -> f.as(role).get("/api/catalogues/MODEL_TYPE"),
            (role, own) -> role.equals("ANONYMOUS") ? 401 : 200));
    rows.put(
        "POST /api/catalogues/{catalogue}",
        new Row(
            (f, role, own) ->
                f.as(role)
                    .body(
                        Map.of(
                            "code", "F" + System.nanoTime(),
                            "name", "Lĩnh vực thử",
                            "validFrom", "2025-01-01"))
                    .post("/api/catalogues/MODEL_FIELD"),
            (role, own) -> adminOnly(role, 201)));
    rows.put(
        "PUT /api/catalogues/{catalogue}/{id}",
        new Row(
            (f, role, own) -> {
              String code = "G" + System.nanoTime();
              Map<String, Object> body =
                  Map.of("code", code, "name", "Lĩnh vực sửa", "validFrom", "2025-01-01");
              var created = Api.json().body(body).post("/api/catalogues/MODEL_FIELD");
              return f.as(role)
                  .header("If-Match", created.header("ETag"))
                  .body(body)
                  .put("/api/catalogues/MODEL_FIELD/{id}", created.jsonPath().getLong("id"));
            },
            (role, own) -> adminOnly(role, 200)));
    rows.put(
        "GET /api/models",
        new Row(
            (f, role, own) -> f.as(role).queryParam("unitId", f.communeOf(own)).get("/api/models"),
            (role, own) -> readable(role, own)));
    rows.put(
        "POST /api/models",
        new Row(
            (f, role, own) ->
                f.as(role)
                    .body(vn.antq.support.ModelBuilder.body("Mô hình mới", f.communeOf(own)))
                    .post("/api/models"),
            (role, own) ->
                role.equals("ANONYMOUS")
                    ? 401
                    : !WRITERS.contains(role) ? 403 : own || role.equals("ADMIN") ? 201 : 422));
    rows.put(
        "GET /api/models/{id}",
        new Row(
            (f, role, own) -> f.as(role).get("/api/models/{id}", f.sharedRoster(own)[0]),
            (role, own) -> readable(role, own)));
    rows.put(
        "PUT /api/models/{id}",
        new Row(
            (f, role, own) -> {
              long id = f.roster(own)[0];
              return f.as(role)
                  .header("If-Match", etag("/api/models/{id}", id))
                  .body(vn.antq.support.ModelBuilder.body("Mô hình đổi tên", f.communeOf(own)))
                  .put("/api/models/{id}", id);
            },
            (role, own) -> writable(role, own, 200)));
    rows.put(
        "POST /api/models/{id}/transitions",
        new Row(
            (f, role, own) -> {
              long id = f.roster(own)[0];
              return f.as(role)
                  .header("If-Match", etag("/api/models/{id}", id))
                  .body(Map.of("toStatus", "ACTIVE", "date", "2021-01-01"))
                  .post("/api/models/{id}/transitions", id);
            },
            (role, own) -> writable(role, own, 200)));
    rows.put(
        "POST /api/models/{id}/recognitions",
        new Row(
            (f, role, own) -> {
              long id = f.roster(own)[0];
              return f.as(role)
                  .header("If-Match", etag("/api/models/{id}", id))
                  .body(
                      Map.of(
                          "level",
                          "COMMUNE",
                          "decisionNumber",
                          "12/QĐ-UBND",
                          "decisionDate",
                          "2022-01-01"))
                  .post("/api/models/{id}/recognitions", id);
            },
            (role, own) ->
                role.equals("ANONYMOUS")
                    ? 401
                    : role.equals("VIEWER") || role.equals("INTEGRATION")
                        ? 403
                        : own || role.equals("ADMIN") ? 200 : 404));
    rows.put(
        "GET /api/models/{id}/teams",
        new Row(
            (f, role, own) -> f.as(role).get("/api/models/{id}/teams", f.sharedRoster(own)[0]),
            (role, own) -> readable(role, own)));
    rows.put(
        "POST /api/models/{id}/teams",
        new Row(
            (f, role, own) ->
                f.as(role)
                    .body(
                        Map.of(
                            "name",
                            "Tổ mới " + System.nanoTime(),
                            "unitId",
                            f.communeOf(own),
                            "establishedOn",
                            "2021-01-01"))
                    .post("/api/models/{id}/teams", f.sharedRoster(own)[0]),
            (role, own) -> writable(role, own, 201)));
    rows.put(
        "PUT /api/models/{id}/teams/{teamId}",
        new Row(
            (f, role, own) -> {
              long[] r = f.roster(own);
              return f.as(role)
                  .header("If-Match", teamEtag(r))
                  .body(
                      Map.of(
                          "name",
                          "Tổ sửa " + System.nanoTime(),
                          "unitId",
                          f.communeOf(own),
                          "establishedOn",
                          "2020-04-01"))
                  .put("/api/models/{id}/teams/{teamId}", r[0], r[1]);
            },
            (role, own) -> writable(role, own, 200)));
    rows.put(
        "GET /api/models/{id}/teams/{teamId}/members",
        new Row(
            (f, role, own) -> {
              long[] r = f.sharedRoster(own);
              return f.as(role).get("/api/models/{id}/teams/{teamId}/members", r[0], r[1]);
            },
            (role, own) -> readable(role, own)));
    rows.put(
        "POST /api/models/{id}/teams/{teamId}/members",
        new Row(
            (f, role, own) -> {
              long[] r = f.sharedRoster(own);
              return f.as(role)
                  .body(Map.of("fullName", "Trần Thị Mới", "gender", "FEMALE", "role", "MEMBER"))
                  .post("/api/models/{id}/teams/{teamId}/members", r[0], r[1]);
            },
            (role, own) -> writable(role, own, 201)));
    rows.put(
        "PUT /api/models/{id}/members/{memberId}",
        new Row(
            (f, role, own) -> {
              long[] r = f.roster(own);
              return f.as(role)
                  .header("If-Match", memberEtag(r))
                  .body(Map.of("fullName", "Nguyễn Văn Sửa", "gender", "MALE", "role", "DEPUTY"))
                  .put("/api/models/{id}/members/{memberId}", r[0], r[2]);
            },
            (role, own) -> writable(role, own, 200)));
    rows.put(
        "DELETE /api/models/{id}/members/{memberId}",
        new Row(
            (f, role, own) -> {
              long[] r = f.roster(own);
              return f.as(role)
                  .header("If-Match", memberEtag(r))
                  .delete("/api/models/{id}/members/{memberId}", r[0], r[2]);
            },
            (role, own) -> writable(role, own, 204)));
    rows.put(
        "POST /api/models/{id}/roster",
        new Row(
            (f, role, own) ->
                f.as(role)
                    .body(
                        Map.of(
                            "dryRun",
                            true,
                            "rows",
                            List.of(
                                Map.of("team", "Tổ 1", "fullName", "Lê Văn A", "gender", "Nam"))))
                    .post("/api/models/{id}/roster", f.sharedRoster(own)[0]),
            (role, own) -> writable(role, own, 200)));
    rows.put(
        "GET /api/models/{id}/roster.csv",
        new Row(
            (f, role, own) -> f.as(role).get("/api/models/{id}/roster.csv", f.sharedRoster(own)[0]),
            (role, own) -> readable(role, own)));
    rows.put(
        "GET /api/members",
        new Row(
            (f, role, own) -> f.as(role).queryParam("unitId", f.communeOf(own)).get("/api/members"),
            (role, own) -> readable(role, own)));
  }

  void eventRows() {
    rows.put(
        "GET /api/events",
        new Row(
            (f, role, own) -> f.as(role).queryParam("unitId", f.communeOf(own)).get("/api/events"),
            (role, own) -> readable(role, own)));
    rows.put(
        "POST /api/events",
        new Row(
            (f, role, own) ->
                f.as(role)
                    .body(vn.antq.support.EventBuilder.body("Sự kiện mới", f.communeOf(own)))
                    .post("/api/events"),
            (role, own) ->
                role.equals("ANONYMOUS")
                    ? 401
                    : !WRITERS.contains(role) ? 403 : own || role.equals("ADMIN") ? 201 : 422));
    rows.put(
        "GET /api/events/{id}",
        new Row(
            (f, role, own) -> f.as(role).get("/api/events/{id}", f.sharedEvent(own)),
            (role, own) -> readable(role, own)));
    rows.put(
        "PUT /api/events/{id}",
        new Row(
            (f, role, own) -> {
              long id = f.event(own);
              return f.as(role)
                  .header("If-Match", etag("/api/events/{id}", id))
                  .body(vn.antq.support.EventBuilder.body("Sự kiện sửa", f.communeOf(own)))
                  .put("/api/events/{id}", id);
            },
            (role, own) -> writable(role, own, 200)));
    rows.put(
        "DELETE /api/events/{id}",
        new Row(
            (f, role, own) -> {
              long id = f.event(own);
              return f.as(role)
                  .header("If-Match", etag("/api/events/{id}", id))
                  .delete("/api/events/{id}", id);
            },
            (role, own) -> writable(role, own, 204)));
    rows.put(
        "POST /api/events/{id}/attachments",
        new Row(
            (f, role, own) ->
                f.as(role)
                    .contentType("application/octet-stream")
                    .header("X-File-Name", "anh.png")
                    .body(SecurityFixture.PNG)
                    .post("/api/events/{id}/attachments", f.sharedEvent(own)),
            (role, own) -> writable(role, own, 201)));
    rows.put(
        "GET /api/events/{id}/attachments/{attachmentId}",
        new Row(
            (f, role, own) -> {
              long[] a = f.attachment(own);
              return f.as(role).get("/api/events/{id}/attachments/{a}", a[0], a[1]);
            },
            (role, own) -> readable(role, own)));
    rows.put(
        "DELETE /api/events/{id}/attachments/{attachmentId}",
        new Row(
            (f, role, own) -> {
              long[] a = f.attachment(own);
              return f.as(role).delete("/api/events/{id}/attachments/{a}", a[0], a[1]);
            },
            (role, own) -> writable(role, own, 204)));
    rows.put(
        "GET /api/programmes",
        new Row(
            (f, role, own) ->
                f.as(role).queryParam("unitId", f.communeOf(own)).get("/api/programmes"),
            (role, own) -> readable(role, own)));
    rows.put(
        "POST /api/programmes",
        new Row(
            (f, role, own) ->
                f.as(role)
                    .body(
                        vn.antq.support.EventBuilder.programme(
                            "P-" + System.nanoTime(), f.communeOf(own), List.of(f.communeOf(own))))
                    .post("/api/programmes"),
            (role, own) ->
                role.equals("ANONYMOUS")
                    ? 401
                    : !WRITERS.contains(role) ? 403 : own || role.equals("ADMIN") ? 201 : 422));
    rows.put(
        "GET /api/programmes/{id}",
        new Row(
            (f, role, own) -> f.as(role).get("/api/programmes/{id}", f.programme(own)),
            (role, own) -> readable(role, own)));
    rows.put(
        "PUT /api/programmes/{id}",
        new Row(
            (f, role, own) -> {
              long id = f.programme(own);
              return f.as(role)
                  .header("If-Match", etag("/api/programmes/{id}", id))
                  .body(
                      vn.antq.support.EventBuilder.programme(
                          "Q-" + System.nanoTime(), f.communeOf(own), List.of(f.communeOf(own))))
                  .put("/api/programmes/{id}", id);
            },
            (role, own) -> writable(role, own, 200)));
  }

  /** Award decisions, their recipients and the powers (issue 6). */
  void awardRows() {
    rows.put(
        "GET /api/awards",
        new Row(
            (f, role, own) -> f.as(role).queryParam("unitId", f.communeOf(own)).get("/api/awards"),
            (role, own) -> readable(role, own)));
    rows.put(
        "GET /api/awards/counts",
        new Row(
            (f, role, own) ->
                f.as(role).queryParam("unitId", f.communeOf(own)).get("/api/awards/counts"),
            (role, own) -> readable(role, own)));
    rows.put(
        "POST /api/awards",
        new Row(
            (f, role, own) ->
                f.as(role)
                    .body(vn.antq.support.AwardBuilder.wardDecision(f.communeOf(own)))
                    .post("/api/awards"),
            (role, own) ->
                role.equals("ANONYMOUS")
                    ? 401
                    : !WRITERS.contains(role) ? 403 : own || role.equals("ADMIN") ? 201 : 422));
    rows.put(
        "GET /api/awards/{id}",
        new Row(
            (f, role, own) -> f.as(role).get("/api/awards/{id}", f.sharedAward(own)),
            (role, own) -> readable(role, own)));
    rows.put(
        "PUT /api/awards/{id}",
        new Row(
            (f, role, own) -> {
              long id = f.award(own);
              return f.as(role)
                  .header("If-Match", etag("/api/awards/{id}", id))
                  .body(vn.antq.support.AwardBuilder.wardDecision(f.communeOf(own)))
                  .put("/api/awards/{id}", id);
            },
            (role, own) -> writable(role, own, 200)));
    rows.put(
        "DELETE /api/awards/{id}",
        new Row(
            (f, role, own) -> {
              long id = f.award(own);
              return f.as(role)
                  .header("If-Match", etag("/api/awards/{id}", id))
                  .delete("/api/awards/{id}", id);
            },
            (role, own) -> writable(role, own, 204)));
    rows.put(
        "GET /api/awards/{id}/recipients",
        new Row(
            (f, role, own) -> f.as(role).get("/api/awards/{id}/recipients", f.sharedAward(own)),
            (role, own) -> readable(role, own)));
    rows.put(
        "POST /api/awards/{id}/recipients",
        new Row(
            (f, role, own) -> {
              long id = f.award(own);
              return f.as(role)
                  .header("If-Match", etag("/api/awards/{id}", id))
                  .body(
                      Map.of(
                          "recipients",
                          List.of(
                              Map.of(
                                  "kind",
                                  "INDIVIDUAL",
                                  "fullName",
                                  "Trần Thị Thêm",
                                  "unitId",
                                  f.communeOf(own)))))
                  .post("/api/awards/{id}/recipients", id);
            },
            (role, own) -> writable(role, own, 200)));
    rows.put(
        "DELETE /api/awards/{id}/recipients/{recipientId}",
        new Row(
            (f, role, own) -> {
              long id = f.award(own);
              long recipient =
                  Api.given().get("/api/awards/{id}/recipients", id).jsonPath().getLong("[1].id");
              return f.as(role)
                  .header("If-Match", etag("/api/awards/{id}", id))
                  .delete("/api/awards/{id}/recipients/{r}", id, recipient);
            },
            (role, own) -> writable(role, own, 200)));
    rows.put(
        "GET /api/award-recipients",
        new Row(
            (f, role, own) ->
                f.as(role).queryParam("unitId", f.communeOf(own)).get("/api/award-recipients"),
            (role, own) -> readable(role, own)));
    rows.put(
        "GET /api/reports/summary",
        new Row(
            (f, role, own) ->
                f.as(role)
                    .queryParam("unitId", f.communeOf(own))
                    .queryParam("from", "2025-01-01")
                    .queryParam("to", "2025-12-31")
                    .get("/api/reports/summary"),
            (role, own) -> readable(role, own)));
    for (String format : List.of("xlsx", "docx")) {
      rows.put(
          "GET /api/reports/summary." + format,
          new Row(
              (f, role, own) ->
                  f.as(role)
                      .queryParam("unitId", f.communeOf(own))
                      .queryParam("from", "2025-01-01")
                      .queryParam("to", "2025-12-31")
                      .get("/api/reports/summary." + format),
              (role, own) -> readable(role, own)));
    }
    // ---- reported figures
    // ---- notifications: each person their own (an integration key has none)
    for (String route :
        List.of(
            "/api/notifications", "/api/notifications/unread", "/api/notifications/preferences")) {
      rows.put(
          "GET " + route,
          new Row((f, role, own) -> f.as(role).get(route), (role, own) -> personal(role, 200)));
    }
    rows.put(
        "POST /api/notifications/{id}/read",
        new Row(
            (f, role, own) ->
                f.as(role).post("/api/notifications/{id}/read", f.notificationOf(role, own)),
            (role, own) -> personal(role, own ? 204 : 404)));
    rows.put(
        "POST /api/notifications/read-all",
        new Row(
            (f, role, own) -> f.as(role).post("/api/notifications/read-all"),
            (role, own) -> personal(role, 204)));
    rows.put(
        "PUT /api/notifications/preferences",
        new Row(
            (f, role, own) -> {
              String etag = f.as(role).get("/api/notifications/preferences").header("ETag");
              return f.as(role)
                  .header("If-Match", etag == null ? "\"0\"" : etag)
                  .body(Map.of("digest", own, "kinds", List.of()))
                  .put("/api/notifications/preferences");
            },
            (role, own) -> personal(role, 200)));
    // ---- reporting deadlines and completeness
    rows.put(
        "GET /api/reporting/deadlines",
        new Row(
            (f, role, own) ->
                f.as(role)
                    .queryParam("provinceId", own ? f.provinceA : f.provinceB)
                    .get("/api/reporting/deadlines"),
            (role, own) -> readable(role, own)));
    rows.put(
        "POST /api/reporting/deadlines",
        new Row(
            (f, role, own) ->
                f.as(role)
                    .body(
                        Map.of(
                            "periodKind",
                            "MONTH",
                            "provinceId",
                            own ? f.provinceA : f.provinceB,
                            "daysAfter",
                            3,
                            "validFrom",
                            java.time.LocalDate.of(2030, 1, 1)
                                .plusDays(deadlineDays.incrementAndGet())
                                .toString()))
                    .post("/api/reporting/deadlines"),
            (role, own) ->
                role.equals("ANONYMOUS")
                    ? 401
                    : !REORGANISERS.contains(role)
                        ? 403
                        : own || role.equals("ADMIN") ? 201 : 404));
    rows.put(
        "GET /api/reporting/completeness",
        new Row(
            (f, role, own) ->
                f.as(role)
                    .queryParam("unitId", f.communeOf(own))
                    .queryParam("from", "2025-01-01")
                    .queryParam("to", "2025-03-31")
                    .get("/api/reporting/completeness"),
            (role, own) -> readable(role, own)));
    rows.put(
        "GET /api/reporting/summary-line",
        new Row(
            (f, role, own) ->
                f.as(role)
                    .queryParam("unitId", f.communeOf(own))
                    .queryParam("from", "2025-01-01")
                    .queryParam("to", "2025-03-31")
                    .get("/api/reporting/summary-line"),
            (role, own) -> readable(role, own)));
    rows.put(
        "GET /api/indicator-reports",
        new Row(
            (f, role, own) ->
                f.as(role).queryParam("unitId", f.communeOf(own)).get("/api/indicator-reports"),
            (role, own) -> readable(role, own)));
    rows.put(
        "POST /api/indicator-reports",
        new Row(
            (f, role, own) -> f.as(role).body(f.indicatorBody(own)).post("/api/indicator-reports"),
            (role, own) ->
                role.equals("ANONYMOUS")
                    ? 401
                    : !WRITERS.contains(role) ? 403 : own || role.equals("ADMIN") ? 201 : 422));
    rows.put(
        "GET /api/indicator-reports/{id}",
        new Row(
            (f, role, own) ->
                f.as(role).get("/api/indicator-reports/{id}", f.indicatorReport(own, false)),
            (role, own) -> readable(role, own)));
    rows.put(
        "GET /api/indicator-reports/{id}/revisions",
        new Row(
            (f, role, own) ->
                f.as(role)
                    .get("/api/indicator-reports/{id}/revisions", f.indicatorReport(own, false)),
            (role, own) -> readable(role, own)));
    rows.put(
        "PUT /api/indicator-reports/{id}",
        new Row(
            (f, role, own) -> {
              long id = f.indicatorReport(own, false);
              return f.as(role)
                  .header("If-Match", etag("/api/indicator-reports/{id}", id))
                  .body(Map.of("note", "Sửa thử", "values", List.of()))
                  .put("/api/indicator-reports/{id}", id);
            },
            (role, own) -> writable(role, own, 200)));
    rows.put(
        "DELETE /api/indicator-reports/{id}",
        new Row(
            (f, role, own) -> {
              long id = f.indicatorReport(own, false);
              return f.as(role)
                  .header("If-Match", etag("/api/indicator-reports/{id}", id))
                  .delete("/api/indicator-reports/{id}", id);
            },
            (role, own) -> writable(role, own, 204)));
    rows.put(
        "POST /api/indicator-reports/{id}/transitions",
        new Row(
            (f, role, own) -> {
              long id = f.indicatorReport(own, false);
              return f.as(role)
                  .header("If-Match", etag("/api/indicator-reports/{id}", id))
                  .body(Map.of("action", "SUBMIT"))
                  .post("/api/indicator-reports/{id}/transitions", id);
            },
            (role, own) -> writable(role, own, 200)));
    rows.put(
        "POST /api/indicator-reports/{id}/revisions",
        new Row(
            (f, role, own) -> {
              long id = f.indicatorReport(own, true);
              return f.as(role)
                  .header("If-Match", etag("/api/indicator-reports/{id}", id))
                  .body(Map.of("reason", "Điều chỉnh thử"))
                  .post("/api/indicator-reports/{id}/revisions", id);
            },
            (role, own) -> writable(role, own, 201)));
    // ---- safety standard
    rows.put(
        "GET /api/safety-assessments",
        new Row(
            (f, role, own) ->
                f.as(role).queryParam("unitId", f.communeOf(own)).get("/api/safety-assessments"),
            (role, own) -> readable(role, own)));
    rows.put(
        "GET /api/safety-assessments/checklist",
        new Row(
            (f, role, own) ->
                f.as(role)
                    .queryParam("unitId", f.communeOf(own))
                    .queryParam("year", 2025)
                    .get("/api/safety-assessments/checklist"),
            (role, own) -> readable(role, own)));
    rows.put(
        "POST /api/safety-assessments",
        new Row(
            (f, role, own) -> f.as(role).body(f.safetyBody(own)).post("/api/safety-assessments"),
            (role, own) ->
                role.equals("ANONYMOUS")
                    ? 401
                    : !WRITERS.contains(role) ? 403 : own || role.equals("ADMIN") ? 201 : 422));
    rows.put(
        "GET /api/safety-assessments/{id}",
        new Row(
            (f, role, own) -> f.as(role).get("/api/safety-assessments/{id}", f.assessment(own)),
            (role, own) -> readable(role, own)));
    rows.put(
        "PUT /api/safety-assessments/{id}",
        new Row(
            (f, role, own) -> {
              long id = f.assessment(own);
              io.restassured.path.json.JsonPath a =
                  Api.given().get("/api/safety-assessments/{id}", id).jsonPath();
              Map<String, Object> body = new java.util.HashMap<>();
              body.put("unitId", a.getLong("unit.id"));
              body.put("year", 2025);
              body.put(
                  "criteria",
                  a.getList("criteria.criterion.id").stream()
                      .map(c -> Map.of("criterionId", c, "met", true))
                      .toList());
              body.put("note", "Sửa thử");
              return f.as(role)
                  .header("If-Match", etag("/api/safety-assessments/{id}", id))
                  .body(body)
                  .put("/api/safety-assessments/{id}", id);
            },
            (role, own) -> writable(role, own, 200)));
    rows.put(
        "DELETE /api/safety-assessments/{id}",
        new Row(
            (f, role, own) -> {
              long id = f.assessment(own);
              return f.as(role)
                  .header("If-Match", etag("/api/safety-assessments/{id}", id))
                  .delete("/api/safety-assessments/{id}", id);
            },
            (role, own) -> writable(role, own, 204)));
    rows.put(
        "GET /api/exemplary-police",
        new Row(
            (f, role, own) ->
                f.as(role).queryParam("unitId", f.communeOf(own)).get("/api/exemplary-police"),
            (role, own) -> readable(role, own)));
    // a ward's police lies in the province, outside any commune's territory
    rows.put(
        "POST /api/exemplary-police",
        new Row(
            (f, role, own) ->
                f.as(role).body(f.policeBody(f.wardPolice(own))).post("/api/exemplary-police"),
            (role, own) ->
                role.equals("ANONYMOUS")
                    ? 401
                    : !WRITERS.contains(role)
                        ? 403
                        : role.equals("ADMIN") || (own && role.equals("PROVINCE_OFFICER"))
                            ? 201
                            : 422));
    rows.put(
        "DELETE /api/exemplary-police/{id}",
        new Row(
            (f, role, own) -> {
              long id = f.designation(own);
              return f.as(role)
                  .header("If-Match", "\"0\"")
                  .delete("/api/exemplary-police/{id}", id);
            },
            (role, own) ->
                role.equals("ANONYMOUS")
                    ? 401
                    : !WRITERS.contains(role)
                        ? 403
                        : role.equals("ADMIN") || (own && role.equals("PROVINCE_OFFICER"))
                            ? 204
                            : 404));
    rows.put(
        "GET /api/award-powers",
        new Row(
            (f, role, own) -> f.as(role).get("/api/award-powers"),
            (role, own) -> role.equals("ANONYMOUS") ? 401 : 200));
    rows.put(
        "POST /api/award-powers",
        new Row(
            (f, role, own) ->
                f.as(role).body(vn.antq.support.AwardBuilder.powerBody()).post("/api/award-powers"),
            (role, own) -> adminOnly(role, 201)));
    rows.put(
        "PUT /api/award-powers/{id}",
        new Row(
            (f, role, own) -> {
              long id = vn.antq.support.AwardBuilder.power();
              Map<String, Object> body = vn.antq.support.AwardBuilder.powerBody();
              body.put("legalBasis", "Sửa thử");
              return f.as(role)
                  .header("If-Match", "\"0\"")
                  .body(body)
                  .put("/api/award-powers/{id}", id);
            },
            (role, own) -> adminOnly(role, 200)));
  }

  static int readable(String role, boolean own) {
    return role.equals("ANONYMOUS") ? 401 : own || role.equals("ADMIN") ? 200 : 404;
  }

  static int adminOnly(String role, int ok) {
    return role.equals("ANONYMOUS") ? 401 : role.equals("ADMIN") ? ok : 403;
  }

  /** "GET /api/units/{id}" for every method of the generated interfaces. */
  static Set<String> routes() {
    Set<String> routes = new TreeSet<>();
    for (Class<?> api : API) {
      String base = api.getAnnotation(Path.class).value();
      for (Method m : api.getMethods()) {
        String verb =
            m.isAnnotationPresent(GET.class)
                ? "GET"
                : m.isAnnotationPresent(POST.class)
                    ? "POST"
                    : m.isAnnotationPresent(PUT.class)
                        ? "PUT"
                        : m.isAnnotationPresent(DELETE.class)
                            ? "DELETE"
                            : m.isAnnotationPresent(PATCH.class) ? "PATCH" : null;
        if (verb != null) {
          Path sub = m.getAnnotation(Path.class);
          routes.add(verb + " " + base + (sub == null ? "" : sub.value()));
        }
      }
    }
    return routes;
  }

  /** A person's own: 401 without a caller, 403 for an integration key, else {@code status}. */
  static int personal(String role, int status) {
    return role.equals("ANONYMOUS") ? 401 : role.equals("INTEGRATION") ? 403 : status;
  }

  @Test
  void everyRouteHasARow() {
    setUp();
    assertThat(new TreeSet<>(rows.keySet())).isEqualTo(routes());
    assertThat(API)
        .as("every generated interface is listed")
        .hasSize(
            (int)
                java.util.Arrays.stream(
                        new java.io.File(
                                "target/generated-sources/openapi/src/gen/java/vn/antq/api")
                            .listFiles())
                    .filter(file -> file.getName().endsWith("Api.java"))
                    .count());
  }

  @Test
  void everyRoleGetsExactlyWhatItMay() {
    setUp();
    List<String> failures = new ArrayList<>();
    for (var entry : rows.entrySet()) {
      for (String role : ROLES) {
        for (boolean own : new boolean[] {true, false}) {
          Response r = entry.getValue().call().run(f, role, own);
          int expected = entry.getValue().expect().status(role, own);
          if (r.statusCode() != expected) {
            failures.add(
                entry.getKey()
                    + " as "
                    + role
                    + (own ? " (own)" : " (other)")
                    + ": expected "
                    + expected
                    + ", got "
                    + r.statusCode()
                    + " "
                    + r.asString());
          } else if (r.statusCode() >= 400) {
            assertThat(r.contentType()).as(entry.getKey()).startsWith("application/problem+json");
          }
        }
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void listingsNeverReturnAnotherTerritory() {
    setUp();
    for (String role : List.of("PROVINCE_OFFICER", "COMMUNE_OFFICER", "VIEWER", "INTEGRATION")) {
      List<Long> all =
          f.as(role)
              .queryParam("size", 200)
              .get("/api/units")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath()
              .getList("content.id", Long.class);
      assertThat(all).as(role).doesNotContain(f.provinceB, f.communeB);
      List<Long> other =
          f.as(role)
              .queryParam("ancestorId", f.provinceB)
              .get("/api/units")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath()
              .getList("content.id", Long.class);
      assertThat(other).as(role).isEmpty();
      List<Long> search =
          f.as(role)
              .queryParam("q", "Xã Khác")
              .queryParam("size", 200)
              .get("/api/units")
              .then()
              .extract()
              .jsonPath()
              .getList("content.id", Long.class);
      assertThat(search).as(role).doesNotContain(f.communeB);
    }
  }

  @Test
  void movingOutOfTheTerritoryIsRefused() {
    setUp();
    long hamlet = f.hamlet(true);
    String etag = Api.given().get("/api/units/{id}", hamlet).header("ETag");
    f.as("COMMUNE_OFFICER")
        .header("If-Match", etag)
        .body(
            Map.of(
                "name",
                "Ấp Chạy",
                "kind",
                "HAMLET",
                "validFrom",
                "2020-01-01",
                "parentId",
                f.communeB))
        .put("/api/units/{id}", hamlet)
        .then()
        .statusCode(422);
    // and nothing changed
    Api.given()
        .get("/api/units/{id}", hamlet)
        .then()
        .body("parentId", org.hamcrest.Matchers.equalTo((int) f.communeA));
  }
}
