package vn.antq.support;

/** The summary report's exported files, opened for tests (cells of the XLSX, text of the DOCX). */
public final class ReportFiles {
  private ReportFiles() {}

  /** The number beside a label in the first two columns of a sheet of the report's workbook. */
  public static double cell(byte[] xlsx, String sheet, String label) throws java.io.IOException {
    try (var wb =
        new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
      for (var row : wb.getSheet(sheet)) {
        if (row.getCell(0) != null
            && row.getCell(0).getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
            && row.getCell(0).getStringCellValue().equals(label)) {
          return row.getCell(1).getNumericCellValue();
        }
      }
    }
    throw new AssertionError("no line «" + label + "» in sheet " + sheet);
  }

  /** The text of the report's DOCX. */
  public static String docx(long unitId, String from, String to) throws java.io.IOException {
    byte[] bytes =
        Api.given()
            .queryParam("unitId", unitId)
            .queryParam("from", from)
            .queryParam("to", to)
            .get("/api/reports/summary.docx")
            .then()
            .statusCode(200)
            .extract()
            .asByteArray();
    try (var doc =
            new org.apache.poi.xwpf.usermodel.XWPFDocument(
                new java.io.ByteArrayInputStream(bytes));
        var text = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(doc)) {
      return text.getText();
    }
  }

  public static byte[] xlsx(long unitId, String from, String to) {
    return Api.given()
        .queryParam("unitId", unitId)
        .queryParam("from", from)
        .queryParam("to", to)
        .get("/api/reports/summary.xlsx")
        .then()
        .statusCode(200)
        .extract()
        .asByteArray();
  }
}
