package vn.antq.report;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.antq.api.model.ReportFigures;
import vn.antq.common.time.VietnamTime;

/** How reports read in Vietnamese: numbers grouped with dots, the sentence of the articles. */
public final class ReportText {
  private ReportText() {}

  /** 18143 → "18.143". */
  public static String number(long n) {
    DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
    symbols.setGroupingSeparator('.');
    return new DecimalFormat("#,##0", symbols).format(n);
  }

  /**
   * "Từ 01/08/2013 đến 31/07/2023, trên địa bàn Bạc Liêu đã tổ chức 11.081 sự kiện, hoạt động
   * (12.000 buổi) với 550.000 lượt người tham dự; có 265 mô hình … ; 10 tập thể, 25 cá nhân được
   * khen thưởng theo 1 quyết định."
   */
  public static String sentence(String unitName, LocalDate from, LocalDate to, ReportFigures f) {
    StringBuilder sb = new StringBuilder();
    sb.append("Từ ")
        .append(VietnamTime.format(from))
        .append(" đến ")
        .append(VietnamTime.format(to))
        .append(unitName == null ? ", trên phạm vi toàn quốc" : ", trên địa bàn " + unitName)
        .append(" đã tổ chức ")
        .append(number(f.getEvents()))
        .append(" sự kiện, hoạt động (")
        .append(number(f.getSessions()))
        .append(" buổi) với ")
        .append(number(f.getAttendance()))
        .append(" lượt người tham dự; ");
    models(sb, f);
    sb.append("; ");
    awards(sb, f);
    // reported figures: "tin báo, tố giác tội phạm do Nhân dân cung cấp: 41.736 tin"
    List<String> reported = new ArrayList<>();
    if (f.getIndicators() != null) {
      for (var x : f.getIndicators()) {
        if (x.getCount() > 0) {
          reported.add(indicator(x.getItem().getName(), x.getCount()));
        }
      }
    }
    if (!reported.isEmpty()) {
      sb.append("; theo số liệu báo cáo định kỳ đã duyệt: ").append(String.join("; ", reported));
    }
    return sb.append('.').toString();
  }

  /** "có 265 mô hình … với 1.294 tổ, 18.143 thành viên", or that there is none. */
  private static void models(StringBuilder sb, ReportFigures f) {
    if (f.getModels() > 0) {
      sb.append("có ")
          .append(number(f.getModels()))
          .append(" mô hình tự phòng, tự quản với ")
          .append(number(f.getTeams()))
          .append(" tổ, ")
          .append(number(f.getMembers()))
          .append(" thành viên");
      if (f.getModelsRegistered() > 0) {
        sb.append(" (")
            .append(number(f.getModelsRegistered()))
            .append(" mô hình thành lập trong kỳ)");
      }
    } else {
      sb.append("chưa có mô hình tự phòng, tự quản nào được đăng ký");
    }
  }

  /** The awards, and the safety assessments and exemplary police when there are some. */
  private static void awards(StringBuilder sb, ReportFigures f) {
    if (f.getAwardedCollectives() + f.getAwardedIndividuals() > 0) {
      sb.append(number(f.getAwardedCollectives()))
          .append(" tập thể, ")
          .append(number(f.getAwardedIndividuals()))
          .append(" cá nhân được khen thưởng theo ")
          .append(number(f.getAwardDecisions()))
          .append(" quyết định");
    } else {
      sb.append("chưa có tập thể, cá nhân nào được khen thưởng");
    }
    if (f.getSafetyAssessed() != null && f.getSafetyAssessed() > 0) {
      sb.append("; ")
          .append(number(f.getSafetyMet()))
          .append(" lượt đơn vị đạt chuẩn \"An toàn về an ninh, trật tự\" trên ")
          .append(number(f.getSafetyAssessed()))
          .append(" lượt được đánh giá");
    }
    if (f.getExemplaryPolice() != null && f.getExemplaryPolice() > 0) {
      sb.append("; ")
          .append(number(f.getExemplaryPolice()))
          .append(" lượt Công an phường được công nhận điển hình, kiểu mẫu");
    }
  }

  /** "Nguồn tin có giá trị (tin)", 120 → "nguồn tin có giá trị: 120 tin". */
  static String indicator(String name, long value) {
    String unit = "";
    String label = name.trim();
    int open = label.lastIndexOf(" (");
    if (open > 0 && label.endsWith(")")) {
      unit = " " + label.substring(open + 2, label.length() - 1).split(",")[0].trim();
      label = label.substring(0, open);
    }
    return Character.toLowerCase(label.charAt(0))
        + label.substring(1)
        + ": "
        + number(value)
        + unit;
  }

  /** "Tỉnh Cà Mau" → "tinh-ca-mau": a file name without diacritics. */
  public static String slug(String s) {
    String d = s.replace('đ', 'd').replace('Đ', 'D');
    return Normalizer.normalize(d, Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9]+", "-")
        .replaceAll("(^-|-$)", "");
  }

  /** bao-cao-tong-hop-ca-mau-2013-01-01-2026-06-30.xlsx */
  public static String fileName(String unitName, LocalDate from, LocalDate to, String extension) {
    return "bao-cao-tong-hop-"
        + slug(unitName == null ? "toàn quốc" : unitName)
        + "-"
        + from
        + "-"
        + to
        + "."
        + extension;
  }
}
