package vn.antq.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.antq.support.UnitBuilder.province;
import static vn.antq.support.UnitBuilder.unit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.antq.security.Role;
import vn.antq.support.Api;
import vn.antq.support.Users;

/**
 * Many notices told with one statement ({@link Notifier#sendAll}, the path of bulk imports) write
 * exactly what the same notices sent one after the other write: the same people per notice (each
 * once, the one who acted left out), a key told once staying told — also between two notices of the
 * same batch, the first winning —, a kind turned off in the application hidden, and the e-mails of
 * those who asked for them.
 */
@QuarkusTest
class NotifierBatchTest {
  @Inject Notifier notifier;
  @Inject EntityManager em;

  static long id(String token) {
    return Api.as(token).get("/api/auth/me").jsonPath().getLong("id");
  }

  static List<Notifier.Telling> tellings(
      String tag, long communeA, long communeB, long a1, long p) {
    return List.of(
        new Notifier.Telling(
            new Notice(NotificationKind.AWARD_DECIDED, tag + "Một", "1", "/x", communeA, tag + "1"),
            Audience.officersOver(communeA, Role.COMMUNE_OFFICER).except(a1)),
        new Notifier.Telling(
            Notice.of(NotificationKind.MODEL_STATUS_CHANGED, tag + "Hai", "2", null, null),
            Audience.users(List.of(a1, p))),
        new Notifier.Telling(
            new Notice(NotificationKind.AWARD_DECIDED, tag + "Ba", "3", "/y", communeB, tag + "3"),
            Audience.officersOverAny(
                List.of(communeA, communeB), Role.COMMUNE_OFFICER, Role.PROVINCE_OFFICER)),
        new Notifier.Telling(
            new Notice(NotificationKind.AWARD_DECIDED, tag + "Bốn", "4", "/y", communeB, tag + "3"),
            Audience.officersOver(communeB, Role.COMMUNE_OFFICER)),
        new Notifier.Telling(
            Notice.of(NotificationKind.AWARD_DECIDED, tag + "Năm", "5", "/z", null),
            Audience.users(List.of())));
  }

