package vn.antq.security;

import static vn.antq.support.UnitBuilder.province;
import static vn.antq.support.UnitBuilder.unit;

import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import vn.antq.support.Api;
import vn.antq.support.Users;

/**
 * Two provinces (A: own territory, B: another), and one caller of each role bound inside A: a
 * province officer and a viewer on A, a commune officer and an API key on a commune of A.
 */
final class SecurityFixture {
  static final String PASSWORD = "mat-khau-thu-nghiem";

  final long provinceA;
  final long communeA;
  final long provinceB;
  final long communeB;
  final Map<String, String> tokens;
  final String apiKey;

  SecurityFixture() {
    // from 2000: reported figures need many past months
    provinceA = province("Tỉnh Mình").from("2000-01-01").create();
    communeA = unit("COMMUNE", "Xã Mình").under(provinceA).from("2000-01-01").create();
    provinceB = province("Tỉnh Khác").from("2000-01-01").create();
    communeB = unit("COMMUNE", "Xã Khác").under(provinceB).from("2000-01-01").create();
    String s = UUID.randomUUID().toString().substring(0, 8);
    tokens =
        Map.of(
            "ADMIN", Api.adminToken(),
            "PROVINCE_OFFICER", user("tinh-" + s, "PROVINCE_OFFICER", provinceA),
            "COMMUNE_OFFICER", user("xa-" + s, "COMMUNE_OFFICER", communeA),
            "VIEWER", user("xem-" + s, "VIEWER", provinceA));
    apiKey =
        Api.json()
            .body(Map.of("name", "Hệ thống thử " + s, "unitId", communeA))
            .post("/api/api-keys")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getString("key");
  }

  static String user(String username, String role, long unitId) {
    Api.json()
        .body(
            Map.of(
                "username", username,
                "fullName", "Cán bộ " + username,
                "role", role,
                "unitId", unitId,
                "password", PASSWORD))
        .post("/api/users")
        .then()
        .statusCode(201);
    return Api.login(username, PASSWORD);
  }

  /** A request as a role (INTEGRATION: the API key; ANONYMOUS: nothing). */
  io.restassured.specification.RequestSpecification as(String role) {
    if (role.equals("INTEGRATION")) {
      return Api.anonymous().header("X-API-Key", apiKey).contentType(ContentType.JSON);
    }
    if (role.equals("ANONYMOUS")) {
      return Api.anonymous().contentType(ContentType.JSON);
    }
    return Api.as(tokens.get(role)).contentType(ContentType.JSON);
  }

  /**
   * A notification of the role's person (own) or of another person of the other province (other); 1
   * for callers without an account (their calls stop before it is looked for).
   */
  long notificationOf(String role, boolean own) {
    Long user;
    if (own) {
      if (!tokens.containsKey(role)) {
        return 1;
      }
      user = as(role).get("/api/auth/me").jsonPath().getLong("id");
    } else {
      String stranger = Users.signedIn("COMMUNE_OFFICER", communeB);
      user = Api.as(stranger).get("/api/auth/me").jsonPath().getLong("id");
    }
    jakarta.persistence.EntityManager em =
        io.quarkus.arc.Arc.container().instance(jakarta.persistence.EntityManager.class).get();
    return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
        .call(
            () ->
                vn.antq.common.db.Rows.toLong(
                    em.createNativeQuery(
                            "INSERT INTO notification (user_id, kind, title, body)"
                                + " VALUES (?1, 'FIGURES_APPROVED', 'Thử', '') RETURNING id")
                        .setParameter(1, user)
                        .getSingleResult()));
  }

  long communeOf(boolean own) {
    return own ? communeA : communeB;
  }

