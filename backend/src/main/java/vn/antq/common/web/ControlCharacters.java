package vn.antq.common.web;

/**
 * Characters that text in ANTQ may not hold: PostgreSQL cannot store U+0000 in {@code text} at all,
 * and the other C0 and C1 control characters (and DEL) make no sense in a name, a note or a key —
 * they come from broken encodings or from someone probing. Tab, line feed and carriage return stay
 * allowed (notes and addresses have lines).
 */
public final class ControlCharacters {
  private ControlCharacters() {}

  /** The first refused character of {@code s}, or -1 when it has none. */
  public static int firstIn(CharSequence s) {
    if (s == null) {
      return -1;
    }
    for (int i = 0; i < s.length(); i++) {
      if (refused(s.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  public static boolean refused(char c) {
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f);
  }

  /** What to tell the caller about {@code s}, whose character at {@code at} is refused. */
  public static String message(CharSequence s, int at) {
    char c = s.charAt(at);
    String code = String.format("U+%04X", (int) c);
    return c == 0
        ? "Không được chứa ký tự NUL (" + code + ")."
        : "Không được chứa ký tự điều khiển (" + code + ", vị trí " + (at + 1) + ").";
  }
}
