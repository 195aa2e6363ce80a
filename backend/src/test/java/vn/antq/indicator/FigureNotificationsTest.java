package vn.antq.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.antq.indicator.IndicatorResourceTest.act;
import static vn.antq.indicator.IndicatorResourceTest.body;
import static vn.antq.indicator.IndicatorResourceTest.create;
import static vn.antq.indicator.IndicatorResourceTest.indicator;
import static vn.antq.support.UnitBuilder.province;
import static vn.antq.support.UnitBuilder.unit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.antq.support.Api;
import vn.antq.support.Inbox;
import vn.antq.support.Users;

/**
 * Who hears of figures: a sending tells the province officers over the commune (not another
 * province's, not the commune's, not the sender); a return or an approval tells the commune's
 * officers; a refused change tells nobody; reminders of the deadline go once to the communes that
 * have not sent.
 */
@QuarkusTest
class FigureNotificationsTest {
  @Inject DeadlineReminders reminders;

  static String etag(long id) {
    return Api.given().get("/api/indicator-reports/{id}", id).header("ETag");
  }

  @Test
  void sendingReturningAndApprovingTellTheRightPeopleOnce() {
    long prov = province("Tỉnh Thông Báo").from("2020-01-01").create();
    long a = unit("COMMUNE", "Xã An Báo").under(prov).from("2020-01-01").create();
    long b = unit("COMMUNE", "Xã Bình Báo").under(prov).from("2020-01-01").create();
    long otherProv = province("Tỉnh Khác Báo").from("2020-01-01").create();
    String officerA = Users.signedIn("COMMUNE_OFFICER", a);
    String colleagueA = Users.signedIn("COMMUNE_OFFICER", a);
    String officerB = Users.signedIn("COMMUNE_OFFICER", b);
    String provinceOfficer = Users.signedIn("PROVINCE_OFFICER", prov);
    String viewer = Users.signedIn("VIEWER", prov);
    String otherProvince = Users.signedIn("PROVINCE_OFFICER", otherProv);

    Response r = create(officerA, body(a, "MONTH", 2025, 9, indicator("TIN_BAO"), 4));
    long id = r.jsonPath().getLong("id");
    act(officerA, id, r.header("ETag"), "SUBMIT", null).then().statusCode(200);
    assertThat(Inbox.titles(provinceOfficer, "FIGURES_SUBMITTED"))
        .singleElement()
        .asString()
        .startsWith("Xã An Báo")
        .endsWith(" gửi số liệu tháng 9/2025 chờ duyệt");
    assertThat(Inbox.page(provinceOfficer).getString("content[0].link"))
        .isEqualTo("/so-lieu/" + id);
    for (String nobody : new String[] {officerA, colleagueA, officerB, viewer, otherProvince}) {
      assertThat(Inbox.kinds(nobody)).isEmpty();
    }

    // a return without a comment is refused (422): nobody hears of it
    act(provinceOfficer, id, etag(id), "RETURN", " ").then().statusCode(422);
    assertThat(Inbox.kinds(officerA)).isEmpty();
    act(provinceOfficer, id, etag(id), "RETURN", "Thiếu số tin báo tuần 3").then().statusCode(200);
    for (String told : new String[] {officerA, colleagueA}) {
      assertThat(Inbox.titles(told, "FIGURES_RETURNED"))
          .singleElement()
          .asString()
          .startsWith("Số liệu tháng 9/2025 của Xã An Báo")
          .endsWith(" bị trả lại");
      assertThat(Inbox.page(told).getString("content[0].body")).contains("Thiếu số tin báo tuần 3");
    }
    assertThat(Inbox.kinds(officerB)).isEmpty();
    assertThat(Inbox.kinds(provinceOfficer)).containsExactly("FIGURES_SUBMITTED");

    act(officerA, id, etag(id), "SUBMIT", null).then().statusCode(200);
    act(provinceOfficer, id, etag(id), "APPROVE", null).then().statusCode(200);
    assertThat(Inbox.kinds(officerA)).containsExactly("FIGURES_APPROVED", "FIGURES_RETURNED");
    assertThat(Inbox.titles(colleagueA, "FIGURES_APPROVED"))
        .singleElement()
        .asString()
        .startsWith("Số liệu tháng 9/2025 của Xã An Báo")
        .endsWith(" đã được duyệt");
    assertThat(Inbox.kinds(provinceOfficer))
        .containsExactly("FIGURES_SUBMITTED", "FIGURES_SUBMITTED");
    assertThat(Inbox.page(provinceOfficer).getInt("unread")).isEqualTo(2);
    for (String nobody : new String[] {officerB, viewer, otherProvince}) {
      assertThat(Inbox.kinds(nobody)).isEmpty();
    }
  }