  /** The smallest valid PNG: a 1×1 transparent pixel. */
  static final byte[] PNG =
      java.util.Base64.getDecoder()
          .decode(
              "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

  private final java.util.Map<Boolean, Long> sharedEvents = new java.util.HashMap<>();

  long event(boolean own) {
    return vn.antq.support.EventBuilder.event("Sự kiện thử", communeOf(own));
  }

  long sharedEvent(boolean own) {
    return sharedEvents.computeIfAbsent(own, this::event);
  }

  /** {event, attachment} in the own or the other territory. */
  long[] attachment(boolean own) {
    long event = sharedEvent(own);
    long id =
        Api.given()
            .contentType("application/octet-stream")
            .header("X-File-Name", "anh.png")
            .body(PNG)
            .post("/api/events/{id}/attachments", event)
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");
    return new long[] {event, id};
  }

  long programme(boolean own) {
    return Api.json()
        .body(
            vn.antq.support.EventBuilder.programme(
                "T-" + System.nanoTime(), communeOf(own), java.util.List.of(communeOf(own))))
        .post("/api/programmes")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath()
        .getLong("id");
  }

  private final java.util.Map<Boolean, Long> sharedAwards = new java.util.HashMap<>();

  /** One award decision per territory for calls that only read it. */
  long sharedAward(boolean own) {
    return sharedAwards.computeIfAbsent(own, o -> vn.antq.support.AwardBuilder.award(communeOf(o)));
  }

  long award(boolean own) {
    return vn.antq.support.AwardBuilder.award(communeOf(own));
  }

  private int periods;

  /** A fresh month (from 01/2000 on, when the fixture units start) for a new indicator report. */
  synchronized int[] nextPeriod() {
    int n = periods++;
    return new int[] {2000 + n / 12, n % 12 + 1};
  }

  /** The body of a month's figures for the own or the other commune. */
  Map<String, Object> indicatorBody(boolean own) {
    int[] p = nextPeriod();
    return Map.of(
        "unitId",
        communeOf(own),
        "periodKind",
        "MONTH",
        "year",
        p[0],
        "number",
        p[1],
        "values",
        java.util.List.of(
            Map.of(
                "indicatorId",
                vn.antq.support.EventBuilder.catalogueId("INDICATOR", "TIN_BAO"),
                "value",
                3)));
  }

  /** A draft (or approved) indicator report written by the administrator. */
  long indicatorReport(boolean own, boolean approved) {
    io.restassured.response.Response r =
        Api.json().body(indicatorBody(own)).post("/api/indicator-reports");
    r.then().statusCode(201);
    long id = r.jsonPath().getLong("id");
    if (approved) {
      String etag = r.header("ETag");
      for (String action : new String[] {"SUBMIT", "APPROVE"}) {
        etag =
            Api.json()
                .header("If-Match", etag)
                .body(Map.of("action", action))
                .post("/api/indicator-reports/" + id + "/transitions")
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
      }
    }
    return id;
  }

  private final java.util.Map<Boolean, long[]> shared = new java.util.HashMap<>();

  /** One roster per territory for calls that only read or add to it. */
  long[] sharedRoster(boolean own) {
    return shared.computeIfAbsent(own, this::roster);
  }

  /**
   * A model with one team and one member in the own or the other territory: {model, team, member}.
   */
  long[] roster(boolean own) {
    long model = vn.antq.support.ModelBuilder.model("Mô hình thử", communeOf(own));
    long team = vn.antq.support.ModelBuilder.team(model, "Tổ " + System.nanoTime(), communeOf(own));
    long member = vn.antq.support.ModelBuilder.member(model, team, "Nguyễn Văn Thử", "MEMBER");
    return new long[] {model, team, member};
  }

  /** A fresh hamlet in the own or the other territory, made by the administrator. */
  /** An assessment of a fresh residential area for 2025, every criterion met. */
  Map<String, Object> safetyBody(boolean own) {
    long kdc = hamlet(own);
    java.util.List<Integer> criteria =
        Api.given()
            .queryParam("unitId", kdc)
            .queryParam("year", 2025)
            .get("/api/safety-assessments/checklist")
            .jsonPath()
            .getList("criteria.id");
    return Map.of(
        "unitId",
        kdc,
        "year",
        2025,
        "criteria",
        criteria.stream().map(c -> Map.of("criterionId", c, "met", true)).toList());
  }

  long assessment(boolean own) {
    return Api.json()
        .body(safetyBody(own))
        .post("/api/safety-assessments")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath()
        .getLong("id");
  }

  /** The police of a fresh ward of the own or the other province. */
  long wardPolice(boolean own) {
    long ward = unit("WARD", "Phường Thử").under(own ? provinceA : provinceB).create();
    return unit("POLICE", "Công an phường Thử").under(ward).create();
  }

  Map<String, Object> policeBody(long police) {
    return Map.of(
        "unitId", police,
        "year", 2025,
        "decisionNumber", "12/QĐ-CAT",
        "decidedOn", "2025-12-01",
        "authority", "Giám đốc Công an tỉnh");
  }

  long designation(boolean own) {
    return Api.json()
        .body(policeBody(wardPolice(own)))
        .post("/api/exemplary-police")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath()
        .getLong("id");
  }

  long hamlet(boolean own) {
    return unit("HAMLET", "Ấp Thử").under(communeOf(own)).create();
  }
}
