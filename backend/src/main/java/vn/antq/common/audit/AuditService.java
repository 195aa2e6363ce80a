package vn.antq.common.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.antq.common.db.BulkSql;
import vn.antq.common.db.Rows;

/**
 * The append-only audit trail: who changed what, when and from where, with the before/after of each
 * changed field. Written in the transaction of the change itself, so there is no change without its
 * record.
 */
@ApplicationScoped
public class AuditService {
  @Inject EntityManager em;
  @Inject Actor caller;
  @Inject ObjectMapper json;

  /** One changed field: its value before and after. */
  public record Change(Object from, Object to) {}

  /** An audit record as read back. */
  public record Event(
      long id,
      OffsetDateTime at,
      String actorKind,
      String actorName,
      String client,
      String entityType,
      long entityId,
      String action,
      Map<String, Change> changes) {}

  public static Map<String, Change> changes(String field, Object from, Object to) {
    Map<String, Change> m = new LinkedHashMap<>();
    m.put(field, new Change(from, to));
    return m;
  }

  /** The fields whose values differ between two snapshots (same keys, in order). */
  public static Map<String, Change> diff(Map<String, ?> before, Map<String, ?> after) {
    Map<String, Change> changed = new LinkedHashMap<>();
    for (Map.Entry<String, ?> e : after.entrySet()) {
      Object old = before == null ? null : before.get(e.getKey());
      if (!Objects.equals(old, e.getValue())) {
        changed.put(e.getKey(), new Change(old, e.getValue()));
      }
    }
    return changed;
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void record(
      String entityType,
      long entityId,
      String action,
      Map<String, Change> changes,
      String unitPath) {
    try {
      em.createNativeQuery(
              "INSERT INTO audit_event (at, actor_kind, actor_id, actor_name, client, entity_type,"
                  + " entity_id, action, changes, unit_path)"
                  + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, CAST(?9 AS jsonb), ?10)")
          .setParameter(1, Instant.now())
          .setParameter(2, caller.actorKind())
          .setParameter(3, caller.actorId())
          .setParameter(4, caller.actorName())
          .setParameter(5, caller.client())
          .setParameter(6, entityType)
          .setParameter(7, entityId)
          .setParameter(8, action)
          .setParameter(9, json.writeValueAsString(changes))
          .setParameter(10, unitPath)
          .executeUpdate();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("audit changes not serialisable", e);
    }
  }

  /** One record of {@link #recordAll}. */
  public record Entry(long entityId, Map<String, Change> changes, String unitPath) {}

  /** {@link #record} for many records changed by one action at once: one statement. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void recordAll(String entityType, String action, List<Entry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    Object[] ids = new Object[entries.size()];
    Object[] changes = new Object[entries.size()];
    Object[] paths = new Object[entries.size()];
    // the changes written as JSON on all cores: pure computation, a large part of a bulk import
    java.util.stream.IntStream.range(0, entries.size())
        .parallel()
        .forEach(
            i -> {
              Entry e = entries.get(i);
              ids[i] = e.entityId();
              paths[i] = e.unitPath();
              try {
                changes[i] = json.writeValueAsString(e.changes());
              } catch (JsonProcessingException x) {
                throw new IllegalStateException("audit changes not serialisable", x);
              }
            });
    BulkSql.execute(
        em,
        "INSERT INTO audit_event (at, actor_kind, actor_id, actor_name, client, entity_type,"
            + " entity_id, action, changes, unit_path)"
            + " SELECT CAST(? AS timestamptz), ?, CAST(? AS bigint), ?, CAST(? AS text), ?, u.id,"
            + " ?, CAST(u.changes AS jsonb), u.path"
            + " FROM unnest(?, ?, ?) WITH ORDINALITY AS u(id, changes, path, n) ORDER BY u.n",
        OffsetDateTime.now(ZoneOffset.UTC),
        caller.actorKind(),
        caller.actorId(),
        caller.actorName(),
        caller.client(),
        entityType,
        action,
        new BulkSql.Column("int8", ids),
        new BulkSql.Column("text", changes),
        new BulkSql.Column("text", paths));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Event> history(String entityType, long entityId, int page, int size) {
    List<Object[]> rows =
        Rows.of(
            em.createNativeQuery(
                    "SELECT id, at, actor_kind, actor_name, client, entity_type, entity_id, action,"
                        + " CAST(changes AS text) FROM audit_event"
                        + " WHERE entity_type = ?1 AND entity_id = ?2 ORDER BY at DESC, id DESC"
                        + " LIMIT ?3 OFFSET ?4")
                .setParameter(1, entityType)
                .setParameter(2, entityId)
                .setParameter(3, size)
                .setParameter(4, (long) page * size));
    List<Event> events = new ArrayList<>();
    for (Object[] r : rows) {
      events.add(
          new Event(
              Rows.toLong(r[0]),
              toOffset(r[1]),
              (String) r[2],
              (String) r[3],
              (String) r[4],
              (String) r[5],
              Rows.toLong(r[6]),
              (String) r[7],
              parse((String) r[8])));
    }
    return events;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public long count(String entityType, long entityId) {
    return Rows.toLong(
        em.createNativeQuery(
                "SELECT count(*) FROM audit_event WHERE entity_type = ?1 AND entity_id = ?2")
            .setParameter(1, entityType)
            .setParameter(2, entityId)
            .getSingleResult());
  }

  private Map<String, Change> parse(String text) {
    try {
      return json.readValue(text, new TypeReference<LinkedHashMap<String, Change>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable audit changes", e);
    }
  }

  private static OffsetDateTime toOffset(Object value) {
    if (value instanceof OffsetDateTime o) {
      return o;
    }
    if (value instanceof Instant i) {
      return i.atOffset(ZoneOffset.UTC);
    }
    if (value instanceof java.sql.Timestamp t) {
      return t.toInstant().atOffset(ZoneOffset.UTC);
    }
    return OffsetDateTime.parse(value.toString());
  }
}
