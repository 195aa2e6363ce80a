package vn.antq.integration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.antq.common.db.BulkSql;
import vn.antq.common.db.Rows;

/**
 * The {@code external_ref} table: which record a client's external id stands for, with the hash of
 * the data last applied and the record's version then (so a row sent again unchanged is left
 * alone).
 */
@ApplicationScoped
class ExternalRefs {
  @Inject EntityManager em;

  /** One client's external id: the record it stands for, the data's hash and the version then. */
  record Ref(long entityId, String hash, long version) {}

  /** One new link to write: external id → record, hash, version. */
  record Link(String externalId, long entityId, String hash, long version) {}

  private static final String UPSERT =
      " ON CONFLICT (client, resource, external_id) DO UPDATE SET"
          + " entity_id = EXCLUDED.entity_id, data_hash = EXCLUDED.data_hash,"
          + " entity_version = EXCLUDED.entity_version, updated_at = now()";

  /** The links of these external ids, by external id (ids without one are absent). */
  Map<String, Ref> lookupAll(String client, String resource, List<String> exts) {
    Map<String, Ref> refs = new HashMap<>();
    if (exts.isEmpty()) {
      return refs;
    }
    for (Object[] r :
        BulkSql.query(
            em,
            // one primary-key lookup per id, whatever the statistics say: they lag behind a
            // table that an import is filling (an "= ANY" over it was planned as a scan)
            "SELECT r.external_id, r.entity_id, r.data_hash, r.entity_version"
                + " FROM unnest(?) AS x(external_id) CROSS JOIN LATERAL"
                + " (SELECT * FROM external_ref e WHERE e.client = ? AND e.resource = ?"
                + " AND e.external_id = x.external_id LIMIT 1) r",
            BulkSql.Column.of("text", exts),
            client,
            resource)) {
      refs.put((String) r[0], new Ref(Rows.toLong(r[1]), (String) r[2], Rows.toLong(r[3])));
    }
    return refs;
  }

  void remember(String client, String resource, Link link) {
    em.createNativeQuery(
            "INSERT INTO external_ref (client, resource, external_id, entity_id, data_hash,"
                + " entity_version) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
                + UPSERT)
        .setParameter(1, client)
        .setParameter(2, resource)
        .setParameter(3, link.externalId())
        .setParameter(4, link.entityId())
        .setParameter(5, link.hash())
        .setParameter(6, link.version())
        .executeUpdate();
  }

  /** Many links with one statement. */
  void rememberAll(String client, String resource, List<Link> links) {
    if (links.isEmpty()) {
      return;
    }
    BulkSql.execute(
        em,
        "INSERT INTO external_ref (client, resource, external_id, entity_id, data_hash,"
            + " entity_version) SELECT CAST(? AS text), CAST(? AS text), u.*"
            + " FROM unnest(?, ?, ?, ?) AS u"
            + UPSERT,
        client,
        resource,
        BulkSql.Column.of("text", links.stream().map(l -> l.externalId()).toList()),
        BulkSql.Column.of("int8", links.stream().map(l -> l.entityId()).toList()),
        BulkSql.Column.of("text", links.stream().map(l -> l.hash()).toList()),
        BulkSql.Column.of("int8", links.stream().map(l -> l.version()).toList()));
  }

  void forget(String client, String resource, String ext) {
    em.createNativeQuery(
            "DELETE FROM external_ref WHERE client = ?1 AND resource = ?2 AND external_id = ?3")
        .setParameter(1, client)
        .setParameter(2, resource)
        .setParameter(3, ext)
        .executeUpdate();
  }
}
