package vn.antq.common.web;

import io.quarkus.panache.common.Sort;
import java.util.Map;
import vn.antq.common.problem.ProblemException;

/**
 * {@code page}, {@code size} and {@code sort=field,asc|desc} checked against a whitelist that maps
 * API field names to query expressions.
 */
public record PageRequest(int page, int size, Sort sort, String field) {
  public static final int DEFAULT_SIZE = 20;

  public PageRequest(int page, int size, Sort sort) {
    this(page, size, sort, null);
  }

  public static final int MAX_SIZE = 200;

  public static PageRequest of(
      Integer page, Integer size, String sort, Map<String, String> sortable, String defaultSort) {
    int p = page == null ? 0 : page;
    int s = size == null ? DEFAULT_SIZE : size;
    if (p < 0) {
      throw ProblemException.badRequest("page", "Số trang phải từ 0 trở lên");
    }
    if (s < 1 || s > MAX_SIZE) {
      throw ProblemException.badRequest("size", "Số dòng mỗi trang phải từ 1 đến " + MAX_SIZE);
    }
    String spec = sort == null || sort.isBlank() ? defaultSort : sort.trim();
    String[] parts = spec.split(",", -1);
    String field = parts[0].trim();
    String expression = sortable.get(field);
    if (expression == null || parts.length > 2) {
      throw ProblemException.badRequest(
          "sort",
          "Không sắp xếp được theo \""
              + spec
              + "\"; chọn một trong: "
              + String.join(", ", sortable.keySet().stream().sorted().toList()));
    }
    Sort.Direction direction = Sort.Direction.Ascending;
    if (parts.length == 2) {
      String d = parts[1].trim().toLowerCase(java.util.Locale.ROOT);
      if (d.equals("desc")) {
        direction = Sort.Direction.Descending;
      } else if (!d.equals("asc")) {
        throw ProblemException.badRequest("sort", "Chiều sắp xếp phải là asc hoặc desc");
      }
    }
    // expressions come from the whitelist, never from the caller: no escaping needed
    return new PageRequest(p, s, Sort.by(expression, direction).disableEscaping(), field);
  }

  /**
   * {@code LIMIT n OFFSET m} with the numbers written in: a page's statement is then planned once
   * and kept (a generic plan). With the limit a parameter, PostgreSQL cannot tell a page from the
   * whole list when it plans ahead, so it planned the statement again at every execution (≈ 2 ms of
   * a page of models). The numbers are the server's own, never a caller's text.
   */
  public static String limitSql(long limit, long offset) {
    if (limit < 0 || offset < 0) {
      throw new IllegalArgumentException("limit " + limit + ", offset " + offset);
    }
    return " LIMIT " + limit + " OFFSET " + offset;
  }

  /** The chosen sort as native SQL ({@code expr ASC|DESC NULLS LAST}); the id breaks ties. */
  public String sqlOrder() {
    Sort.Column c = sort.getColumns().get(0);
    return c.getName()
        + (c.getDirection() == Sort.Direction.Descending ? " DESC" : " ASC")
        + " NULLS LAST";
  }

  /**
   * The chosen sort with {@code id} breaking ties in the same direction, so that an index on (key,
   * id) gives the order read forwards or backwards. Keys in {@code nullable} put their empty values
   * last; the others are never null and say nothing of nulls (with {@code DESC NULLS LAST}
   * PostgreSQL would not read such an index backwards).
   */
  public String sqlOrder(String id, java.util.Set<String> nullable) {
    Sort.Column c = sort.getColumns().get(0);
    String direction = c.getDirection() == Sort.Direction.Descending ? " DESC" : " ASC";
    return c.getName()
        + direction
        + (nullable.contains(field) ? " NULLS LAST" : "")
        + ", "
        + id
        + direction;
  }

  /** Whether the chosen sort runs from the largest value down. */
  public boolean descending() {
    return sort.getColumns().get(0).getDirection() == Sort.Direction.Descending;
  }

  /** The chosen sort's query expression (from the whitelist). */
  public String expression() {
    return sort.getColumns().get(0).getName();
  }

  public int totalPages(long total) {
    return Pages.totalPages(total, size);
  }
}
