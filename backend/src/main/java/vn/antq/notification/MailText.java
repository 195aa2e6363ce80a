package vn.antq.notification;

import java.util.List;

/** The Vietnamese text of the e-mails: one notice, or a day's digest. */
final class MailText {
  static final String SIGNATURE =
      "\n\n--\nANTQ — Phong trào Toàn dân bảo vệ an ninh Tổ quốc.\n"
          + "Thư được gửi tự động; đổi thiết lập nhận thông báo tại: ";

  private MailText() {}

  static String body(Notice n, MailSettings mail) {
    StringBuilder b = new StringBuilder();
    b.append(n.title()).append("\n\n");
    if (n.body() != null && !n.body().isBlank()) {
      b.append(n.body()).append("\n\n");
    }
    b.append("Xem chi tiết: ").append(mail.link(n.link()));
    b.append(SIGNATURE).append(mail.link(NotificationService.SETTINGS_PATH));
    return b.toString();
  }

  /** One e-mail for the day: the subjects of the waiting messages, then each message's text. */
  static String digest(List<String> subjects, List<String> bodies, MailSettings mail) {
    StringBuilder b = new StringBuilder();
    b.append("Bản tin thông báo trong ngày (").append(subjects.size()).append(" thông báo):\n\n");
    for (String s : subjects) {
      b.append("• ").append(s).append('\n');
    }
    for (String body : bodies) {
      String text = body;
      int sig = text.indexOf(SIGNATURE);
      if (sig >= 0) {
        text = text.substring(0, sig);
      }
      b.append("\n────────\n").append(text).append('\n');
    }
    b.append(SIGNATURE).append(mail.link(NotificationService.SETTINGS_PATH));
    return b.toString();
  }

  static String digestSubject(int count) {
    return "ANTQ: " + count + " thông báo trong ngày";
  }
}