  /** What was written for the notices whose titles start with {@code tag}, the tag removed. */
  List<String> written(String tag) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT user_id, kind, substr(title, ?2), body, coalesce(link, '-'),"
                    + " coalesce(unit_id, 0), coalesce(substr(dedupe_key, ?2), '-'), in_app,"
                    + " read_at IS NOT NULL FROM notification WHERE title LIKE ?1"
                    + " ORDER BY 1, 3")
            .setParameter(1, tag + "%")
            .setParameter(2, tag.length() + 1)
            .getResultList();
    return rows.stream().map(java.util.Arrays::toString).toList();
  }

  List<String> mailed(String tag) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT user_id, recipient, substr(subject, ?2), digest FROM mail_outbox"
                    + " WHERE subject LIKE ?1 ORDER BY 1, 3")
            .setParameter(1, tag + "%")
            .setParameter(2, tag.length() + 1)
            .getResultList();
    return rows.stream().map(java.util.Arrays::toString).toList();
  }

  @Test
  void aBatchWritesWhatTheSameNoticesSentOneByOneWrite() {
    long prov = province("Tỉnh Báo Lô").from("2020-01-01").create();
    long communeA = unit("COMMUNE", "Xã Báo Lô A").under(prov).from("2020-01-01").create();
    long communeB = unit("COMMUNE", "Xã Báo Lô B").under(prov).from("2020-01-01").create();
    String a1Token = Users.signedIn("COMMUNE_OFFICER", communeA);
    String a2Token = Users.signedIn("COMMUNE_OFFICER", communeA);
    String pToken = Users.signedIn("PROVINCE_OFFICER", prov);
    long a1 = id(a1Token);
    long a2 = id(a2Token);
    long b1 = id(Users.signedIn("COMMUNE_OFFICER", communeB));
    long p = id(pToken);
    String run = "t" + System.nanoTime();
    NotificationApiTest.setPreferences(
            a2Token,
            run + "@xa-bao-lo.example.vn",
            false,
            List.of(Map.of("kind", "AWARD_DECIDED", "inApp", false, "email", true)))
        .statusCode(200);
    NotificationApiTest.setPreferences(pToken, run + "@tinh.example.vn", true, List.of())
        .statusCode(200);

    QuarkusTransaction.begin();
    try {
      String batch = run + "|lô|";
      String single = run + "|lẻ|";
      int told = notifier.sendAll(tellings(batch, communeA, communeB, a1, p));
      int toldOneByOne =
          tellings(single, communeA, communeB, a1, p).stream()
              .mapToInt(t -> notifier.send(t.notice(), t.to()))
              .sum();

      // Một: the other officer of A (kind off: hidden); Hai: the two accounts; Ba: the four who
      // hold A or B; Bốn: nobody (its key told the officer of B already); Năm: nobody
      assertThat(told).isEqualTo(7);
      assertThat(toldOneByOne).isEqualTo(7);
      assertThat(written(batch)).isEqualTo(written(single));
      assertThat(written(batch))
          .containsExactlyInAnyOrder(
              "[" + a2 + ", AWARD_DECIDED, Một, 1, /x, " + communeA + ", 1, false, true]",
              "[" + a1 + ", MODEL_STATUS_CHANGED, Hai, 2, -, 0, -, true, false]",
              "[" + p + ", MODEL_STATUS_CHANGED, Hai, 2, -, 0, -, true, false]",
              "[" + a1 + ", AWARD_DECIDED, Ba, 3, /y, " + communeB + ", 3, true, false]",
              "[" + a2 + ", AWARD_DECIDED, Ba, 3, /y, " + communeB + ", 3, false, true]",
              "[" + b1 + ", AWARD_DECIDED, Ba, 3, /y, " + communeB + ", 3, true, false]",
              "[" + p + ", AWARD_DECIDED, Ba, 3, /y, " + communeB + ", 3, true, false]");
      assertThat(mailed(batch)).isEqualTo(mailed(single));
      assertThat(mailed(batch))
          .containsExactlyInAnyOrder(
              "[" + a2 + ", " + run + "@xa-bao-lo.example.vn, Một, false]",
              "[" + a2 + ", " + run + "@xa-bao-lo.example.vn, Ba, false]",
              "[" + p + ", " + run + "@tinh.example.vn, Hai, true]",
              "[" + p + ", " + run + "@tinh.example.vn, Ba, true]");
      assertThat(notifier.sendAll(List.of())).isZero();
    } finally {
      QuarkusTransaction.rollback();
    }
  }

  @Test
  void theOfficersOverAUnitAreThoseOfItsOwnUnitAndTheUnitsAboveIt() {
    long prov = province("Tỉnh Báo Sâu").from("2020-01-01").create();
    long commune = unit("COMMUNE", "Xã Báo Sâu").under(prov).from("2020-01-01").create();
    long beside = unit("COMMUNE", "Xã Báo Bên").under(prov).from("2020-01-01").create();
    long hamlet = unit("HAMLET", "Ấp Báo Sâu").under(commune).from("2020-01-01").create();
    long ofCommune = id(Users.signedIn("COMMUNE_OFFICER", commune));
    long ofProvince = id(Users.signedIn("PROVINCE_OFFICER", prov));
    id(Users.signedIn("COMMUNE_OFFICER", beside));
    id(Users.signedIn("VIEWER", commune));
    String tag = "s" + System.nanoTime() + "|";

    QuarkusTransaction.begin();
    try {
      int told =
          notifier.send(
              new Notice(NotificationKind.AWARD_DECIDED, tag + "Ấp", "1", "/x", hamlet, null),
              Audience.officersOver(hamlet, Role.COMMUNE_OFFICER, Role.PROVINCE_OFFICER));
      // the commune's officer and the province's, not the next commune's, nor a viewer
      assertThat(told).isEqualTo(2);
      assertThat(written(tag))
          .map(row -> Long.parseLong(row.substring(1, row.indexOf(','))))
          .containsExactlyInAnyOrder(ofCommune, ofProvince);
    } finally {
      QuarkusTransaction.rollback();
    }
  }
}
