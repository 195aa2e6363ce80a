package vn.antq.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.antq.support.Api;
import vn.antq.support.EmbeddedPostgresResource;

/** The demo data, on a database of its own: the seed articles' places and the 2025 reform. */
@QuarkusTest
@TestProfile(DemoDataTest.WithDemoData.class)
class DemoDataTest {
  public static class WithDemoData implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("antq.demo-data", "true");
    }

    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(new TestResourceEntry(EmbeddedPostgresResource.class));
    }
  }

  @Inject DemoDataLoader loader;

  private static JsonPath find(String q, String extra) {
    return Api.given()
        .get("/api/units?size=200&q=" + q + extra)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Test
  void thirtyFourProvincesInForceAndSixtyThreeInHistory() {
    Api.given()
        .get("/api/units?kind=PROVINCE&activeOn=2025-07-01&size=1")
        .then()
        .body("totalElements", equalTo(34));
    Api.given()
        .get("/api/units?kind=PROVINCE&activeOn=2025-06-30&size=1")
        .then()
        .body("totalElements", equalTo(63));
  }

  @Test
  void bacLieuWasMergedIntoCaMau() {
    long bacLieu =
        find("bac lieu", "&kind=PROVINCE").getLong("content.find { it.name == 'Bạc Liêu' }.id");
    Api.given()
        .get("/api/units/{id}", bacLieu)
        .then()
        .body("validTo", equalTo("2025-07-01"))
        .body("successors.unit.name", contains("Cà Mau"))
        .body("successors[0].changeKind", equalTo("MERGE"));
    long caMau =
        find("ca mau", "&kind=PROVINCE").getLong("content.find { it.name == 'Cà Mau' }.id");
    Api.given()
        .get("/api/units/{id}", caMau)
        .then()
        .body("predecessors.unit.name", contains("Bạc Liêu"));
    // the wards that replaced Bạc Liêu's are in Cà Mau now
    Api.given()
        .get("/api/units?size=200&kind=WARD&activeOn=2025-07-01&ancestorId=" + caMau)
        .then()
        .body("content.name", hasItems("Phường Bạc Liêu", "Phường An Xuyên"));
  }

  @Test
  void phanThietAndLaGiWardsBelongToLamDong() {
    long lamDong =
        find("lam dong", "&kind=PROVINCE").getLong("content.find { it.name == 'Lâm Đồng' }.id");
    Api.given()
        .get("/api/units?size=200&kind=POLICE&ancestorId=" + lamDong)
        .then()
        .body(
            "content.name",
            hasItems(
                "Công an phường Phú Thủy",
                "Công an phường Xuân An",
                "Công an phường Tân Thiện",
                "Công an phường Tân An"));
  }

  @Test
  void cuaLoKeepsItsHistory() {
    long cuaLo = find("thi xa cua lo", "&kind=DISTRICT").getLong("content[0].id");
    Api.given()
        .get("/api/units/{id}", cuaLo)
        .then()
        .body("validTo", equalTo("2025-07-01"))
        .body("active", equalTo(false));
    Api.given()
        .get("/api/units?size=200&activeOn=2024-01-01&kind=WARD&ancestorId=" + cuaLo)
        .then()
        .body("totalElements", equalTo(7))
        .body("content.name", hasItem("Phường Nghi Thủy"));
  }

  @Test
  void modelsWithRostersAtEveryStageToPageThrough() {
    long caMau = find("ca mau", "&kind=PROVINCE&activeOn=2025-08-01").getLong("content[0].id");
    var page =
        Api.given()
            .get("/api/models?size=20&unitId=" + caMau)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    org.assertj.core.api.Assertions.assertThat(page.getInt("totalPages")).isGreaterThanOrEqualTo(2);
    var all = Api.given().get("/api/models?size=200").jsonPath();
    org.assertj.core.api.Assertions.assertThat(all.getList("content.status", String.class))
        .contains("REGISTERED", "ACTIVE", "REVIEWED", "FINAL_REVIEWED", "REPLICATED", "RETIRED");
    org.assertj.core.api.Assertions.assertThat(all.getList("content.name", String.class))
        .contains("Phường Cửa Lò sạch ma túy");
    org.assertj.core.api.Assertions.assertThat(all.getList("content.memberCount", Integer.class))
        .anyMatch(c -> c > 0);
    org.assertj.core.api.Assertions.assertThat(
            all.getList("content.declaredMembers", Integer.class))
        .anyMatch(java.util.Objects::nonNull);
    Api.given()
        .get("/api/models?recognitionLevel=PROVINCE")
        .then()
        .body("totalElements", org.hamcrest.Matchers.greaterThan(0));
  }

  @Test
  void eventsOfTheFestivalAndThisMonthAndAProgramme() {
    Api.given()
        .get("/api/events?from=2025-08-19&to=2025-08-19&size=100")
        .then()
        .statusCode(200)
        .body("content.type.code", org.hamcrest.Matchers.everyItem(equalTo("NGAY_HOI_19_8")))
        .body("totalElements", org.hamcrest.Matchers.greaterThan(5));
    String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toString();
    String first = today.substring(0, 8) + "01";
    Api.given()
        .get("/api/events?from=" + first + "&to=" + today.substring(0, 8) + "28")
        .then()
        .body("totalElements", org.hamcrest.Matchers.greaterThan(0));
    Api.given()
        .get("/api/programmes?q=05/CTr-CAT")
        .then()
        .body("content[0].eventCount", org.hamcrest.Matchers.greaterThan(5))
        .body("content[0].parties.name", hasItem("Công an tỉnh Cà Mau"));
  }

  @Test
  void bacLieuAwardedTenCollectivesAndTwentyFiveIndividuals() {
    // the seed article's figures, counted for Cà Mau today through the lineage of Bạc Liêu
    long caMau = find("Cà Mau", "&kind=PROVINCE&activeOn=2025-07-01").getLong("content[0].id");
    Api.given()
        .get("/api/awards/counts?unitId=" + caMau + "&from=2023-01-01&to=2023-12-31")
        .then()
        .statusCode(200)
        .body("decisions", equalTo(1))
        .body("collectives", equalTo(10))
        .body("individuals", equalTo(25));
    // the town chairman's Giấy khen of 2024 in Cửa Lò, and awards presented at a 2025 festival
    Api.given()
        .get("/api/awards?q=2107/QĐ-UBND")
        .then()
        .body("content[0].form.code", equalTo("GIAY_KHEN"))
        .body("content[0].authority.code", equalTo("CT_UBND_HUYEN"));
    Api.given()
        .get("/api/awards?from=2025-08-19&to=2025-08-19")
        .then()
        .body("content[0].event.title", org.hamcrest.Matchers.startsWith("Ngày hội"));
  }

  @Test
  void aDemoProvinceCountsTheSameAtEveryDepth() {
    long caMau =
        Api.given()
            .get("/api/units?size=5&q=Cà Mau&kind=PROVINCE&activeOn=2025-07-01")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getLong("content[0].id");
    // the per-commune roll-ups (depth 1) and the records by unit (depth 2) agree
    JsonPath flat = vn.antq.report.ReportDepthTest.summary(caMau, "2013-01-01", "2026-06-30", 1);
    JsonPath deep = vn.antq.report.ReportDepthTest.summary(caMau, "2013-01-01", "2026-06-30", 2);
    assertThat(deep.getMap("totals")).isEqualTo(flat.getMap("totals"));
    assertThat(deep.getMap("direct")).isEqualTo(flat.getMap("direct"));
    List<Map<String, Object>> top =
        deep.<Map<String, Object>>getList("children").stream()
            .filter(c -> ((Number) c.get("level")).intValue() == 1)
            .toList();
    assertThat(top).isEqualTo(flat.getList("children"));
    assertThat(deep.getList("children")).hasSizeGreaterThan(top.size());
  }

  @Test
  void loadsOnlyOnce() {
    org.junit.jupiter.api.Assertions.assertFalse(loader.load());
  }
}
