package vn.antq.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import vn.antq.common.db.Rows;
import vn.antq.common.problem.ProblemException;
import vn.antq.common.problem.ProblemType;
import vn.antq.common.web.Etags;
import vn.antq.security.Caller;

/**
 * A person's own notifications and settings. Every statement is keyed by the caller's own account:
 * nobody reads, marks or configures another person's (another's notification is simply not found).
 */
@ApplicationScoped
public class NotificationService {
  public static final String LIST_PATH = "/thong-bao";
  public static final String SETTINGS_PATH = "/thong-bao/thiet-lap";
  private static final Pattern EMAIL =
      Pattern.compile("^[^@\\s\\p{Cntrl}]{1,64}@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]{2,}$");

  @Inject EntityManager em;
  @Inject Caller caller;
  @Inject MailSettings mail;

  public record Item(
      long id,
      NotificationKind kind,
      String title,
      String body,
      String link,
      Long unitId,
      Instant createdAt,
      boolean read) {}

  public record Page(List<Item> items, Long nextAfter, int unread) {}

  public record Count(int unread, Long latestId) {
    public String etag() {
      return "\"n" + unread + "-" + (latestId == null ? 0 : latestId) + "\"";
    }
  }

  public record KindSetting(NotificationKind kind, boolean inApp, boolean email) {}

  public record Settings(String email, boolean digest, List<KindSetting> kinds, long version) {}

  /** The caller's account; 403 for integration keys and for people without an ANTQ account. */
  long me() {
    Long id = caller.kind() == Caller.Kind.USER ? caller.actorId() : null;
    if (id == null) {
      throw new ProblemException(
          ProblemType.FORBIDDEN,
          "Thông báo dành cho tài khoản người dùng ANTQ; khóa API không có thông báo.");
    }
    return id;
  }

  public Page list(String after, int size, boolean unreadOnly) {
    long me = me();
    long before = decode(after);
    List<Item> items =
        Rows.map(
            em.createNativeQuery(
                    "SELECT id, kind, title, body, link, unit_id, created_at, read_at IS NOT NULL"
                        + " FROM notification WHERE user_id = ?1 AND in_app AND id < ?2"
                        + (unreadOnly ? " AND read_at IS NULL" : "")
                        + " ORDER BY id DESC LIMIT ?3")
                .setParameter(1, me)
                .setParameter(2, before)
                .setParameter(3, size + 1),
            r ->
                new Item(
                    Rows.toLong(r[0]),
                    NotificationKind.valueOf((String) r[1]),
                    (String) r[2],
                    (String) r[3],
                    (String) r[4],
                    Rows.toLongOrNull(r[5]),
                    Rows.instant(r[6]),
                    (Boolean) r[7]));
    Long next = null;
    if (items.size() > size) {
      items = new ArrayList<>(items.subList(0, size));
      next = items.get(size - 1).id();
    }
    return new Page(items, next, count().unread());
  }

  private static long decode(String after) {
    if (after == null || after.isBlank()) {
      return Long.MAX_VALUE;
    }
    try {
      long v = Long.parseLong(after.trim());
      if (v > 0) {
        return v;
      }
    } catch (NumberFormatException e) {
      // falls through
    }
    throw ProblemException.badRequest(
        "after", "Con trỏ trang không hợp lệ; hãy đọc lại từ trang đầu");
  }

  public Count count() {
    Object[] r =
        (Object[])
            em.createNativeQuery(
                    "SELECT (SELECT count(*) FROM notification WHERE user_id = ?1 AND in_app"
                        + " AND read_at IS NULL), (SELECT max(id) FROM notification"
                        + " WHERE user_id = ?1 AND in_app)")
                .setParameter(1, me())
                .getSingleResult();
    return new Count(Rows.toInt(r[0]), Rows.toLongOrNull(r[1]));
  }

  @Transactional
  public void markRead(long id) {
    int found =
        em.createNativeQuery(
                "UPDATE notification SET read_at = coalesce(read_at, now())"
                    + " WHERE id = ?1 AND user_id = ?2 AND in_app")
            .setParameter(1, id)
            .setParameter(2, me())
            .executeUpdate();
    if (found == 0) {
      throw ProblemException.notFound("Không có thông báo số " + id + " của bạn");
    }
  }

