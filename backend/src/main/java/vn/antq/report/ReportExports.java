package vn.antq.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.ToLongFunction;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.antq.api.model.ReportFigures;
import vn.antq.api.model.ReportPoint;
import vn.antq.api.model.ReportSummary;
import vn.antq.common.time.VietnamTime;
import vn.antq.indicator.ReportingLine;

/**
 * The summary as the files people file: an XLSX workbook (totals, per child, time series), and the
 * figures and names both files share; the DOCX is {@link ReportDocx}.
 */
final class ReportExports {
  private ReportExports() {}

  /** A figure of the report: its Vietnamese name and where it is read from. */
  record Figure(String label, ToLongFunction<ReportFigures> value) {}

  static final List<Figure> FIGURES =
      List.of(
          new Figure("Sự kiện, hoạt động", ReportFigures::getEvents),
          new Figure("Số buổi", ReportFigures::getSessions),
          new Figure("Lượt người tham dự", ReportFigures::getAttendance),
          new Figure("Mô hình tự phòng, tự quản (đã thành lập)", ReportFigures::getModels),
          new Figure("Mô hình còn hiệu lực cuối kỳ", ReportFigures::getModelsInForce),
          new Figure("Mô hình thành lập trong kỳ", ReportFigures::getModelsRegistered),
          new Figure("Loại mô hình (mô hình còn hiệu lực)", ReportFigures::getModelKinds),
          new Figure("Lĩnh vực (mô hình còn hiệu lực)", ReportFigures::getModelFields),
          new Figure("Nơi có mô hình còn hiệu lực", ReportFigures::getModelPlaces),
          new Figure("Nơi nhân rộng mô hình", ReportFigures::getReplicationSites),
          new Figure("Tổ", ReportFigures::getTeams),
          new Figure("Thành viên", ReportFigures::getMembers),
          new Figure("Trong đó tổ theo số mô hình khai báo", ReportFigures::getTeamsDeclared),
          new Figure(
              "Trong đó thành viên theo số mô hình khai báo", ReportFigures::getMembersDeclared),
          new Figure("Quyết định khen thưởng", ReportFigures::getAwardDecisions),
          new Figure("Lượt tập thể được khen thưởng", ReportFigures::getAwardedCollectives),
          new Figure("Lượt cá nhân được khen thưởng", ReportFigures::getAwardedIndividuals),
          new Figure("Lượt đơn vị được đánh giá an toàn về ANTT", ReportFigures::getSafetyAssessed),
          new Figure("Lượt đơn vị đạt chuẩn an toàn về ANTT", ReportFigures::getSafetyMet),
          new Figure("Lượt Công an phường điển hình, kiểu mẫu", ReportFigures::getExemplaryPolice));

  private static final String[] SERIES = {
    "Kỳ",
    "Sự kiện",
    "Số buổi",
    "Lượt tham dự",
    "Mô hình mới",
    "Tập thể được khen",
    "Cá nhân được khen"
  };

  // ------------------------------------------------------------------ XLSX

  /** The workbook's cell styles. */
  private record Styles(CellStyle bold, CellStyle header, CellStyle numbers) {
    static Styles of(XSSFWorkbook wb) {
      CellStyle bold = wb.createCellStyle();
      Font font = wb.createFont();
      font.setBold(true);
      bold.setFont(font);
      CellStyle header = wb.createCellStyle();
      header.cloneStyleFrom(bold);
      header.setBorderBottom(BorderStyle.THIN);
      CellStyle numbers = wb.createCellStyle();
      numbers.setDataFormat(wb.createDataFormat().getFormat("#,##0"));
      return new Styles(bold, header, numbers);
    }
  }

