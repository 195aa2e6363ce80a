package vn.antq.common.web;

import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import vn.antq.common.problem.ProblemException;
import vn.antq.common.time.VietnamTime;

/**
 * A list exported as CSV (UTF-8 with BOM, so Excel shows Vietnamese right) or XLSX, with the same
 * filters as the list on screen. Dates read dd/MM/yyyy, times in Vietnam time.
 */
public final class Tables {
  public static final int MAX_ROWS = 100_000;
  static final int PAGE = 1000;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

  private Tables() {}

  /** One page of rows (page numbers from 0) and the total the filter matches. */
  public record Chunk(List<List<Object>> rows, long total) {}

  /** Every row the filter matches, page by page; more than {@link #MAX_ROWS}: 422. */
  public static List<List<Object>> collect(IntFunction<Chunk> page) {
    List<List<Object>> out = new ArrayList<>();
    for (int p = 0; ; p++) {
      Chunk c = page.apply(p);
      if (c.total() > MAX_ROWS) {
        throw ProblemException.unprocessable(
            "format",
            "Danh sách có "
                + c.total()
                + " dòng, vượt quá "
                + MAX_ROWS
                + " dòng mỗi lần xuất; hãy lọc hẹp lại");
      }
      out.addAll(c.rows());
      if (c.rows().size() < PAGE || out.size() >= c.total()) {
        return out;
      }
    }
  }

  /**
   * The rows of {@code ids} (every id the filter selects, in order, up to {@link #MAX_ROWS} + 1),
   * built {@link #PAGE} ids at a time; more than {@link #MAX_ROWS}: 422.
   */
  public static List<List<Object>> collectIds(
      List<Long> ids, java.util.function.Function<List<Long>, List<List<Object>>> rows) {
    if (ids.size() > MAX_ROWS) {
      throw ProblemException.unprocessable(
          "format",
          "Danh sách có hơn "
              + MAX_ROWS
              + " dòng, vượt quá "
              + MAX_ROWS
              + " dòng mỗi lần xuất; hãy lọc hẹp lại");
    }
    List<List<Object>> out = new ArrayList<>(ids.size());
    for (int from = 0; from < ids.size(); from += PAGE) {
      out.addAll(rows.apply(ids.subList(from, Math.min(ids.size(), from + PAGE))));
    }
    return out;
  }

  public static int pageSize() {
    return PAGE;
  }

  public static Response download(
      String format, String baseName, String title, List<String> headers, List<List<Object>> rows) {
    String day = VietnamTime.today().toString();
    if ("csv".equals(format)) {
      StringBuilder sb = new StringBuilder("\uFEFF");
      line(sb, new ArrayList<>(headers));
      for (List<Object> r : rows) {
        line(sb, r);
      }
      return Response.ok(sb.toString().getBytes(StandardCharsets.UTF_8))
          .type("text/csv; charset=UTF-8")
          .header(
              "Content-Disposition", "attachment; filename=\"" + baseName + "-" + day + ".csv\"")
          .build();
    }
    if (!"xlsx".equals(format)) {
      throw ProblemException.badRequest("format", "format phải là csv hoặc xlsx");
    }
    try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
      Sheet sheet = wb.createSheet(title);
      fill(wb, sheet, headers, rows);
      sheet.createFreezePane(0, 1);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      wb.write(out);
      return Response.ok(out.toByteArray())
          .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
          .header(
              "Content-Disposition", "attachment; filename=\"" + baseName + "-" + day + ".xlsx\"")
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The header row in bold, then the rows: numbers, dates and times as such, the rest as text. */
  private static void fill(
      SXSSFWorkbook wb, Sheet sheet, List<String> headers, List<List<Object>> rows) {
    Font bold = wb.createFont();
    bold.setBold(true);
    CellStyle head = wb.createCellStyle();
    head.setFont(bold);
    CellStyle date = wb.createCellStyle();
    date.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy"));
    CellStyle time = wb.createCellStyle();
    time.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy hh:mm"));
    Row h = sheet.createRow(0);
    for (int i = 0; i < headers.size(); i++) {
      Cell c = h.createCell(i);
      c.setCellValue(headers.get(i));
      c.setCellStyle(head);
      sheet.setColumnWidth(i, Math.min(60, Math.max(12, headers.get(i).length() + 4)) * 256);
    }
    int n = 1;
    for (List<Object> r : rows) {
      Row row = sheet.createRow(n++);
      for (int i = 0; i < r.size(); i++) {
        Object v = r.get(i);
        if (v == null) {
          continue;
        }
        Cell c = row.createCell(i);
        if (v instanceof Number num) {
          c.setCellValue(num.doubleValue());
        } else if (v instanceof LocalDate d) {
          c.setCellValue(d);
          c.setCellStyle(date);
        } else if (v instanceof OffsetDateTime t) {
          c.setCellValue(t.atZoneSameInstant(VietnamTime.ZONE).toLocalDateTime());
          c.setCellStyle(time);
        } else {
          c.setCellValue(v.toString());
        }
      }
    }
  }

  private static void line(StringBuilder sb, List<Object> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(quote(text(cells.get(i))));
    }
    sb.append("\r\n");
  }

  private static String text(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof LocalDate d) {
      return d.format(DAY);
    }
    if (v instanceof OffsetDateTime t) {
      return t.atZoneSameInstant(VietnamTime.ZONE).format(TIME);
    }
    return v.toString();
  }

  private static String quote(String s) {
    // a leading =, +, - or @ would be a formula to Excel: neutralised
    String safe =
        !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !s.matches("-?[0-9.,]+") ? "'" + s : s;
    if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
      return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
    return safe;
  }
}
