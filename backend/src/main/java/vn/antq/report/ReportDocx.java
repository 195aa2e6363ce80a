package vn.antq.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import vn.antq.api.model.ReportFigures;
import vn.antq.api.model.ReportSummary;
import vn.antq.common.time.VietnamTime;
import vn.antq.indicator.ReportingLine;

/**
 * The summary as a DOCX laid out as an administrative report (NĐ 30/2020/NĐ-CP: A4, Times New
 * Roman, the national motto, number and date lines, numbers grouped with dots).
 */
final class ReportDocx {
  private ReportDocx() {}

  private static final String FONT = "Times New Roman";

  static byte[] docx(ReportSummary s, LocalDate today, ReportingLine.Line line) {
    try (XWPFDocument doc = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      page(doc);
      letterhead(doc, ReportExports.place(s), today);
      titles(doc, s);
      body(doc, s.getText());
      if (line != null) {
        body(doc, "Tình hình gửi số liệu báo cáo: " + line.text());
      }
      figureSections(doc, s);
      childSection(doc, s);
      notes(doc, s);
      signature(doc);
      doc.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Ghi chú: the rules the figures follow and what they leave out. */
  private static void notes(XWPFDocument doc, ReportSummary s) {
    if (s.getNotes() == null || s.getNotes().isEmpty()) {
      return;
    }
    heading(doc, "GHI CHÚ");
    s.getNotes().forEach(n -> body(doc, n));
  }

  /** Issuing body and number on the left, national motto and place and date on the right. */
  private static void letterhead(XWPFDocument doc, String unit, LocalDate today) {
    XWPFTable head = doc.createTable(1, 2);
    head.removeBorders();
    head.setWidth("100%");
    head.setTableAlignment(TableRowAlign.CENTER);
    XWPFTableCell left = head.getRow(0).getCell(0);
    XWPFTableCell right = head.getRow(0).getCell(1);
    left.setWidth("42%");
    right.setWidth("58%");
    centred(left.getParagraphs().get(0), unit.toUpperCase(java.util.Locale.ROOT), 12, true, false);
    centred(left.addParagraph(), "Số:        /BC", 13, false, false);
    centred(right.getParagraphs().get(0), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, true, false);
    centred(right.addParagraph(), "Độc lập - Tự do - Hạnh phúc", 13, true, false);
    String date =
        unit
            + ", ngày "
            + two(today.getDayOfMonth())
            + " tháng "
            + two(today.getMonthValue())
            + " năm "
            + today.getYear();
    centred(right.addParagraph(), date, 13, false, true);
  }

  private static void titles(XWPFDocument doc, ReportSummary s) {
    XWPFParagraph title = doc.createParagraph();
    title.setSpacingBefore(360);
    centred(title, "BÁO CÁO", 14, true, false);
    centred(
        doc.createParagraph(),
        "Tổng hợp kết quả thực hiện phong trào Toàn dân bảo vệ an ninh Tổ quốc",
        14,
        true,
        false);
    String period =
        "(Từ ngày "
            + VietnamTime.format(s.getFrom())
            + " đến ngày "
            + VietnamTime.format(s.getTo())
            + ")";
    centred(doc.createParagraph(), period, 13, false, true);
  }

  /** Sections I to V: the totals, events by type, awards, approved figures, safety. */
  private static void figureSections(XWPFDocument doc, ReportSummary s) {
    ReportFigures t = s.getTotals();
    heading(doc, "I. KẾT QUẢ CHUNG");
    table(
        doc,
        List.of("TT", "Chỉ tiêu", "Số liệu"),
        rows(ReportExports.FIGURES, t),
        new int[] {8, 67, 25});
    heading(doc, "II. SỰ KIỆN, HOẠT ĐỘNG THEO LOẠI");
    table(
        doc,
        List.of("TT", "Loại", "Sự kiện", "Lượt tham dự"),
        numbered(
            t.getEventsByType(),
            e -> e.getType().getName(),
            e -> e.getEvents(),
            e -> e.getAttendance()),
        new int[] {8, 52, 18, 22});
    heading(doc, "III. KHEN THƯỞNG");
    table(
        doc,
        List.of("TT", "Hình thức", "Tập thể", "Cá nhân"),
        numbered(
            t.getAwardsByForm(),
            a -> a.getForm().getName(),
            a -> a.getCollectives(),
            a -> a.getIndividuals()),
        new int[] {8, 52, 20, 20});
    heading(doc, "IV. SỐ LIỆU BÁO CÁO ĐỊNH KỲ (CÁC KỲ ĐÃ DUYỆT)");
    table(
        doc,
        List.of("TT", "Chỉ tiêu", "Số liệu"),
        numbered(t.getIndicators(), x -> x.getItem().getName(), x -> x.getCount()),
        new int[] {8, 67, 25});
    heading(doc, "V. ĐÁNH GIÁ \"AN TOÀN VỀ AN NINH, TRẬT TỰ\"");
    table(
        doc,
        List.of("TT", "Đối tượng", "Được đánh giá", "Đạt chuẩn"),
        numbered(
            t.getSafetyByTarget(),
            x -> x.getTarget().getName(),
            x -> x.getAssessed(),
            x -> x.getMet()),
        new int[] {8, 52, 20, 20});
  }

  /** Rows of a table: number, name, then the figures, grouped with dots. */
  @SafeVarargs
  private static <T> List<List<String>> numbered(
      List<T> items, Function<T, String> name, ToLongFunction<T>... figures) {
    List<List<String>> out = new ArrayList<>();
    for (T item : items) {
      List<String> row = new ArrayList<>();
      row.add(String.valueOf(out.size() + 1));
      row.add(name.apply(item));
      for (ToLongFunction<T> f : figures) {
        row.add(ReportText.number(f.applyAsLong(item)));
      }
      out.add(row);
    }
    return out;
  }

  private static void childSection(XWPFDocument doc, ReportSummary s) {
    heading(doc, "VI. THEO ĐƠN VỊ TRỰC THUỘC");
    List<List<String>> children = new ArrayList<>();
    // numbered by level: 1, 1.1, 1.1.1
    int[] n = new int[4];
    for (var c : s.getChildren()) {
      n[c.getLevel()]++;
      java.util.Arrays.fill(n, c.getLevel() + 1, n.length, 0);
      StringBuilder tt = new StringBuilder().append(n[1]);
      for (int l = 2; l <= c.getLevel(); l++) {
        tt.append('.').append(n[l]);
      }
      children.add(childRow(tt.toString(), ReportExports.rowName(c), c.getFigures()));
    }
    children.add(
        childRow(
            String.valueOf(n[1] + 1),
            "Cấp " + ReportExports.place(s) + " và đơn vị không còn trực thuộc",
            s.getDirect()));
    table(
        doc,
        List.of(
            "TT",
            "Đơn vị",
            "Sự kiện",
            "Lượt tham dự",
            "Mô hình",
            "Thành viên",
            "Tập thể",
            "Cá nhân"),
        children,
        new int[] {6, 30, 10, 14, 10, 12, 9, 9});
  }

  private static void signature(XWPFDocument doc) {
    XWPFParagraph sign = doc.createParagraph();
    sign.setSpacingBefore(480);
    sign.setAlignment(ParagraphAlignment.RIGHT);
    run(sign, "NGƯỜI LẬP BÁO CÁO", 13, true, false);
    XWPFParagraph recipients = doc.createParagraph();
    run(recipients, "Nơi nhận:", 12, true, true);
    run(doc.createParagraph(), "- Như trên;", 11, false, false);
    run(doc.createParagraph(), "- Lưu: VT.", 11, false, false);
  }

  private static List<String> childRow(String i, String name, ReportFigures f) {
    return List.of(
        String.valueOf(i),
        name,
        ReportText.number(f.getEvents()),
        ReportText.number(f.getAttendance()),
        ReportText.number(f.getModels()),
        ReportText.number(f.getMembers()),
        ReportText.number(f.getAwardedCollectives()),
        ReportText.number(f.getAwardedIndividuals()));
  }

  private static List<List<String>> rows(List<ReportExports.Figure> figures, ReportFigures f) {
    List<List<String>> out = new ArrayList<>();
    int i = 1;
    for (ReportExports.Figure figure : figures) {
      out.add(
          List.of(
              String.valueOf(i++),
              figure.label(),
              ReportText.number(figure.value().applyAsLong(f))));
    }
    return out;
  }

  /** A4 portrait; margins 20 mm top and bottom, 30 mm left, 15 mm right. */
  private static void page(XWPFDocument doc) {
    CTSectPr sect = doc.getDocument().getBody().addNewSectPr();
    CTPageSz size = sect.addNewPgSz();
    size.setW(BigInteger.valueOf(11906));
    size.setH(BigInteger.valueOf(16838));
    CTPageMar margins = sect.addNewPgMar();
    margins.setTop(BigInteger.valueOf(1134));
    margins.setBottom(BigInteger.valueOf(1134));
    margins.setLeft(BigInteger.valueOf(1701));
    margins.setRight(BigInteger.valueOf(850));
  }

  private static void heading(XWPFDocument doc, String text) {
    XWPFParagraph p = doc.createParagraph();
    p.setSpacingBefore(240);
    p.setSpacingAfter(120);
    run(p, text, 13, true, false);
  }

  private static void body(XWPFDocument doc, String text) {
    XWPFParagraph p = doc.createParagraph();
    p.setAlignment(ParagraphAlignment.BOTH);
    p.setIndentationFirstLine(567);
    p.setSpacingBefore(240);
    run(p, text, 14, false, false);
  }

  private static void table(
      XWPFDocument doc, List<String> head, List<List<String>> rows, int[] widths) {
    XWPFTable t = doc.createTable(rows.size() + 1, head.size());
    t.setWidth("100%");
    for (int c = 0; c < head.size(); c++) {
      XWPFTableCell cell = t.getRow(0).getCell(c);
      cell.setWidth(widths[c] + "%");
      centred(cell.getParagraphs().get(0), head.get(c), 12, true, false);
    }
    for (int r = 0; r < rows.size(); r++) {
      for (int c = 0; c < head.size(); c++) {
        XWPFParagraph p = t.getRow(r + 1).getCell(c).getParagraphs().get(0);
        if (c == 1) {
          run(p, rows.get(r).get(c), 12, false, false);
        } else {
          p.setAlignment(c == 0 ? ParagraphAlignment.CENTER : ParagraphAlignment.RIGHT);
          run(p, rows.get(r).get(c), 12, false, false);
        }
      }
    }
  }

  private static void centred(
      XWPFParagraph p, String text, int size, boolean bold, boolean italic) {
    p.setAlignment(ParagraphAlignment.CENTER);
    p.setSpacingAfter(0);
    run(p, text, size, bold, italic);
  }

  private static void run(XWPFParagraph p, String text, int size, boolean bold, boolean italic) {
    XWPFRun run = p.createRun();
    run.setText(text);
    run.setFontFamily(FONT);
    run.setFontSize(size);
    run.setBold(bold);
    run.setItalic(italic);
  }

  private static String two(int n) {
    return n < 10 ? "0" + n : String.valueOf(n);
  }
}
