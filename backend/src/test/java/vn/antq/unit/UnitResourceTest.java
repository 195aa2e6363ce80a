package vn.antq.unit;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static vn.antq.support.UnitBuilder.province;
import static vn.antq.support.UnitBuilder.unit;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import vn.antq.support.Api;
import vn.antq.support.UnitBuilder;

@QuarkusTest
class UnitResourceTest {

  private static JsonPath get(long id) {
    return Api.given().get("/api/units/{id}", id).then().statusCode(200).extract().jsonPath();
  }

  private static String etag(long id) {
    return Api.given().get("/api/units/{id}", id).then().statusCode(200).extract().header("ETag");
  }

  private static ValidatableResponse put(long id, String ifMatch, Map<String, Object> body) {
    var req = Api.json().body(body);
    if (ifMatch != null) {
      req = req.header("If-Match", ifMatch);
    }
    return req.put("/api/units/{id}", id).then();
  }

  private static Map<String, Object> bodyOf(long id) {
    JsonPath u = get(id);
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("name", u.getString("name"));
    body.put("kind", u.getString("kind"));
    body.put("validFrom", u.getString("validFrom"));
    if (u.get("parentId") != null) {
      body.put("parentId", u.getLong("parentId"));
    }
    if (u.get("code") != null) {
      body.put("code", u.getString("code"));
    }
    if (u.get("validTo") != null) {
      body.put("validTo", u.getString("validTo"));
    }
    return body;
  }

  // ------------------------------------------------------------ create and read

  @Test
  void createsAndReadsAUnitWithItsAncestry() {
    long p = province("Tỉnh Thử").create();
    long w = unit("WARD", "Phường Thử").under(p).from("2025-07-01").create();
    long h = unit("HAMLET", "Khóm Thử").under(w).create();

    Api.given()
        .get("/api/units/{id}", h)
        .then()
        .statusCode(200)
        .header("ETag", equalTo("\"0\""))
        .body("kind", equalTo("HAMLET"))
        .body("parentId", equalTo((int) w))
        .body("provinceId", equalTo((int) p))
        .body("communeId", equalTo((int) w))
        .body("active", equalTo(true))
        .body("ancestors.id", contains((int) p, (int) w))
        .body("predecessors", empty())
        .body("successors", empty());
    Api.given()
        .get("/api/units/{id}", w)
        .then()
        .body("childCount", equalTo(1))
        .body("communeId", equalTo((int) w))
        .body("provinceId", equalTo((int) p));
  }

  @Test
  void createAnswers201WithLocationAndEtag() {
    Api.json()
        .body(province("Tỉnh Mới").body())
        .post("/api/units")
        .then()
        .statusCode(201)
        .header("Location", containsString("/api/units/"))
        .header("ETag", equalTo("\"0\""))
        .body("active", equalTo(true))
        .body("childCount", equalTo(0));
  }

  @Test
  void trimsNamesAndKeepsVietnamese() {
    long p = province("x").exactName("  Tỉnh Đắk Nông Thử  ").create();
    Api.given().get("/api/units/{id}", p).then().body("name", equalTo("Tỉnh Đắk Nông Thử"));
  }

  // ------------------------------------------------------------ list and filters

  @Test
  void searchIgnoresCaseAndDiacritics() {
    long root = province("Tỉnh Tìm Kiếm").create();
    long caMau = unit("WARD", "x").exactName("Phường Cà Mau Tìm").under(root).create();
    long dongThap = unit("COMMUNE", "x").exactName("Xã Đồng Tháp Tìm").under(root).create();
    long other = unit("WARD", "x").exactName("Phường Khác Tìm").under(root).create();

    listIds(Map.of("ancestorId", root, "q", "ca mau")).forEach(id -> {});
    org.hamcrest.MatcherAssert.assertThat(
        listIds(Map.of("ancestorId", root, "q", "ca mau")), contains(caMau));
    org.hamcrest.MatcherAssert.assertThat(
        listIds(Map.of("ancestorId", root, "q", "dong thap")), contains(dongThap));
    org.hamcrest.MatcherAssert.assertThat(
        listIds(Map.of("ancestorId", root, "q", "ĐỒNG THÁP")), contains(dongThap));
    org.hamcrest.MatcherAssert.assertThat(
        listIds(Map.of("ancestorId", root, "q", "phuong")), containsInAnyOrder(caMau, other));
    org.hamcrest.MatcherAssert.assertThat(
        listIds(Map.of("ancestorId", root, "q", "100%")), empty());
  }

