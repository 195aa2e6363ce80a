package vn.antq.model;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.antq.common.audit.AuditService;
import vn.antq.common.db.ByIds;
import vn.antq.common.db.Rows;
import vn.antq.common.web.PageRequest;
import vn.antq.territory.Territory;

/** Members found across models by name and territory, and a model's roster exported. */
@ApplicationScoped
public class RosterSearch {
  @Inject EntityManager em;
  @Inject Territory territory;
  @Inject ModelService models;
  @Inject RosterService roster;
  @Inject AuditService audit;

  /**
   * Matches counted exactly up to this many ({@code antq.members.search-limit}, 10,000); beyond it
   * the search answers "more than" and pages through the first of them in registration order.
   */
  @ConfigProperty(name = "antq.members.search-limit", defaultValue = "10000")
  int searchLimit;

  /**
   * Members whose name has words starting with the query's words, without diacritics ("van hung"
   * finds Nguyễn Văn Hùng and Lê Văn Hưng), in the unit's subtree or the caller's territory. Each
   * word-start suffix of a name is a row of {@code member_name_key}, so a query is one range of a
   * btree. Up to {@link #searchLimit} matches are counted and come in Vietnamese name order; a
   * query that matches more (a surname such as "nguyen" matches one person in three) is neither
   * counted nor sorted in full: its first {@link #searchLimit} matches come in the order of the
   * range (the name from the matched word on), and the page says it is capped.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public ModelViews.MemberPage search(String q, Long unitId, Long modelId, int page, int size) {
    Matches m = matches(q, unitId, modelId);
    // a name may match by two of its words: count members, not keys
    Query count =
        em.createNativeQuery(
            "SELECT count(DISTINCT id), count(*) FROM (SELECT "
                + m.idColumn()
                + " AS id"
                + m.from()
                + " LIMIT "
                + (2L * searchLimit + 1)
                + ") c");
    m.params().forEach(count::setParameter);
    Object[] counted = (Object[]) count.getSingleResult();
    long total = Rows.toLong(counted[0]);
    boolean capped = total > searchLimit || Rows.toLong(counted[1]) > 2L * searchLimit;
    if (capped) {
      total = searchLimit;
    }
    long offset = (long) page * size;
    if (offset >= total) {
      return new ModelViews.MemberPage(List.of(), total, capped);
    }
    String sql =
        capped
            ? "SELECT "
                + m.idColumn()
                + m.from()
                + (m.byName() ? " ORDER BY k.key, " : " ORDER BY ")
                + m.idColumn()
            : "SELECT x.id FROM member x WHERE x.id IN (SELECT "
                + m.idColumn()
                + m.from()
                + ") ORDER BY x.full_name COLLATE vietnamese, x.id";
    Query select =
        em.createNativeQuery(sql + PageRequest.limitSql(Math.min(size, total - offset), offset));
    m.params().forEach(select::setParameter);
    // (capped and by name: a member matching by two words could come twice; shown once)
    List<Long> ids =
        ((List<?>) select.getResultList()).stream().map(o -> Rows.toLong(o)).distinct().toList();
    return new ModelViews.MemberPage(views(ids), total, capped);
  }

  /**
   * The members a search matches: {@code from} is the tables and conditions, {@code idColumn} the
   * member's id in them; by name, they read the name keys.
   */
  private record Matches(
      String from, String idColumn, boolean byName, Map<String, Object> params) {}

  private Matches matches(String q, Long unitId, Long modelId) {
    Map<String, Object> params = new HashMap<>();
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    boolean byName = q != null && !q.isBlank();
    // a unit filter is about where the teams are; the territory about where the models are. A
    // province is the province of the members' name keys (V35) or of their models
    String unitAlias = unitId != null ? "tu" : "mu";
    Territory.Scope scope = territory.scope(unitId, byName ? "k" : "m", unitAlias);
    scope.predicate().andTo(where, params);
    if (modelId != null) {
      models.require(modelId);
      params.put("modelId", modelId);
      where.append(" AND x.model_id = :modelId");
    }
    String unitJoin = "";
    if (scope.joinsUnit() && unitAlias.equals("tu")) {
      unitJoin = " JOIN team t ON t.id = x.team_id JOIN unit tu ON tu.id = t.unit_id";
    } else if (scope.joinsUnit()) {
      unitJoin = " JOIN unit mu ON mu.id = m.unit_id";
    }
    String model = " JOIN community_model m ON m.id = x.model_id";
    if (!byName) {
      // nothing to scope (an administrator's list): the members alone
      boolean scoped = where.length() > " WHERE 1 = 1".length();
      return new Matches(
          " FROM member x" + (scoped ? model : "") + unitJoin + where, "x.id", false, params);
    }
    params.put("q", q.trim());
    // the range of keys starting with the query: [words, words || the last code point)
    where.append(
        " AND k.key >= f_name_words(:q) COLLATE \"C\""
            + " AND k.key < (f_name_words(:q) || chr(1114111)) COLLATE \"C\"");
    // the keys alone answer for the nation or a province; a model or a smaller subtree joins
    String from = " FROM member_name_key k";
    if (modelId != null || scope.joinsUnit()) {
      from += " JOIN member x ON x.id = k.member_id" + (unitJoin.contains("mu.") ? model : "");
    }
    return new Matches(from + unitJoin + where, "k.member_id", true, params);
  }

  /** The members' views, in the given order, with their team's and model's names. */
  private List<ModelViews.MemberView> views(List<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    List<Object[]> names =
        Rows.of(
            em.createNativeQuery(
                    "SELECT x.id, t.name, m.name FROM member x JOIN team t ON t.id = x.team_id"
                        + " JOIN community_model m ON m.id = x.model_id WHERE x.id IN (:ids)")
                .setParameter("ids", ids));
    Map<Long, Object[]> nameById =
        names.stream().collect(Collectors.toMap(r -> Rows.toLong(r[0]), r -> r));
    Map<Long, MemberEntity> byId =
        ByIds.load(em, MemberEntity.class, ids).stream()
            .collect(Collectors.toMap(m -> m.id, m -> m));
    return ids.stream()
        .map(
            id ->
                roster.view(
                    byId.get(id), (String) nameById.get(id)[1], (String) nameById.get(id)[2]))
        .toList();
  }

  /** Every member of the model, team by team, for the CSV export. */
  @Transactional
  public List<ModelViews.MemberView> exportRoster(long modelId) {
    CommunityModelEntity model = models.require(modelId);
    Map<Long, String> teamNames =
        TeamEntity.<TeamEntity>list("modelId", model.id).stream()
            .collect(Collectors.toMap(t -> t.id, t -> t.name));
    List<ModelViews.MemberView> out =
        MemberEntity.<MemberEntity>list("modelId = ?1", model.id).stream()
            .sorted(
                java.util.Comparator.<MemberEntity, Long>comparing(m -> m.teamId)
                    .thenComparing(RosterService.ROSTER_ORDER))
            .map(m -> roster.view(m, teamNames.get(m.teamId), model.name))
            .toList();
    Map<String, AuditService.Change> changes = new LinkedHashMap<>();
    changes.put("members", new AuditService.Change(null, out.size()));
    changes.put("masked", new AuditService.Change(null, !models.seesPersonalData()));
    audit.record("MODEL", model.id, "ROSTER_EXPORT", changes, roster.path(model));
    return out;
  }
}
