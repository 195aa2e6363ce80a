package vn.antq.integration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.antq.common.problem.ProblemException;
import vn.antq.common.problem.ProblemType;
import vn.antq.common.time.VietnamTime;

/**
 * CSV (UTF-8, comma or semicolon) and XLSX files as import rows. The first line names the columns:
 * {@code externalId}, optionally {@code version} and {@code deleted}, and the fields of the
 * record's body. List columns hold values separated by {@code ;}; lists of objects hold JSON. A
 * row's index is its line in the file, so problems point at the line a person sees in Excel.
 */
@ApplicationScoped
public class ImportFiles {
  public static final long MAX_BYTES = 10L * 1024 * 1024;
  private static final List<String> CONTROL = List.of("externalId", "version", "deleted");

  @Inject ObjectMapper json;

  /** The columns of a resource's file: control columns and the body's fields, in order. */
  public List<String> columns(ImportTarget t) {
    List<String> out = new ArrayList<>(List.of("externalId"));
    properties(t).keySet().forEach(out::add);
    out.add("deleted");
    return out;
  }

  private Map<String, JavaType> properties(ImportTarget t) {
    BeanDescription d =
        json.getDeserializationConfig().introspect(json.constructType(t.inputType()));
    Map<String, JavaType> out = new LinkedHashMap<>();
    for (BeanPropertyDefinition p : d.findProperties()) {
      if (p.hasSetter() || p.hasField() || p.hasConstructorParameter()) {
        out.put(p.getName(), p.getPrimaryType());
      }
    }
    return out;
  }