  @Test
  void searchFindsByCodePrefix() {
    String code = "T" + System.nanoTime() % 100000000;
    long p = province("Tỉnh Mã").code(code).create();
    org.hamcrest.MatcherAssert.assertThat(listIds(Map.of("q", code.toLowerCase())), contains(p));
  }

  @Test
  void filtersBySubtreeParentKindAndDate() {
    long p = province("Tỉnh Cây").create();
    long d = unit("DISTRICT", "Huyện Cây").under(p).create();
    long c = unit("COMMUNE", "Xã Cây").under(d).create();
    long h = unit("HAMLET", "Ấp Cây").under(c).create();
    long police = unit("POLICE", "Công an xã Cây").under(c).create();
    long old = unit("HAMLET", "Ấp Cũ").under(c).from("2010-01-01").to("2015-01-01").create();
    long other = province("Tỉnh Khác").create();
    unit("COMMUNE", "Xã Khác").under(other).create();

    org.hamcrest.MatcherAssert.assertThat(
        listIds(Map.of("ancestorId", p)), containsInAnyOrder(d, c, h, police, old));
    org.hamcrest.MatcherAssert.assertThat(
        listIds(Map.of("ancestorId", d)), containsInAnyOrder(c, h, police, old));
    org.hamcrest.MatcherAssert.assertThat(
        listIds(Map.of("ancestorId", c)), containsInAnyOrder(h, police, old));
    org.hamcrest.MatcherAssert.assertThat(
        listIds(Map.of("ancestorId", p, "kind", "HAMLET")), containsInAnyOrder(h, old));
    org.hamcrest.MatcherAssert.assertThat(
        listIds(Map.of("parentId", c, "activeOn", "2024-05-01")), containsInAnyOrder(h, police));
    org.hamcrest.MatcherAssert.assertThat(
        listIds(Map.of("parentId", c, "activeOn", "2012-05-01")), contains(old));
    org.hamcrest.MatcherAssert.assertThat(listIds(Map.of("ancestorId", 987654321L)), empty());
    Api.given()
        .queryParam("ancestorId", p)
        .queryParam("kind", "HAMLET", "POLICE")
        .get("/api/units")
        .then()
        .statusCode(200)
        .body("totalElements", equalTo(3));
  }

  @Test
  void pagesAndSorts() {
    long p = province("Tỉnh Trang").create();
    for (String n : List.of("Ấp Bờ", "Ấp An", "Ấp Đông", "Ấp Dương", "Ấp Cầu")) {
      unit("COMMUNE", "x").exactName("Xã " + n.substring(3)).under(p).create();
    }
    Api.given()
        .queryParam("parentId", p)
        .queryParam("size", 2)
        .queryParam("page", 1)
        .get("/api/units")
        .then()
        .statusCode(200)
        .body("totalElements", equalTo(5))
        .body("totalPages", equalTo(3))
        .body("page", equalTo(1))
        .body("size", equalTo(2))
        .body("content.name", contains("Xã Cầu", "Xã Dương"));
    Api.given()
        .queryParam("parentId", p)
        .queryParam("sort", "name,desc")
        .get("/api/units")
        .then()
        .body("content.name", contains("Xã Đông", "Xã Dương", "Xã Cầu", "Xã Bờ", "Xã An"))
        .body("content[0].parentName", not(nullValue()));
  }

  @Test
  void listsTopLevelUnitsAndChildren() {
    long p = province("Tỉnh Gốc").create();
    long c = unit("COMMUNE", "Xã Con").under(p).create();
    unit("HAMLET", "Ấp Cháu").under(c).create();
    Api.given()
        .queryParam("topLevel", true)
        .queryParam("q", get(p).getString("name"))
        .get("/api/units")
        .then()
        .body("content.id", contains((int) p));
    Api.given()
        .get("/api/units/{id}/children", p)
        .then()
        .statusCode(200)
        .body("id", contains((int) c))
        .body("[0].childCount", equalTo(1))
        .body("[0].parentName", equalTo(get(p).getString("name")));
    Api.given().get("/api/units/{id}/children", 987654321L).then().statusCode(404);
  }

