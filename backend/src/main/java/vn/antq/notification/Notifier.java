package vn.antq.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import vn.antq.common.db.Rows;

/**
 * Tells people of a change in the change's own transaction: a rolled-back change tells nobody and a
 * committed one is never missed. One statement writes the notifications (a person who turned the
 * kind off in the application still gets a row, hidden, so that a key told once stays told) and,
 * when e-mail is on, the outbox rows the mail worker sends after the commit.
 */
@ApplicationScoped
public class Notifier {
  @Inject EntityManager em;
  @Inject MailSettings mail;

  /** Tells {@code to} of {@code notice}; returns how many people were told now. */
  @Transactional(Transactional.TxType.MANDATORY)
  public int send(Notice notice, Audience to) {
    String kind = notice.kind().name();
    Query q =
        em.createNativeQuery(
            "WITH target AS (SELECT a.id, s.email, coalesce(s.digest, false) AS digest,"
                + " coalesce(:kind = ANY (s.in_app_off), false) AS in_app_off,"
                + " coalesce(:kind = ANY (s.email_off), false) AS email_off"
                + " FROM app_user a LEFT JOIN notification_setting s ON s.user_id = a.id"
                + " WHERE a.enabled AND a.id <> :except AND a.id IN ("
                + to.sql()
                + ")), told AS (INSERT INTO notification"
                + " (user_id, kind, title, body, link, unit_id, dedupe_key, in_app, read_at)"
                + " SELECT id, :kind, :title, :body, NULLIF(:link, ''), NULLIF(:unit, 0),"
                + " NULLIF(:dedupe, ''), NOT in_app_off, CASE WHEN in_app_off THEN now() END"
                + " FROM target ON CONFLICT (user_id, dedupe_key) DO NOTHING RETURNING user_id),"
                + " mailed AS (INSERT INTO mail_outbox (user_id, recipient, subject, body, digest)"
                + " SELECT t.id, t.email, :title, :mailBody, t.digest FROM target t"
                + " JOIN told ON told.user_id = t.id"
                + " WHERE :mail AND t.email IS NOT NULL AND NOT t.email_off RETURNING 1)"
                + " SELECT (SELECT count(*) FROM told), (SELECT count(*) FROM mailed)");
    q.setParameter("kind", kind);
    q.setParameter("title", notice.title());
    q.setParameter("body", notice.body());
    q.setParameter("link", notice.link() == null ? "" : notice.link());
    q.setParameter("unit", notice.unitId() == null ? 0L : notice.unitId());
    q.setParameter("dedupe", notice.dedupeKey() == null ? "" : notice.dedupeKey());
    q.setParameter("mail", mail.enabled());
    q.setParameter("mailBody", MailText.body(notice, mail));
    to.bind(q);
    Object[] counts = (Object[]) q.getSingleResult();
    return Rows.toInt(counts[0]);
  }
}