  @Transactional
  public int markAllRead(Long upToId) {
    return em.createNativeQuery(
            "UPDATE notification SET read_at = now() WHERE user_id = ?1 AND in_app"
                + " AND read_at IS NULL AND id <= ?2")
        .setParameter(1, me())
        .setParameter(2, upToId == null ? Long.MAX_VALUE : upToId)
        .executeUpdate();
  }

  public Settings settings() {
    long me = me();
    List<Object[]> rows =
        Rows.of(
            em.createNativeQuery(
                    "SELECT email, digest, array_to_string(in_app_off, ','),"
                        + " array_to_string(email_off, ','), version"
                        + " FROM notification_setting WHERE user_id = ?1")
                .setParameter(1, me));
    if (rows.isEmpty()) {
      return new Settings(null, false, kinds(Set.of(), Set.of()), 0);
    }
    Object[] r = rows.get(0);
    return new Settings(
        (String) r[0],
        (Boolean) r[1],
        kinds(parse((String) r[2]), parse((String) r[3])),
        Rows.toLong(r[4]));
  }

  private static Set<NotificationKind> parse(String csv) {
    Set<NotificationKind> set = EnumSet.noneOf(NotificationKind.class);
    if (csv != null && !csv.isBlank()) {
      Arrays.stream(csv.split(",")).map(NotificationKind::valueOf).forEach(set::add);
    }
    return set;
  }

  private static List<KindSetting> kinds(
      Set<NotificationKind> inAppOff, Set<NotificationKind> off) {
    return Arrays.stream(NotificationKind.values())
        .map(k -> new KindSetting(k, !inAppOff.contains(k), !off.contains(k)))
        .toList();
  }

  /**
   * Replaces the caller's settings (kinds not named keep theirs), if the version read is current.
   */
  @Transactional
  public Settings update(Settings wanted, long expected) {
    long me = me();
    String email = wanted.email() == null ? null : wanted.email().trim();
    if (email != null && email.isEmpty()) {
      email = null;
    }
    if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
      throw ProblemException.unprocessable(
          "email", "Địa chỉ thư điện tử không hợp lệ (ví dụ: ten@congan.gov.vn)");
    }
    em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended('notify:' || ?1, 0))")
        .setParameter(1, me)
        .getSingleResult();
    Settings current = settings();
    Etags.check(expected, current.version());
    Set<NotificationKind> inAppOff = EnumSet.noneOf(NotificationKind.class);
    Set<NotificationKind> emailOff = EnumSet.noneOf(NotificationKind.class);
    for (KindSetting k : current.kinds()) {
      KindSetting w =
          wanted.kinds().stream().filter(x -> x.kind() == k.kind()).reduce((a, b) -> b).orElse(k);
      if (!w.inApp()) {
        inAppOff.add(k.kind());
      }
      if (!w.email()) {
        emailOff.add(k.kind());
      }
    }
    em.createNativeQuery(
            "INSERT INTO notification_setting"
                + " (user_id, email, digest, in_app_off, email_off, version, updated_at)"
                + " VALUES (?1, NULLIF(?2, ''), ?3, CAST(?4 AS text[]), CAST(?5 AS text[]), 1, now())"
                + " ON CONFLICT (user_id) DO UPDATE SET email = EXCLUDED.email,"
                + " digest = EXCLUDED.digest, in_app_off = EXCLUDED.in_app_off,"
                + " email_off = EXCLUDED.email_off, version = notification_setting.version + 1,"
                + " updated_at = now()")
        .setParameter(1, me)
        .setParameter(2, email == null ? "" : email)
        .setParameter(3, wanted.digest())
        .setParameter(4, array(inAppOff))
        .setParameter(5, array(emailOff))
        .executeUpdate();
    return settings();
  }

  private static String array(Set<NotificationKind> kinds) {
    return kinds.stream()
        .map(Enum::name)
        .collect(java.util.stream.Collectors.joining(",", "{", "}"));
  }

  public boolean mailEnabled() {
    return mail.enabled();
  }
}
