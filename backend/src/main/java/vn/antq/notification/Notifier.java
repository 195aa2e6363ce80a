package vn.antq.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import vn.antq.common.db.BulkSql;
import vn.antq.common.db.Rows;

/**
 * Tells people of a change in the change's own transaction: a rolled-back change tells nobody and a
 * committed one is never missed. One statement writes the notifications (a person who turned the
 * kind off in the application still gets a row, hidden, so that a key told once stays told) and,
 * when e-mail is on, the outbox rows the mail worker sends after the commit — for one notice or for
 * the many of a bulk write (an import of a thousand award decisions tells their units with one
 * statement, not a thousand).
 */
@ApplicationScoped
public class Notifier {
  @Inject EntityManager em;
  @Inject MailSettings mail;

  /**
   * One statement for a batch: the notices as arrays (their number {@code k} in the batch), who
   * each names as pairs, the people told, their notifications and their e-mails.
   */
  private static final String SQL =
      "WITH n AS (SELECT * FROM unnest(?, ?, ?, ?, ?, ?, ?, ?, ?) WITH ORDINALITY"
          + " AS n(kind, title, body, link, unit_id, dedupe, mail_body, roles, except_id, k)),"
          // the officers over a unit are those of the units its path names ('/1/12/345/': the
          // ids from the root to the unit itself), found by unit: matching every account of the
          // roles against every unit's path took 0.8-0.9 s for 1,000 notices at 17,000 accounts
          + " aud AS (SELECT p.k, a.id FROM unnest(?, ?) AS p(k, unit_id)"
          + " JOIN n ON n.k = p.k JOIN unit o ON o.id = p.unit_id"
          + " CROSS JOIN LATERAL unnest(string_to_array(trim(BOTH '/' FROM o.path), '/')::bigint[])"
          + " AS up(unit_id)"
          + " JOIN app_user a ON a.unit_id = up.unit_id"
          + " AND a.role = ANY (string_to_array(n.roles, ','))"
          + " UNION SELECT q.k, q.user_id FROM unnest(?, ?) AS q(k, user_id)),"
          // each notification's id drawn here in the notices' order (of two naming a person under
          // one key, the first tells), so that an e-mail follows only a row written
          + " target AS MATERIALIZED (SELECT t.*,"
          + " nextval(pg_get_serial_sequence('notification', 'id')) AS nid FROM"
          + " (SELECT n.k, a.id, s.email, coalesce(s.digest, false) AS digest,"
          + " coalesce(n.kind = ANY (s.in_app_off), false) AS in_app_off,"
          + " coalesce(n.kind = ANY (s.email_off), false) AS email_off"
          + " FROM aud JOIN n ON n.k = aud.k JOIN app_user a ON a.id = aud.id"
          + " LEFT JOIN notification_setting s ON s.user_id = a.id"
          + " WHERE a.enabled AND a.id <> n.except_id ORDER BY n.k, a.id) t),"
          + " told AS (INSERT INTO notification (id, user_id, kind, title, body, link,"
          + " unit_id, dedupe_key, in_app, read_at) OVERRIDING SYSTEM VALUE"
          + " SELECT t.nid, t.id, n.kind, n.title, n.body, NULLIF(n.link, ''), n.unit_id,"
          + " NULLIF(n.dedupe, ''),"
          + " NOT t.in_app_off, CASE WHEN t.in_app_off THEN now() END"
          + " FROM target t JOIN n ON n.k = t.k ORDER BY t.nid"
          + " ON CONFLICT (user_id, dedupe_key) DO NOTHING RETURNING id),"
          + " mailed AS (INSERT INTO mail_outbox (user_id, recipient, subject, body, digest)"
          + " SELECT t.id, t.email, n.title, n.mail_body, t.digest FROM target t"
          + " JOIN n ON n.k = t.k JOIN told ON told.id = t.nid"
          + " WHERE ? AND t.email IS NOT NULL AND NOT t.email_off ORDER BY t.nid RETURNING 1)"
          + " SELECT (SELECT count(*) FROM told), (SELECT count(*) FROM mailed)";

  /** A notice and who is told of it. */
  public record Telling(Notice notice, Audience to) {}

  /** Tells {@code to} of {@code notice}; returns how many people were told now. */
  @Transactional(Transactional.TxType.MANDATORY)
  public int send(Notice notice, Audience to) {
    return sendAll(List.of(new Telling(notice, to)));
  }

  /**
   * Tells each audience of its notice, as {@link #send} would one after the other, with one
   * statement; returns how many notifications were written now (a person named by two notices is
   * counted twice).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public int sendAll(List<Telling> tellings) {
    if (tellings.isEmpty()) {
      return 0;
    }
    int n = tellings.size();
    Object[][] c = new Object[9][n];
    // who each notice names: (notice, unit) for officers over a unit, (notice, user) for accounts
    List<Object> unitOf = new ArrayList<>();
    List<Object> unit = new ArrayList<>();
    List<Object> userOf = new ArrayList<>();
    List<Object> user = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      Notice notice = tellings.get(k).notice();
      Audience to = tellings.get(k).to();
      Object[] row = {
        notice.kind().name(),
        notice.title(),
        notice.body(),
        notice.link(),
        notice.unitId(),
        notice.dedupeKey(),
        MailText.body(notice, mail),
        String.join(",", to.roles()),
        to.except() == null ? 0L : to.except()
      };
      for (int i = 0; i < row.length; i++) {
        c[i][k] = row[i];
      }
      List<Long> refs = to.unitIds() != null ? to.unitIds() : to.users();
      for (Long ref : refs) {
        (to.unitIds() != null ? unitOf : userOf).add((long) k + 1);
        (to.unitIds() != null ? unit : user).add(ref);
      }
    }
    List<Object[]> counts =
        BulkSql.query(
            em,
            SQL,
            new BulkSql.Column("text", c[0]),
            new BulkSql.Column("text", c[1]),
            new BulkSql.Column("text", c[2]),
            new BulkSql.Column("text", c[3]),
            new BulkSql.Column("int8", c[4]),
            new BulkSql.Column("text", c[5]),
            new BulkSql.Column("text", c[6]),
            new BulkSql.Column("text", c[7]),
            new BulkSql.Column("int8", c[8]),
            BulkSql.Column.of("int8", unitOf),
            BulkSql.Column.of("int8", unit),
            BulkSql.Column.of("int8", userOf),
            BulkSql.Column.of("int8", user),
            mail.enabled());
    return Rows.toInt(counts.get(0)[0]);
  }
}