  public List<ImportEngine.Row> parse(ImportTarget t, String fileName, byte[] content) {
    String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
    List<List<String>> lines;
    if (name.endsWith(".xlsx")) {
      lines = xlsx(content);
    } else if (name.endsWith(".csv")) {
      lines = csv(new String(content, StandardCharsets.UTF_8));
    } else {
      throw new ProblemException(
          ProblemType.UNSUPPORTED_MEDIA_TYPE, "Chỉ nhận tệp .csv (UTF-8) hoặc .xlsx");
    }
    if (lines.isEmpty()) {
      throw ProblemException.unprocessable("file", "Tệp không có dòng tiêu đề");
    }
    Map<String, JavaType> props = properties(t);
    List<String> header = lines.get(0).stream().map(String::trim).toList();
    checkHeader(t, header, props);
    List<ImportEngine.Row> rows = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      List<String> cells = lines.get(i);
      if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
        continue;
      }
      rows.add(row(i + 1, header, cells, props));
    }
    if (rows.size() > ImportJobs.MAX_ROWS) {
      throw ProblemException.unprocessable(
          "file", "Mỗi tệp tối đa " + ImportJobs.MAX_ROWS + " dòng; hãy chia nhỏ tệp");
    }
    return rows;
  }

  /** Every column is the external id, a control column or one of the target's properties. */
  private void checkHeader(ImportTarget t, List<String> header, Map<String, JavaType> props) {
    List<String> unknown =
        header.stream()
            .filter(h -> !h.isEmpty() && !CONTROL.contains(h) && !props.containsKey(h))
            .toList();
    if (!unknown.isEmpty() || !header.contains("externalId")) {
      throw ProblemException.unprocessable(
          "file",
          (header.contains("externalId") ? "" : "Thiếu cột externalId. ")
              + (unknown.isEmpty()
                  ? ""
                  : "Cột không dùng được: " + String.join(", ", unknown) + ". ")
              + "Các cột nhận: "
              + String.join(", ", columns(t)));
    }
  }

  /** One line of the file as a pushed record; empty cells are left out. */
  private ImportEngine.Row row(
      int line, List<String> header, List<String> cells, Map<String, JavaType> props) {
    String ext = null;
    Long version = null;
    boolean deleted = false;
    Map<String, Object> data = new LinkedHashMap<>();
    for (int c = 0; c < header.size() && c < cells.size(); c++) {
      String h = header.get(c);
      String v = cells.get(c) == null ? "" : cells.get(c).trim();
      if (h.isEmpty() || v.isEmpty()) {
        continue;
      }
      switch (h) {
        case "externalId" -> ext = v;
        case "version" -> version = parseLong(v);
        case "deleted" -> deleted = truthy(v);
        default -> data.put(h, value(props.get(h), v));
      }
    }
    return new ImportEngine.Row(line, ext, version, deleted, deleted ? null : data);
  }

  private Object value(JavaType type, String v) {
    if (type.isCollectionLikeType()) {
      JavaType item = type.getContentType();
      if (item.isEnumType() || item.isPrimitive() || isScalar(item.getRawClass())) {
        List<String> parts = new ArrayList<>();
        for (String p : v.split(";")) {
          if (!p.isBlank()) {
            parts.add(p.trim());
          }
        }
        return parts;
      }
      try {
        return json.readValue(v, Object.class);
      } catch (JsonProcessingException e) {
        return v; // answered by the row's validation: not a list
      }
    }
    return v;
  }

  private static boolean isScalar(Class<?> c) {
    return c == String.class || Number.class.isAssignableFrom(c) || c == Boolean.class;
  }

  private static Long parseLong(String v) {
    try {
      return Long.valueOf(v);
    } catch (NumberFormatException e) {
      return -1L;
    }
  }

  private static boolean truthy(String v) {
    String s = v.toLowerCase(Locale.ROOT);
    return s.equals("true") || s.equals("1") || s.equals("x") || s.equals("có") || s.equals("co");
  }

  // ------------------------------------------------------------------ CSV

  static List<List<String>> csv(String text) {
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    int firstBreak = text.indexOf('\n');
    String first = firstBreak < 0 ? text : text.substring(0, firstBreak);
    char sep = count(first, ';') > count(first, ',') ? ';' : ',';
    List<List<String>> lines = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (quoted) {
        if (ch == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            cell.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          cell.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == sep) {
        row.add(cell.toString());
        cell.setLength(0);
      } else if (ch == '\n' || ch == '\r') {
        if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        row.add(cell.toString());
        cell.setLength(0);
        lines.add(row);
        row = new ArrayList<>();
      } else {
        cell.append(ch);
      }
    }
    if (cell.length() > 0 || !row.isEmpty()) {
      row.add(cell.toString());
      lines.add(row);
    }
    return lines;
  }

  private static int count(String s, char c) {
    return (int) s.chars().filter(x -> x == c).count();
  }

  // ------------------------------------------------------------------ XLSX

  private static List<List<String>> xlsx(byte[] content) {
    List<List<String>> lines = new ArrayList<>();
    try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(content))) {
      Sheet sheet = wb.getSheetAt(0);
      DataFormatter text = new DataFormatter(Locale.ROOT);
      int last = sheet.getLastRowNum();
      for (int r = 0; r <= last; r++) {
        var row = sheet.getRow(r);
        List<String> cells = new ArrayList<>();
        if (row != null) {
          for (int c = 0; c < row.getLastCellNum(); c++) {
            cells.add(cell(row.getCell(c), text));
          }
        }
        lines.add(cells);
      }
    } catch (IOException | RuntimeException e) {
      throw ProblemException.unprocessable(
          "file", "Không đọc được tệp XLSX (tệp hỏng hoặc sai định dạng)");
    }
    return lines;
  }

  private static String cell(Cell c, DataFormatter text) {
    if (c == null) {
      return "";
    }
    CellType type =
        c.getCellType() == CellType.FORMULA ? c.getCachedFormulaResultType() : c.getCellType();
    if (type == CellType.NUMERIC) {
      if (DateUtil.isCellDateFormatted(c)) {
        LocalDateTime t = c.getLocalDateTimeCellValue();
        if (t.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)) {
          return t.toLocalDate().toString();
        }
        return OffsetDateTime.of(t, VietnamTime.ZONE.getRules().getOffset(t)).toString();
      }
      double d = c.getNumericCellValue();
      if (d == Math.rint(d) && Math.abs(d) < 1e15) {
        return String.valueOf((long) d);
      }
      return String.valueOf(d);
    }
    if (type == CellType.BOOLEAN) {
      return String.valueOf(c.getBooleanCellValue());
    }
    return text.formatCellValue(c);
  }
}