  @Test
  void remindersGoOnceToTheCommunesThatHaveNotSent() {
    long prov = province("Tỉnh Nhắc Hạn").from("2020-01-01").create();
    long sent = unit("COMMUNE", "Xã Đã Gửi").under(prov).from("2020-01-01").create();
    long late = unit("COMMUNE", "Xã Chưa Gửi").under(prov).from("2020-01-01").create();
    long quarterly = unit("COMMUNE", "Xã Theo Quý").under(prov).from("2020-01-01").create();
    String sender = Users.signedIn("COMMUNE_OFFICER", sent);
    String laggard = Users.signedIn("COMMUNE_OFFICER", late);
    String byQuarter = Users.signedIn("COMMUNE_OFFICER", quarterly);
    String provinceOfficer = Users.signedIn("PROVINCE_OFFICER", prov);
    for (int month = 10; month <= 12; month++) {
      Response r = create(sender, body(sent, "MONTH", 2025, month, indicator("TIN_BAO"), 1));
      act(sender, r.jsonPath().getLong("id"), r.header("ETag"), "SUBMIT", null)
          .then()
          .statusCode(200);
    }
    Response q = create(byQuarter, body(quarterly, "QUARTER", 2025, 4, indicator("TIN_BAO"), 3));
    act(byQuarter, q.jsonPath().getLong("id"), q.header("ETag"), "SUBMIT", null)
        .then()
        .statusCode(200);

    // 3 January 2026: December's deadline (5 January) is two days away, twice over
    remind(LocalDate.of(2026, 1, 3));
    remind(LocalDate.of(2026, 1, 3));
    assertThat(Inbox.titles(laggard, "DEADLINE_SOON"))
        .containsExactly("Còn 2 ngày đến hạn gửi số liệu tháng 12/2025");
    assertThat(Inbox.kinds(sender)).isEmpty();
    assertThat(Inbox.kinds(byQuarter)).as("reports by quarter").isEmpty();
    assertThat(Inbox.kinds(provinceOfficer)).containsOnly("FIGURES_SUBMITTED");

    // 6 and 7 January: overdue, told once; the fourth quarter (due 10 January) is soon for
    // communes that sent nothing in it
    remind(LocalDate.of(2026, 1, 7));
    remind(LocalDate.of(2026, 1, 7));
    assertThat(Inbox.titles(laggard, "DEADLINE_OVERDUE"))
        .containsExactly("Quá hạn gửi số liệu tháng 12/2025 (hạn ngày 05/01/2026)");
    assertThat(Inbox.titles(laggard, "DEADLINE_SOON"))
        .containsExactly(
            "Còn 3 ngày đến hạn gửi số liệu quý IV/2025",
            "Còn 2 ngày đến hạn gửi số liệu tháng 12/2025");
    assertThat(Inbox.kinds(sender)).as("reports by month").isEmpty();
    assertThat(Inbox.kinds(byQuarter)).as("sent its quarter").isEmpty();
  }

  void remind(LocalDate day) {
    QuarkusTransaction.requiringNew().call(() -> reminders.remindOn(day));
  }
}
