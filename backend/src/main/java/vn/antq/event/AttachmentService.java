package vn.antq.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.antq.common.audit.AuditService;
import vn.antq.common.db.Rows;
import vn.antq.common.problem.ProblemException;
import vn.antq.territory.Territory;

/**
 * An event's attachments: JPEG, PNG or PDF up to 10 MB, typed by their bytes, audited on the event.
 */
@ApplicationScoped
public class AttachmentService {
  @Inject EntityManager em;
  @Inject Territory territory;
  @Inject AuditService audit;
  @Inject EventService events;

  public record AttachmentView(
      long id, String fileName, String contentType, long size, Instant uploadedAt) {}

  // ------------------------------------------------------------------ attachments

  public static final long MAX_ATTACHMENT = 10L * 1024 * 1024;

  @Transactional
  public AttachmentView attach(long eventId, String fileName, byte[] content) {
    EventEntity e = events.require(eventId);
    if (content == null || content.length == 0) {
      throw ProblemException.badRequest("file", "Tệp rỗng");
    }
    if (content.length > MAX_ATTACHMENT) {
      throw new ProblemException(
          vn.antq.common.problem.ProblemType.PAYLOAD_TOO_LARGE, "Tệp đính kèm tối đa 10 MB");
    }
    String type = sniff(content);
    if (type == null) {
      throw new ProblemException(
          vn.antq.common.problem.ProblemType.UNSUPPORTED_MEDIA_TYPE,
          "Chỉ đính kèm ảnh JPEG, PNG hoặc tệp PDF");
    }
    String name = cleanName(fileName);
    String sha;
    try {
      sha =
          java.util.HexFormat.of()
              .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
    } catch (java.security.NoSuchAlgorithmException ex) {
      throw new IllegalStateException(ex);
    }
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "INSERT INTO event_attachment (event_id, file_name, content_type, size, sha256, content)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id, uploaded_at")
                .setParameter(1, e.id)
                .setParameter(2, name)
                .setParameter(3, type)
                .setParameter(4, (long) content.length)
                .setParameter(5, sha)
                .setParameter(6, content)
                .getSingleResult();
    Map<String, AuditService.Change> changes = new LinkedHashMap<>();
    changes.put(
        "attachment", new AuditService.Change(null, name + " (" + content.length + " byte)"));
    audit.record("EVENT", e.id, "ATTACH", changes, territory.placeOf(e.unitId).path());
    return new AttachmentView(
        Rows.toLong(row[0]), name, type, content.length, Rows.instant(row[1]));
  }

  public record Download(String fileName, String contentType, byte[] content) {}

  @Transactional(Transactional.TxType.SUPPORTS)
  public Download download(long eventId, long attachmentId) {
    events.require(eventId);
    List<Object[]> found =
        Rows.of(
            em.createNativeQuery(
                    "SELECT file_name, content_type, content FROM event_attachment WHERE id = ?1 AND event_id = ?2")
                .setParameter(1, attachmentId)
                .setParameter(2, eventId));
    if (found.isEmpty()) {
      throw ProblemException.notFound("Không tìm thấy tệp đính kèm " + attachmentId);
    }
    Object[] r = found.get(0);
    return new Download((String) r[0], (String) r[1], (byte[]) r[2]);
  }

  @Transactional
  public void detach(long eventId, long attachmentId) {
    EventEntity e = events.require(eventId);
    String name = download(eventId, attachmentId).fileName();
    em.createNativeQuery("DELETE FROM event_attachment WHERE id = ?1 AND event_id = ?2")
        .setParameter(1, attachmentId)
        .setParameter(2, eventId)
        .executeUpdate();
    Map<String, AuditService.Change> changes = new LinkedHashMap<>();
    changes.put("attachment", new AuditService.Change(name, null));
    audit.record("EVENT", e.id, "DETACH", changes, territory.placeOf(e.unitId).path());
  }

  /** The type the bytes really are (never the type the client claims). */
  static String sniff(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
      return "image/jpeg";
    }
    if (b.length >= 8
        && (b[0] & 0xFF) == 0x89
        && b[1] == 'P'
        && b[2] == 'N'
        && b[3] == 'G'
        && b[4] == 0x0D
        && b[5] == 0x0A
        && b[6] == 0x1A
        && b[7] == 0x0A) {
      return "image/png";
    }
    if (b.length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') {
      return "application/pdf";
    }
    return null;
  }

  static String cleanName(String raw) {
    String name = raw == null ? "" : raw;
    try {
      name = java.net.URLDecoder.decode(name, java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException ignored) {
      // not URL-encoded: taken as it is
    }
    name = name.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").trim();
    if (name.isEmpty()) {
      name = "tep-dinh-kem";
    }
    return name.length() > 255 ? name.substring(name.length() - 255) : name;
  }
}