  static byte[] xlsx(ReportSummary s, ReportingLine.Line line) {
    try (XSSFWorkbook wb = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Styles st = Styles.of(wb);
      totalsSheet(wb, st, s, line);
      childrenSheet(wb, st, s);
      seriesSheet(wb, st, s);
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void totalsSheet(
      XSSFWorkbook wb, Styles st, ReportSummary s, ReportingLine.Line line) {
    Sheet totals = wb.createSheet("Tổng hợp");
    int r = title(totals, st.bold(), s);
    Row h = totals.createRow(r++);
    cell(h, 0, "Chỉ tiêu", st.header());
    cell(h, 1, "Số liệu", st.header());
    var t = s.getTotals();
    for (Figure f : FIGURES) {
      r = line(totals, r, st, f.label(), f.value().applyAsLong(t));
    }
    r++;
    for (var e : t.getEventsByType()) {
      r = line(totals, r, st, "Sự kiện: " + e.getType().getName(), e.getEvents());
    }
    for (var m : t.getMaterials()) {
      r = line(totals, r, st, "Tài liệu: " + m.getItem().getName(), m.getCount());
    }
    for (var a : t.getAwardsByForm()) {
      r = line(totals, r, st, a.getForm().getName() + ": tập thể", a.getCollectives());
      r = line(totals, r, st, a.getForm().getName() + ": cá nhân", a.getIndividuals());
    }
    for (var x : t.getModelPlacesByKind()) {
      String kind = ReportText.kind(x.getKind().toString());
      r = line(totals, r, st, "Nơi có mô hình: " + kind, x.getCount());
    }
    for (var x : t.getModelsByEthnicGroup()) {
      r = line(totals, r, st, "Mô hình phục vụ cộng đồng: " + x.getItem().getName(), x.getCount());
    }
    for (var x : t.getModelsByReligion()) {
      r = line(totals, r, st, "Mô hình phục vụ cộng đồng: " + x.getItem().getName(), x.getCount());
    }
    for (var x : t.getIndicators()) {
      r = line(totals, r, st, "Số liệu báo cáo: " + x.getItem().getName(), x.getCount());
    }
    for (var x : t.getSafetyByTarget()) {
      r = line(totals, r, st, "Đạt chuẩn an toàn về ANTT: " + x.getTarget().getName(), x.getMet());
    }
    r = reporting(totals, r, st, line);
    r++;
    for (String note : s.getNotes() == null ? List.<String>of() : s.getNotes()) {
      cell(totals.createRow(r++), 0, "Ghi chú: " + note, null);
    }
    totals.setColumnWidth(0, 60 * 256);
    totals.setColumnWidth(1, 16 * 256);
  }

  /** The reporting rate of the latest due month: four figures and the sentence; the next row. */
  private static int reporting(Sheet sheet, int r, Styles st, ReportingLine.Line line) {
    if (line == null) {
      return r;
    }
    String of = "Gửi số liệu " + line.period().label() + ": xã, phường ";
    r = line(sheet, r, st, of + "phải báo cáo", line.last().expected());
    r = line(sheet, r, st, of + "đã gửi", line.last().submitted());
    r = line(sheet, r, st, of + "gửi đúng hạn", line.last().onTime());
    r = line(sheet, r, st, of + "đã được duyệt", line.last().approved());
    cell(sheet.createRow(r++), 0, "Tình hình gửi số liệu: " + line.text(), null);
    return r;
  }

  /** One line of a label and a number at row {@code r}; the next row. */
  private static int line(Sheet sheet, int r, Styles st, String label, long value) {
    Row row = sheet.createRow(r);
    cell(row, 0, label, null);
    number(row, 1, value, st.numbers());
    return r + 1;
  }

  private static void childrenSheet(XSSFWorkbook wb, Styles st, ReportSummary s) {
    Sheet children = wb.createSheet("Theo đơn vị");
    int r = title(children, st.bold(), s);
    Row h = children.createRow(r++);
    cell(h, 0, "Đơn vị", st.header());
    for (int i = 0; i < FIGURES.size(); i++) {
      cell(h, i + 1, FIGURES.get(i).label(), st.header());
    }
    for (var c : s.getChildren()) {
      r = figuresRow(children.createRow(r), rowName(c), c.getFigures(), st.numbers(), r);
    }
    r =
        figuresRow(
            children.createRow(r),
            "Cấp " + place(s) + " và đơn vị không còn trực thuộc",
            s.getDirect(),
            st.numbers(),
            r);
    figuresRow(children.createRow(r), "Tổng cộng", s.getTotals(), st.numbers(), r);
    children.setColumnWidth(0, 45 * 256);
    for (int i = 1; i <= FIGURES.size(); i++) {
      children.setColumnWidth(i, 16 * 256);
    }
  }

  private static void seriesSheet(XSSFWorkbook wb, Styles st, ReportSummary s) {
    Sheet series = wb.createSheet("Theo thời gian");
    int r = title(series, st.bold(), s);
    Row h = series.createRow(r++);
    for (int i = 0; i < SERIES.length; i++) {
      cell(h, i, SERIES[i], st.header());
    }
    for (ReportPoint p : s.getSeries()) {
      Row row = series.createRow(r++);
      cell(row, 0, p.getPeriod(), null);
      long[] v = {
        p.getEvents(),
        p.getSessions(),
        p.getAttendance(),
        p.getModelsRegistered(),
        p.getAwardedCollectives(),
        p.getAwardedIndividuals()
      };
      for (int i = 0; i < v.length; i++) {
        number(row, i + 1, v[i], st.numbers());
      }
    }
    for (int i = 0; i < SERIES.length; i++) {
      series.setColumnWidth(i, 16 * 256);
    }
  }

  /** A row's name, indented by its level (the rows under a commune follow it). */
  static String rowName(vn.antq.api.model.ReportChild c) {
    return "    ".repeat(c.getLevel() - 1) + c.getUnit().getName();
  }

  static String place(ReportSummary s) {
    return s.getUnit() == null ? "Toàn quốc" : s.getUnit().getName();
  }

  private static int title(Sheet sheet, CellStyle bold, ReportSummary s) {
    cell(
        sheet.createRow(0), 0, "BÁO CÁO TỔNG HỢP PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC", bold);
    cell(sheet.createRow(1), 0, "Địa bàn: " + place(s), null);
    cell(
        sheet.createRow(2),
        0,
        "Từ ngày " + VietnamTime.format(s.getFrom()) + " đến ngày " + VietnamTime.format(s.getTo()),
        null);
    return 4;
  }

  private static int figuresRow(Row row, String name, ReportFigures f, CellStyle numbers, int r) {
    cell(row, 0, name, null);
    for (int i = 0; i < FIGURES.size(); i++) {
      number(row, i + 1, FIGURES.get(i).value().applyAsLong(f), numbers);
    }
    return r + 1;
  }

  private static void cell(Row row, int column, String text, CellStyle style) {
    Cell c = row.createCell(column);
    c.setCellValue(text);
    if (style != null) {
      c.setCellStyle(style);
    }
  }

  private static void number(Row row, int column, long value, CellStyle style) {
    Cell c = row.createCell(column);
    c.setCellValue(value);
    c.setCellStyle(style);
  }
}