  // ------------------------------------------------------------ rules on create

  @Test
  void refusesAKindThatDoesNotFitItsParent() {
    long p = province("Tỉnh Luật").create();
    Api.json()
        .body(unit("HAMLET", "Ấp Sai Chỗ").under(p).body())
        .post("/api/units")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("violations.field", hasItem("parentId"));
    Api.json()
        .body(unit("COMMUNE", "Xã Mồ Côi").body())
        .post("/api/units")
        .then()
        .statusCode(422)
        .body("violations.field", hasItem("parentId"));
    Api.json()
        .body(unit("COMMUNE", "Xã Lạc").under(987654321L).body())
        .post("/api/units")
        .then()
        .statusCode(422)
        .body("violations.field", hasItem("parentId"));
  }

  @Test
  void refusesAnEndBeforeTheStart() {
    Api.json()
        .body(province("Tỉnh Ngày").from("2025-07-01").to("2025-07-01").body())
        .post("/api/units")
        .then()
        .statusCode(422)
        .body("violations.field", hasItem("validTo"));
  }

  @Test
  void aRetiredUnitTakesNoNewChildrenButKeepsHistory() {
    long p = province("Tỉnh Cũ").from("2000-01-01").to("2025-07-01").create();
    Api.json()
        .body(unit("COMMUNE", "Xã Mới").under(p).body())
        .post("/api/units")
        .then()
        .statusCode(422)
        .body("violations.field", hasItem("parentId"))
        .body("detail", containsString("hết hiệu lực"));
    unit("COMMUNE", "Xã Lịch Sử").under(p).from("2001-01-01").to("2025-07-01").create();
  }

  @Test
  void codesAreUniqueAmongActiveUnits() {
    String code = "U" + System.nanoTime() % 100000000;
    province("Tỉnh Mã Một").code(code).create();
    Api.json()
        .body(province("Tỉnh Mã Hai").code(code).body())
        .post("/api/units")
        .then()
        .statusCode(409)
        .body("violations.field", hasItem("code"));
    // a retired unit may have held it
    province("Tỉnh Mã Cũ").code(code).from("2000-01-01").to("2010-01-01").create();
  }

  // ------------------------------------------------------------ update with ETag

  @Test
  void updateNeedsIfMatchAndRefusesStaleVersions() {
    long p = province("Tỉnh Sửa").create();
    Map<String, Object> body = bodyOf(p);
    body.put("name", UnitBuilder.unique("Tỉnh Đã Sửa"));

    put(p, null, body).statusCode(428).contentType("application/problem+json");
    put(p, "\"7\"", body).statusCode(412).contentType("application/problem+json");
    put(p, "garbage", body).statusCode(412);
    String etag = etag(p);
    put(p, etag, body).statusCode(200).header("ETag", equalTo("\"1\"")).body("version", equalTo(1));
    put(p, etag, body).statusCode(412);
    org.hamcrest.MatcherAssert.assertThat(get(p).getString("name"), equalTo(body.get("name")));
  }

  @Test
  void concurrentEditsNeverOverwriteEachOther() throws Exception {
    long p = province("Tỉnh Tranh").create();
    String etag = etag(p);
    ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
    List<CompletableFuture<Void>> edits =
        java.util.stream.IntStream.range(0, 6)
            .mapToObj(
                i ->
                    CompletableFuture.runAsync(
                        () -> {
                          Map<String, Object> body = bodyOf(p);
                          body.put("name", "Tỉnh Tranh " + i);
                          statuses.add(put(p, etag, body).extract().statusCode());
                        }))
            .toList();
    CompletableFuture.allOf(edits.toArray(CompletableFuture[]::new)).get();
    org.hamcrest.MatcherAssert.assertThat(
        statuses.stream().filter(s -> s == 200).count(), equalTo(1L));
    org.hamcrest.MatcherAssert.assertThat(
        statuses.stream().filter(s -> s == 412).count(), equalTo(5L));
    org.hamcrest.MatcherAssert.assertThat(get(p).getLong("version"), equalTo(1L));
  }

