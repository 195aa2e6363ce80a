package vn.antq.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static vn.antq.support.UnitBuilder.province;
import static vn.antq.support.UnitBuilder.unit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.antq.common.db.Rows;
import vn.antq.support.Api;
import vn.antq.support.AwardBuilder;
import vn.antq.support.GreenMailResource;
import vn.antq.support.Inbox;
import vn.antq.support.ModelBuilder;
import vn.antq.support.Users;

/**
 * A person's notifications through the API (their own only, paged, counted with an ETag, marked
 * read), the kinds told by models and awards, nothing on a rolled-back change, and e-mail through a
 * real SMTP server: sent after the commit, retried when the server was down, held for the digest.
 */
@QuarkusTest
class NotificationApiTest {
  static final Map<Long, Integer> REVIEWS = new java.util.concurrent.ConcurrentHashMap<>();

  @Inject Notifier notifier;
  @Inject MailDigest digest;
  @Inject EntityManager em;

  /** The administrator moves the model on (a review a year later each time). */
  static void review(long model) {
    String etag = Api.given().get("/api/models/{id}", model).header("ETag");
    String status = Api.given().get("/api/models/{id}", model).jsonPath().getString("status");
    Map<String, Object> body = new HashMap<>();
    body.put("toStatus", status.equals("REGISTERED") ? "ACTIVE" : "REVIEWED");
    body.put("date", (2020 + REVIEWS.merge(model, 1, Integer::sum)) + "-06-01");
    body.put("note", "Sơ kết");
    Api.json()
        .header("If-Match", etag)
        .body(body)
        .post("/api/models/{id}/transitions", model)
        .then()
        .statusCode(200);
  }

