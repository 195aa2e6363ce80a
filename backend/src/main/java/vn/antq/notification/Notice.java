package vn.antq.notification;

/**
 * What to tell: a title that reads alone (the bell's list, an e-mail's subject), a sentence or two
 * more, the SPA path of the object, the unit it concerns, and — for occasions that may come up more
 * than once, such as a deadline reminder — a key under which each person is told only once.
 */
public record Notice(
    NotificationKind kind, String title, String body, String link, Long unitId, String dedupeKey) {
  public static Notice of(
      NotificationKind kind, String title, String body, String link, Long unit) {
    return new Notice(kind, title, body, link, unit, null);
  }

  public Notice once(String key) {
    return new Notice(kind, title, body, link, unitId, key);
  }
}