  @Test
  void movingAUnitMovesItsSubtree() {
    long p1 = province("Tỉnh Đi").create();
    long p2 = province("Tỉnh Đến").create();
    long d1 = unit("DISTRICT", "Huyện Đi").under(p1).create();
    long c = unit("COMMUNE", "Xã Chuyển").under(d1).create();
    long h = unit("HAMLET", "Ấp Theo").under(c).create();

    Map<String, Object> body = bodyOf(c);
    body.put("parentId", p2);
    put(c, etag(c), body).statusCode(200).body("provinceId", equalTo((int) p2));

    Api.given()
        .get("/api/units/{id}", h)
        .then()
        .body("provinceId", equalTo((int) p2))
        .body("communeId", equalTo((int) c))
        .body("ancestors.id", contains((int) p2, (int) c));
    org.hamcrest.MatcherAssert.assertThat(listIds(Map.of("ancestorId", p1)), contains(d1));
    org.hamcrest.MatcherAssert.assertThat(
        listIds(Map.of("ancestorId", p2)), containsInAnyOrder(c, h));
  }

  @Test
  void refusesCyclesAndKindChangesThatBreakChildren() {
    long p = province("Tỉnh Vòng").create();
    long d = unit("DISTRICT", "Huyện Vòng").under(p).create();
    long c = unit("COMMUNE", "Xã Vòng").under(d).create();
    unit("HAMLET", "Ấp Vòng").under(c).create();

    // a district cannot move under its own commune (also a wrong kind: checked first as a cycle)
    Map<String, Object> body = bodyOf(d);
    body.put("parentId", c);
    put(d, etag(d), body).statusCode(422).body("violations.field", hasItem("parentId"));

    Map<String, Object> self = bodyOf(c);
    self.put("parentId", c);
    put(c, etag(c), self).statusCode(422);

    Map<String, Object> kind = bodyOf(c);
    kind.put("kind", "SCHOOL");
    put(c, etag(c), kind).statusCode(422).body("violations.field", hasItem("kind"));
  }

  @Test
  void retiringAUnitWithActiveChildrenIsRefused() {
    long p = province("Tỉnh Nghỉ").create();
    unit("COMMUNE", "Xã Còn").under(p).create();
    Map<String, Object> body = bodyOf(p);
    body.put("validTo", "2026-01-01");
    put(p, etag(p), body)
        .statusCode(422)
        .body("violations.field", hasItem("validTo"))
        .body("detail", containsString("1 đơn vị trực thuộc"));
  }

  @Test
  void updateOfAnUnknownUnitIs404() {
    put(987654321L, "\"0\"", province("Không Có").body()).statusCode(404);
  }

  // ------------------------------------------------------------ merge

  @Test
  void mergeRetiresPredecessorsRecordsLineageAndMovesChildren() {
    long a = province("Tỉnh Bạc Liêu Thử").from("2008-08-01").create();
    long b = province("Tỉnh Cà Mau Thử").from("2008-08-01").create();
    long w = unit("WARD", "Phường Một").under(a).from("2008-08-01").create();
    long h = unit("HAMLET", "Khóm Một").under(w).from("2008-08-01").create();
    long gone =
        unit("WARD", "Phường Đã Giải Thể").under(a).from("2008-08-01").to("2015-01-01").create();

    Api.json()
        .body(
            Map.of(
                "predecessorIds",
                List.of(a),
                "successorId",
                b,
                "date",
                "2025-07-01",
                "transferChildren",
                true,
                "note",
                "Nghị quyết 202/2025/QH15"))
        .post("/api/units/merge")
        .then()
        .statusCode(200)
        .header("ETag", not(nullValue()))
        .body("id", equalTo((int) b))
        .body("predecessors[0].unit.id", equalTo((int) a))
        .body("predecessors[0].date", equalTo("2025-07-01"))
        .body("predecessors[0].changeKind", equalTo("MERGE"))
        .body("predecessors[0].note", equalTo("Nghị quyết 202/2025/QH15"));

    Api.given()
        .get("/api/units/{id}", a)
        .then()
        .body("validTo", equalTo("2025-07-01"))
        .body("active", equalTo(false))
        .body("successors[0].unit.id", equalTo((int) b));
    // the active ward follows the successor, its hamlet too; the retired one stays as history
    Api.given().get("/api/units/{id}", w).then().body("parentId", equalTo((int) b));
    Api.given().get("/api/units/{id}", h).then().body("provinceId", equalTo((int) b));
    Api.given().get("/api/units/{id}", gone).then().body("parentId", equalTo((int) a));
    org.hamcrest.MatcherAssert.assertThat(
        listIds(Map.of("ancestorId", b)), containsInAnyOrder(w, h));
    org.hamcrest.MatcherAssert.assertThat(
        listIds(Map.of("ancestorId", a, "activeOn", "2010-01-01")), contains(gone));
  }

