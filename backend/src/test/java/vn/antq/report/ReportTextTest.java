package vn.antq.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.antq.api.model.ReportFigures;

class ReportTextTest {
  @Test
  void numbersAreGroupedWithDots() {
    assertThat(ReportText.number(18143)).isEqualTo("18.143");
    assertThat(ReportText.number(41736)).isEqualTo("41.736");
    assertThat(ReportText.number(550000)).isEqualTo("550.000");
    assertThat(ReportText.number(7)).isEqualTo("7");
  }

  @Test
  void theSentenceReadsLikeTheArticles() {
    ReportFigures f =
        new ReportFigures()
            .events(11081L)
            .sessions(12000L)
            .attendance(550000L)
            .models(265L)
            .modelsRegistered(0L)
            .teams(1294L)
            .members(18143L)
            .awardDecisions(1L)
            .awardedCollectives(10L)
            .awardedIndividuals(25L);
    assertThat(
            ReportText.sentence("Bạc Liêu", LocalDate.of(2013, 8, 1), LocalDate.of(2023, 7, 31), f))
        .isEqualTo(
            "Từ 01/08/2013 đến 31/07/2023, trên địa bàn Bạc Liêu đã tổ chức 11.081 sự kiện, hoạt"
                + " động (12.000 buổi) với 550.000 lượt người tham dự; có 265 mô hình tự phòng, tự"
                + " quản với 1.294 tổ, 18.143 thành viên; 10 tập thể, 25 cá nhân được khen thưởng"
                + " theo 1 quyết định.");
  }

  @Test
  void fileNamesHaveNoDiacritics() {
    assertThat(ReportText.slug("Tỉnh Đắk Lắk")).isEqualTo("tinh-dak-lak");
    assertThat(
            ReportText.fileName(
                "Phường Bạc Liêu", LocalDate.of(2025, 7, 1), LocalDate.of(2025, 12, 31), "docx"))
        .isEqualTo("bao-cao-tong-hop-phuong-bac-lieu-2025-07-01-2025-12-31.docx");
  }
}
