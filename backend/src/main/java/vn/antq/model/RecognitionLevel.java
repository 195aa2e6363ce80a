package vn.antq.model;

/**
 * Recognition as exemplary (điển hình), stored as 1..4 so that "at least" is a comparison. District
 * level existed until the 2025 reform abolished districts.
 */
public enum RecognitionLevel {
  COMMUNE("cấp xã"),
  DISTRICT("cấp huyện"),
  PROVINCE("cấp tỉnh"),
  MINISTRY("cấp Bộ");

  private final String label;

  RecognitionLevel(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The day decisions at this level stopped (districts abolished on 1/7/2025), or null. */
  public java.time.LocalDate endedOn() {
    return this == DISTRICT ? java.time.LocalDate.of(2025, 7, 1) : null;
  }

  public short code() {
    return (short) (ordinal() + 1);
  }

  public static RecognitionLevel of(Short code) {
    return code == null ? null : values()[code - 1];
  }
}