  @Test
  void mergeWithActiveChildrenNeedsTransfer() {
    long a = province("Tỉnh A").create();
    long b = province("Tỉnh B").create();
    unit("COMMUNE", "Xã Của A").under(a).create();
    Api.json()
        .body(
            Map.of(
                "predecessorIds",
                List.of(a),
                "successorId",
                b,
                "date",
                "2025-07-01",
                "transferChildren",
                false))
        .post("/api/units/merge")
        .then()
        .statusCode(409)
        .body("violations.field", hasItem("transferChildren"));
    // nothing was half-written
    Api.given()
        .get("/api/units/{id}", a)
        .then()
        .body("validTo", nullValue())
        .body("successors", empty());
  }

  @Test
  void mergeRules() {
    long p = province("Tỉnh Gộp").create();
    long c1 = unit("COMMUNE", "Xã Gộp Một").under(p).create();
    long c2 = unit("WARD", "Phường Gộp Hai").under(p).create();
    long h = unit("HAMLET", "Ấp Gộp").under(c1).create();
    long later = unit("WARD", "Phường Sau").under(p).from("2026-01-01").create();

    // different levels
    merge(List.of(h), c2, "2025-07-01")
        .statusCode(422)
        .body("violations.field", hasItem("predecessorIds"));
    // successor is one of the predecessors
    merge(List.of(c1, c2), c2, "2025-07-01").statusCode(422);
    // successor did not exist yet on that day
    merge(List.of(c1), later, "2025-07-01")
        .statusCode(422)
        .body("violations.field", hasItem("date"));
    // into its own subtree
    long pw = unit("WARD", "Phường Trong").under(p).create();
    long p2 = province("Tỉnh Ngoài").create();
    merge(List.of(p), p2, "2019-01-01").statusCode(422).body("violations.field", hasItem("date"));
    // unknown ids
    merge(List.of(987654321L), c2, "2025-07-01").statusCode(404);
    // a commune and a ward merge into a new ward: fine, then a second time is refused
    merge(List.of(c1, pw), c2, "2025-07-01").statusCode(200).body("predecessors", hasSize(2));
    merge(List.of(c1), c2, "2025-08-01")
        .statusCode(422)
        .body("detail", containsString("hết hiệu lực"));
  }

  @Test
  void mergeRequestShapeIsChecked() {
    Api.json()
        .body(Map.of("predecessorIds", List.of(), "successorId", 1, "date", "2025-07-01"))
        .post("/api/units/merge")
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("predecessorIds"));
    Api.json()
        .body(Map.of("predecessorIds", List.of(1), "date", "2025-07-01"))
        .post("/api/units/merge")
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("successorId"));
  }

  private static ValidatableResponse merge(List<Long> predecessors, long successor, String date) {
    return Api.json()
        .body(Map.of("predecessorIds", predecessors, "successorId", successor, "date", date))
        .post("/api/units/merge")
        .then()
        .contentType(not(endsWith("html")));
  }

  private static List<Long> listIds(Map<String, Object> query) {
    return Api.given()
        .queryParams(query)
        .queryParam("size", 200)
        .get("/api/units")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("content.id", Long.class);
  }
}
