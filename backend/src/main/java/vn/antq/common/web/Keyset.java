package vn.antq.common.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import vn.antq.common.problem.ProblemException;

/**
 * Keyset paging ({@code ?after=<cursor>}): the next page starts after the last row's sort value and
 * id, read straight from an index, however deep the page. The cursor is opaque to clients:
 * base64url of the sort it belongs to, the last id and the last sort value, so a cursor taken under
 * another sort is refused rather than misread.
 *
 * <p>Sort expressions used with keysets are never NULL (the whitelist says {@code coalesce} where a
 * column may be), so {@code (expr, id)} is a total order that a row comparison can seek.
 */
public record Keyset(String field, boolean descending, long id, String value) {
  private static final String VERSION = "k1";

  /** The cursor of {@code after} for the request's sort, or null when there is none. */
  public static Keyset decode(String after, PageRequest request) {
    if (after == null || after.isBlank()) {
      return null;
    }
    String text;
    try {
      text = new String(Base64.getUrlDecoder().decode(after.trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
    String[] parts = text.split("\\|", 5);
    if (parts.length != 5 || !parts[0].equals(VERSION)) {
      throw invalid();
    }
    long id;
    try {
      id = Long.parseLong(parts[3]);
    } catch (NumberFormatException e) {
      throw invalid();
    }
    boolean descending = parts[2].equals("d");
    if (!parts[1].equals(request.field()) || descending != request.descending()) {
      throw ProblemException.badRequest(
          "after", "Con trỏ trang thuộc một cách sắp xếp khác; hãy đọc lại từ trang đầu");
    }
    if (request.page() != 0) {
      throw ProblemException.badRequest(
          "page", "Đọc theo con trỏ (after) thì không dùng số trang; bỏ tham số page");
    }
    return new Keyset(parts[1], descending, id, parts[4]);
  }

  /** The cursor that continues after a row with this sort value and id. */
  public static String encode(PageRequest request, String value, long id) {
    String text =
        String.join(
            "|",
            VERSION,
            request.field(),
            request.descending() ? "d" : "a",
            Long.toString(id),
            value == null ? "" : value);
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * {@code AND (expr, idColumn) > (value, id)} (or {@code <} going down): the rows after the
   * cursor. {@code sqlType} casts the cursor's text back to the expression's type.
   */
  public String condition(
      String expression, String sqlType, String idColumn, Map<String, Object> params) {
    params.put("keyValue", value);
    params.put("keyId", id);
    String key = "CAST(:keyValue AS " + sqlType + ")";
    if (expression.contains(" COLLATE ")) {
      key += expression.substring(expression.indexOf(" COLLATE "));
    }
    return " AND ("
        + expression
        + ", "
        + idColumn
        + ") "
        + (descending ? "<" : ">")
        + " ("
        + key
        + ", :keyId)";
  }

  /** The order a keyset reads in: the sort, then the id, both the same way, no NULLS clause. */
  public static String order(PageRequest request, String idColumn) {
    String dir = request.descending() ? " DESC" : " ASC";
    return request.expression() + dir + ", " + idColumn + dir;
  }

  private static ProblemException invalid() {
    return ProblemException.badRequest(
        "after", "Con trỏ trang không hợp lệ; hãy dùng giá trị nextCursor của trang trước");
  }
}
