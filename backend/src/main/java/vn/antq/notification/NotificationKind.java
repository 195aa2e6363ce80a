package vn.antq.notification;

/** What a person may be told about; each can be turned off in the application and by e-mail. */
public enum NotificationKind {
  FIGURES_SUBMITTED("Xã gửi số liệu chờ duyệt"),
  FIGURES_RETURNED("Số liệu bị trả lại"),
  FIGURES_APPROVED("Số liệu được duyệt"),
  DEADLINE_SOON("Sắp đến hạn gửi số liệu"),
  DEADLINE_OVERDUE("Quá hạn gửi số liệu"),
  AWARD_DECIDED("Quyết định khen thưởng nêu đơn vị, mô hình của mình"),
  MODEL_STATUS_CHANGED("Người khác đổi trạng thái mô hình"),
  IMPORT_FINISHED("Tác vụ nhập dữ liệu đã xong"),
  IMPORT_FAILED("Tác vụ nhập dữ liệu thất bại");

  private final String label;

  NotificationKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