  @Test
  void eachPersonReadsCountsAndMarksOnlyTheirOwn() {
    long prov = province("Tỉnh Chuông").from("2020-01-01").create();
    long commune = unit("COMMUNE", "Xã Chuông").under(prov).from("2020-01-01").create();
    long otherCommune = unit("COMMUNE", "Xã Lặng").under(prov).from("2020-01-01").create();
    String officer = Users.signedIn("COMMUNE_OFFICER", commune);
    String colleague = Users.signedIn("COMMUNE_OFFICER", commune);
    String elsewhere = Users.signedIn("COMMUNE_OFFICER", otherCommune);
    String provinceOfficer = Users.signedIn("PROVINCE_OFFICER", prov);
    long model = ModelBuilder.model("Tổ tự quản chuông báo", commune);
    review(model);
    review(model);
    review(model);
    assertThat(Inbox.titles(officer, "MODEL_STATUS_CHANGED"))
        .hasSize(3)
        .first()
        .asString()
        .startsWith("Mô hình «Tổ tự quản chuông báo")
        .endsWith("»: Đã sơ kết → Đã sơ kết");
    assertThat(Inbox.kinds(provinceOfficer)).hasSize(3);
    assertThat(Inbox.kinds(elsewhere)).isEmpty();

    // the officer changes it himself: his colleague hears of it, he does not
    String etag = Api.given().get("/api/models/{id}", model).header("ETag");
    Api.as(officer)
        .contentType(ContentType.JSON)
        .header("If-Match", etag)
        .body(Map.of("toStatus", "REVIEWED", "date", (2020 + REVIEWS.get(model)) + "-07-01"))
        .post("/api/models/{id}/transitions", model)
        .then()
        .statusCode(200);
    assertThat(Inbox.kinds(officer)).hasSize(3);
    assertThat(Inbox.kinds(colleague)).hasSize(4);

    // paging by cursor, newest first
    JsonPath first =
        Api.as(officer).queryParam("size", 2).get("/api/notifications").then().extract().jsonPath();
    assertThat(first.getList("content")).hasSize(2);
    assertThat(first.getInt("unread")).isEqualTo(3);
    String cursor = first.getString("nextCursor");
    List<Long> ids = new ArrayList<>(first.getList("content.id", Long.class));
    JsonPath second =
        Api.as(officer)
            .queryParam("size", 2)
            .queryParam("after", cursor)
            .get("/api/notifications")
            .then()
            .extract()
            .jsonPath();
    assertThat(second.getList("content")).hasSize(1);
    assertThat(second.getString("nextCursor")).isNull();
    ids.addAll(second.getList("content.id", Long.class));
    assertThat(ids).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    Api.as(officer)
        .queryParam("after", "không-phải-con-trỏ")
        .get("/api/notifications")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("violations[0].field", equalTo("after"));

    // the count with its ETag: 304 while nothing changes
    var count = Api.as(officer).get("/api/notifications/unread").then().statusCode(200);
    count.body("unread", equalTo(3)).body("latestId", equalTo(ids.get(0).intValue()));
    String tag = count.extract().header("ETag");
    Api.as(officer)
        .header("If-None-Match", tag)
        .get("/api/notifications/unread")
        .then()
        .statusCode(304);

    // another's notification is not found; one's own is marked, and the count moves
    long colleagues = Inbox.page(colleague).getLong("content[0].id");
    Api.as(officer).post("/api/notifications/{id}/read", colleagues).then().statusCode(404);
    Api.as(officer).post("/api/notifications/{id}/read", ids.get(0)).then().statusCode(204);
    Api.as(officer).post("/api/notifications/{id}/read", ids.get(0)).then().statusCode(204);
    Api.as(officer)
        .header("If-None-Match", tag)
        .get("/api/notifications/unread")
        .then()
        .statusCode(200)
        .body("unread", equalTo(2));
    assertThat(Inbox.page(colleague).getInt("unread")).isEqualTo(4);
    Api.as(officer)
        .queryParam("unreadOnly", true)
        .get("/api/notifications")
        .then()
        .body(
            "content.id",
            org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(ids.get(0).intValue())));
    // all read up to what was shown: the oldest two
    Api.as(officer)
        .queryParam("upToId", ids.get(1))
        .post("/api/notifications/read-all")
        .then()
        .statusCode(204);
    assertThat(Inbox.page(officer).getInt("unread")).isEqualTo(0);
    Api.as(colleague).post("/api/notifications/read-all").then().statusCode(204);
    assertThat(Inbox.page(colleague).getInt("unread")).isEqualTo(0);
  }

  @Test
  void anAwardTellsTheCommunesItNamesAndARolledBackChangeNobody() {
    long prov = province("Tỉnh Khen Báo").from("2020-01-01").create();
    long commune = unit("COMMUNE", "Xã Được Khen").under(prov).from("2020-01-01").create();
    long other = unit("COMMUNE", "Xã Không Khen").under(prov).from("2020-01-01").create();
    String named = Users.signedIn("COMMUNE_OFFICER", commune);
    String notNamed = Users.signedIn("COMMUNE_OFFICER", other);
    long award = AwardBuilder.award(commune);
    assertThat(Inbox.titles(named, "AWARD_DECIDED"))
        .singleElement()
        .asString()
        .startsWith("Quyết định khen thưởng số ")
        .contains("ngày 02/09/2025");
    assertThat(Inbox.page(named).getString("content[0].link")).isEqualTo("/khen-thuong/" + award);
    assertThat(Inbox.kinds(notNamed)).isEmpty();

    // written, then rolled back with the change that caused it: nobody was told
    long officerId = Api.as(named).get("/api/auth/me").jsonPath().getLong("id");
    QuarkusTransaction.begin();
    int told =
        notifier.send(
            Notice.of(
                NotificationKind.AWARD_DECIDED, "Quyết định bị hủy", "", "/khen-thuong", null),
            Audience.users(List.of(officerId)));
    assertThat(told).isEqualTo(1);
    QuarkusTransaction.rollback();
    assertThat(Inbox.kinds(named)).containsExactly("AWARD_DECIDED");
  }

  static JsonPath preferences(String token) {
    return Api.as(token)
        .get("/api/notifications/preferences")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  static io.restassured.response.ValidatableResponse setPreferences(
      String token, String email, boolean digest, List<Map<String, Object>> kinds) {
    String etag = Api.as(token).get("/api/notifications/preferences").header("ETag");
    Map<String, Object> body = new HashMap<>();
    body.put("email", email);
    body.put("digest", digest);
    body.put("kinds", kinds);
    return Api.as(token)
        .contentType(ContentType.JSON)
        .header("If-Match", etag)
        .body(body)
        .put("/api/notifications/preferences")
        .then();
  }

  /**
   * The messages the SMTP server received for an address, waiting up to 15 s for {@code n} (0:
   * now).
   */
  static List<MimeMessage> mailTo(String address, int n) throws Exception {
    long until = System.currentTimeMillis() + 15_000;
    List<MimeMessage> got = List.of();
    while (System.currentTimeMillis() < until) {
      got =
          Arrays.stream(GreenMailResource.server().getReceivedMessages())
              .filter(m -> to(m).contains(address))
              .toList();
      if (got.size() >= n) {
        return got;
      }
      Thread.sleep(100);
    }
    return got;
  }

  static String to(MimeMessage m) {
    try {
      return Arrays.toString(m.getRecipients(Message.RecipientType.TO));
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void emailsReachTheSmtpServerAfterTheCommitAndAgainAfterItWasDown() throws Exception {
    long prov = province("Tỉnh Thư").from("2020-01-01").create();
    long commune = unit("COMMUNE", "Xã Thư").under(prov).from("2020-01-01").create();
    String officer = Users.signedIn("COMMUNE_OFFICER", commune);
    String address = "can-bo." + System.nanoTime() + "@xa-thu.example.vn";
    JsonPath defaults = preferences(officer);
    assertThat(defaults.getBoolean("mailEnabled")).isTrue();
    assertThat(defaults.getList("kinds.inApp", Boolean.class)).containsOnly(true);
    assertThat(defaults.getString("email")).isNull();
    // refused: a wrong address (400/422), a stale or missing version (412, 428)
    setPreferences(officer, "không phải thư", false, List.of())
        .statusCode(400)
        .contentType("application/problem+json")
        .body("violations[0].field", org.hamcrest.Matchers.endsWith("email"));
    setPreferences(officer, "ten@xa", false, List.of())
        .statusCode(org.hamcrest.Matchers.either(equalTo(400)).or(equalTo(422)))
        .body("violations[0].field", org.hamcrest.Matchers.endsWith("email"));
    Api.as(officer)
        .contentType(ContentType.JSON)
        .header("If-Match", "\"7\"")
        .body(Map.of("digest", false, "kinds", List.of()))
        .put("/api/notifications/preferences")
        .then()
        .statusCode(412);
    Api.as(officer)
        .contentType(ContentType.JSON)
        .body(Map.of("digest", false, "kinds", List.of()))
        .put("/api/notifications/preferences")
        .then()
        .statusCode(428);
    setPreferences(
            officer,
            address,
            false,
            List.of(Map.of("kind", "MODEL_STATUS_CHANGED", "inApp", false, "email", true)))
        .statusCode(200)
        .body("email", equalTo(address))
        .body("kinds.find { it.kind == 'MODEL_STATUS_CHANGED' }.inApp", equalTo(false))
        .body("kinds.find { it.kind == 'FIGURES_APPROVED' }.inApp", equalTo(true));

    long model = ModelBuilder.model("Câu lạc bộ thư điện tử", commune);
    review(model);
    List<MimeMessage> mails = mailTo(address, 1);
    assertThat(mails).hasSize(1);
    MimeMessage m = mails.get(0);
    assertThat(m.getSubject())
        .startsWith("Mô hình «Câu lạc bộ thư điện tử")
        .endsWith("Đăng ký → Hoạt động");
    String text = m.getContent().toString();
    assertThat(text)
        .contains("Người đổi: test-admin")
        .contains("Xem chi tiết: https://antq.example.vn/mo-hinh/" + model)
        .contains("https://antq.example.vn/thong-bao/thiet-lap");
    // turned off in the application: no row in the list, the e-mail all the same
    assertThat(Inbox.kinds(officer)).isEmpty();

    // the server goes down: the e-mail waits and is sent once it is back
    GreenMailResource.down();
    try {
      review(model);
      long until = System.currentTimeMillis() + 10_000;
      Object[] row = null;
      while (System.currentTimeMillis() < until) {
        row = outboxRow(address);
        if (row != null && Rows.toInt(row[0]) >= 1) {
          break;
        }
        Thread.sleep(100);
      }
      assertThat(row).isNotNull();
      assertThat(Rows.toInt(row[0])).as("attempts while down").isGreaterThanOrEqualTo(1);
      assertThat(row[1]).as("sent while down").isNull();
      assertThat((String) row[2]).isNotBlank();
    } finally {
      GreenMailResource.up();
    }
    List<MimeMessage> after = mailTo(address, 1);
    assertThat(after).hasSize(1);
    assertThat(after.get(0).getSubject()).endsWith("Hoạt động → Đã sơ kết");
    // the server has the e-mail before the sender has recorded it as sent (its own commit after)
    Object[] row = outboxRow(address);
    for (long until = System.currentTimeMillis() + 10_000;
        row[1] == null && System.currentTimeMillis() < until;
        row = outboxRow(address)) {
      Thread.sleep(50);
    }
    assertThat(row[1]).as("sent at").isNotNull();
    assertThat(Rows.toInt(row[0])).isGreaterThanOrEqualTo(2);
  }

  /** The last e-mail queued for an address: attempts, sent at, last error. */
  Object[] outboxRow(String address) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              List<Object[]> rows =
                  Rows.of(
                      em.createNativeQuery(
                              "SELECT attempts, sent_at, last_error FROM mail_outbox"
                                  + " WHERE recipient = ?1 ORDER BY id DESC LIMIT 1")
                          .setParameter(1, address));
              return rows.isEmpty() ? null : rows.get(0);
            });
  }

  @Test
  void aDigestGathersTheDaysEmailsIntoOne() throws Exception {
    long prov = province("Tỉnh Bản Tin").from("2020-01-01").create();
    long commune = unit("COMMUNE", "Xã Bản Tin").under(prov).from("2020-01-01").create();
    String officer = Users.signedIn("COMMUNE_OFFICER", commune);
    String address = "ban-tin." + System.nanoTime() + "@xa.example.vn";
    setPreferences(officer, address, true, List.of()).statusCode(200).body("digest", equalTo(true));
    long model = ModelBuilder.model("Tổ bản tin", commune);
    review(model);
    review(model);
    assertThat(Inbox.kinds(officer)).hasSize(2);
    Thread.sleep(1500);
    assertThat(mailTo(address, 0)).as("nothing before the digest").isEmpty();
    int digests =
        QuarkusTransaction.requiringNew().call(() -> digest.compose(Instant.now().plusSeconds(1)));
    assertThat(digests).isGreaterThanOrEqualTo(1);
    List<MimeMessage> mails = mailTo(address, 1);
    assertThat(mails).hasSize(1);
    assertThat(mails.get(0).getSubject()).isEqualTo("ANTQ: 2 thông báo trong ngày");
    assertThat(mails.get(0).getContent().toString())
        .contains("Bản tin thông báo trong ngày (2 thông báo)")
        .contains("Đăng ký → Hoạt động")
        .contains("Hoạt động → Đã sơ kết");
    // the next digest has nothing more for this person
    QuarkusTransaction.requiringNew().call(() -> digest.compose(Instant.now().plusSeconds(1)));
    Thread.sleep(1000);
    assertThat(mailTo(address, 0)).hasSize(1);
  }
}
