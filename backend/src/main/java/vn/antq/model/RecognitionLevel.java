package vn.antq.model;

/** Recognition as exemplary (điển hình), stored as 1..3 so that "at least" is a comparison. */
public enum RecognitionLevel {
  COMMUNE("cấp xã"),
  PROVINCE("cấp tỉnh"),
  MINISTRY("cấp Bộ");

  private final String label;

  RecognitionLevel(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public short code() {
    return (short) (ordinal() + 1);
  }

  public static RecognitionLevel of(Short code) {
    return code == null ? null : values()[code - 1];
  }
}
