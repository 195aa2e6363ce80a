package vn.antq.report;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.antq.api.model.PeriodKind;
import vn.antq.api.model.ReportFigures;
import vn.antq.api.model.ReportLeftOut;
import vn.antq.api.model.ReportLeftOutPeriod;
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
      sb.append("có ").append(number(f.getModels())).append(" mô hình tự phòng, tự quản");
      // as they stood at the end: those retired by then are founded, not in force
      boolean someRetired = f.getModelsInForce() != null && f.getModelsInForce() < f.getModels();
      String inForce = someRetired ? number(f.getModelsInForce()) + " mô hình" : "";
      if (f.getModelKinds() != null && f.getModelKinds() > 0) {
        // "thuộc 32 loại, 6 lĩnh vực, tại 891 nơi", as the provinces' reports count them
        sb.append(" (còn hiệu lực: ")
            .append(someRetired ? inForce + ", " : "")
            .append("thuộc ")
            .append(number(f.getModelKinds()))
            .append(" loại, ")
            .append(number(f.getModelFields()))
            .append(" lĩnh vực, tại ")
            .append(number(f.getModelPlaces()))
            .append(" nơi");
        if (f.getReplicationSites() != null && f.getReplicationSites() > 0) {
          sb.append(", nhân rộng tại ").append(number(f.getReplicationSites())).append(" nơi");
        }
        sb.append(')');
      } else if (someRetired) {
        sb.append(" (còn hiệu lực: ").append(inForce).append(')');
      }
      sb.append(" với ")
          .append(number(f.getTeams()))
          .append(" tổ, ")
          .append(number(f.getMembers()))
          .append(" thành viên");
      List<String> aside = new ArrayList<>();
      if (f.getModelsRegistered() > 0) {
        aside.add(number(f.getModelsRegistered()) + " mô hình thành lập trong kỳ");
      }
      if (declared(f)) {
        aside.add(
            "trong đó "
                + number(f.getTeamsDeclared())
                + " tổ, "
                + number(f.getMembersDeclared())
                + " thành viên theo số mô hình khai báo");
      }
      if (!aside.isEmpty()) {
        sb.append(" (").append(String.join("; ", aside)).append(')');
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

  /** At most this many left-out periods are named in the notes; the rest are counted. */
  static final int LEFT_OUT_NAMED = 5;

  /**
   * The report's notes: the rule for periodic figures, and the approved periods it left out ("Không
   * tính 1 kỳ báo cáo … : quý III/2013 của Phường 1 (01/07/2013–30/09/2013).").
   */
  static List<String> notes(ReportService.Summary s, ReportLeftOut leftOut, ReportFigures totals) {
    LocalDate from = s.from();
    LocalDate to = s.to();
    List<String> notes = new ArrayList<>();
    if (declared(totals)) {
      notes.add(
          "Tổ, thành viên của "
              + number(totals.getModelsDeclared())
              + " mô hình chưa có danh sách tổ vào cuối kỳ được tính theo số mô hình khai báo: "
              + number(totals.getTeamsDeclared())
              + " tổ, "
              + number(totals.getMembersDeclared())
              + " thành viên; các mô hình khác được đếm theo danh sách.");
    }
    notes.add(
        "Số liệu báo cáo định kỳ chỉ tính các kỳ (tháng, quý) đã duyệt nằm trọn trong khoảng thời"
            + " gian từ "
            + VietnamTime.format(from)
            + " đến "
            + VietnamTime.format(to)
            + ".");
    if (leftOut.getTotal() > 0) {
      List<String> named =
          leftOut.getPeriods().stream().limit(LEFT_OUT_NAMED).map(ReportText::period).toList();
      long others = leftOut.getTotal() - named.size();
      notes.add(
          "Không tính "
              + number(leftOut.getTotal())
              + " kỳ báo cáo vắt qua ngày đầu hoặc ngày cuối của khoảng thời gian: "
              + String.join("; ", named)
              + (others > 0 ? " và " + number(others) + " kỳ khác" : "")
              + ".");
    }
    notes.add(map(s.asOf(), s.mapChanges(), to));
    return notes;
  }

  /** Which map the report counted under (V23: the units' placements are dated). */
  static String map(LocalDate asOf, List<LocalDate> changes, LocalDate to) {
    if (asOf != null) {
      return "Mọi số liệu được tính theo địa giới hành chính ngày "
          + VietnamTime.format(asOf)
          + " (đơn vị nào trực thuộc đơn vị nào vào ngày đó).";
    }
    if (changes.isEmpty()) {
      return "Số liệu được tính theo địa giới hành chính vào ngày phát sinh; trong khoảng thời gian"
          + " báo cáo địa giới của địa bàn không thay đổi.";
    }
    return "Địa giới của địa bàn thay đổi ngày "
        + String.join(", ", changes.stream().map(VietnamTime::format).toList())
        + ": mỗi số liệu được tính theo địa giới vào ngày phát sinh (trước và sau ngày thay đổi"
        + " theo địa giới tương ứng); số liệu tồn cuối kỳ và các đơn vị trực thuộc theo địa giới"
        + " ngày "
        + VietnamTime.format(to)
        + ".";
  }

  /** The Vietnamese name of a kind of unit, as places holding models are counted. */
  static String kind(String code) {
    return switch (code) {
      case "HAMLET" -> "Thôn, ấp, khóm, tổ dân phố";
      case "COMMUNE" -> "Xã";
      case "WARD" -> "Phường";
      case "TOWNSHIP" -> "Thị trấn";
      case "SPECIAL_ZONE" -> "Đặc khu";
      case "DISTRICT" -> "Huyện, thị xã";
      case "PROVINCE" -> "Tỉnh, thành phố";
      case "AGENCY" -> "Cơ quan";
      case "ENTERPRISE" -> "Doanh nghiệp";
      case "SCHOOL" -> "Cơ sở giáo dục";
      default -> code;
    };
  }

  /** Whether some teams or members were counted from declared totals. */
  private static boolean declared(ReportFigures f) {
    return f.getModelsDeclared() != null && f.getModelsDeclared() > 0;
  }

  /** "quý III/2013 của Phường 1 (01/07/2013–30/09/2013)", "tháng 5/2023 của …". */
  static String period(ReportLeftOutPeriod p) {
    String name =
        p.getPeriodKind() == PeriodKind.QUARTER
            ? "quý " + ROMAN[p.getNumber() - 1] + "/" + p.getYear()
            : "tháng " + p.getNumber() + "/" + p.getYear();
    return name
        + " của "
        + p.getUnit().getName()
        + " ("
        + VietnamTime.format(p.getFrom())
        + "–"
        + VietnamTime.format(p.getTo())
        + ")";
  }

  private static final String[] ROMAN = {"I", "II", "III", "IV"};

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
