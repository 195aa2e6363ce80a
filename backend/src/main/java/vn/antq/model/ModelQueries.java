package vn.antq.model;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.type.BasicTypeReference;
import org.hibernate.type.StandardBasicTypes;
import vn.antq.catalogue.CatalogueEntry;
import vn.antq.catalogue.CatalogueService;
import vn.antq.common.db.ByIds;
import vn.antq.common.db.Rows;
import vn.antq.common.time.VietnamTime;
import vn.antq.common.web.Keyset;
import vn.antq.common.web.PageRequest;
import vn.antq.territory.Places;
import vn.antq.territory.Position;
import vn.antq.territory.Territory;
import vn.antq.territory.UnitSummary;

/**
 * The register of models as the caller may read it: filtered, sorted pages (with a keyset cursor
 * for exports) and summaries with their roster counts.
 */
@ApplicationScoped
public class ModelQueries {
  /** API sort fields → SQL (the whitelist; the caller's text never reaches the query). */
  public static final Map<String, String> SORTABLE =
      Map.of(
          "name", "m.name COLLATE vietnamese",
          "establishedOn", "m.established_on",
          "status", "m.status",
          "recognitionLevel", "coalesce(m.recognition_level, 0)",
          "updatedAt", "m.updated_at");

  /** The SQL type of each sort key, to read a keyset cursor's value back. */
  static final Map<String, String> KEY_TYPES =
      Map.of(
          "name", "text",
          "establishedOn", "date",
          "status", "text",
          "recognitionLevel", "integer",
          "updatedAt", "timestamptz");

  public static final String DEFAULT_SORT = "name,asc";

  @Inject EntityManager em;
  @Inject Territory territory;
  @Inject Places places;
  @Inject CatalogueService catalogues;

  public record Filter(
      String q,
      Long fieldId,
      Long typeId,
      Set<ModelStatus> statuses,
      Community community,
      RecognitionLevel recognitionLevel,
      Long unitId,
      LocalDate establishedFrom,
      LocalDate establishedTo) {}

  /** The community served: an ethnic group, a religion (either may be null). */
  public record Community(Long ethnicGroupId, Long religionId) {}

  @Transactional(Transactional.TxType.SUPPORTS)
  public ModelViews.Page list(Filter f, PageRequest request, Keyset after) {
    Map<String, Object> params = new HashMap<>();
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    boolean joinUnit = where(f, where, params);
    String from = " FROM community_model m" + (joinUnit ? " JOIN unit u ON u.id = m.unit_id" : "");
    // a name that many models match (the search's own parameter left in the condition) is counted
    // up to searchCountLimit: each model is checked against its members' names
    boolean many = params.containsKey("q");
    Query count =
        em.createNativeQuery(
            many
                ? "SELECT count(*) AS c0 FROM (SELECT 1"
                    + from
                    + where
                    + " LIMIT "
                    + (searchCountLimit + 1)
                    + ") c"
                : "SELECT count(*) AS c0" + from + where);
    params.forEach(count::setParameter);
    long total = Rows.toLong(Rows.typed(count, StandardBasicTypes.LONG).getSingleResult());
    boolean capped = many && total > searchCountLimit;
    total = capped ? searchCountLimit : total;
    String page = where.toString();
    if (after != null) {
      page += after.condition(request.expression(), KEY_TYPES.get(request.field()), "m.id", params);
    }
    Query rowsQuery = em.createNativeQuery(pageSql(request, from, page, after != null));
    params.forEach(rowsQuery::setParameter);
    rowsQuery.setParameter("today", VietnamTime.today());
    // the columns' types stated: Hibernate does not work them out from the driver's metadata at
    // each execution (≈ 10 % of a page's CPU in the application)
    List<Object[]> rows = Rows.of(Rows.typed(rowsQuery, SUMMARY_COLUMNS));
    boolean more = rows.size() > request.size();
    List<Object[]> shown = more ? rows.subList(0, request.size()) : rows;
    String next = null;
    if (more) {
      Object[] last = shown.get(shown.size() - 1);
      next = Keyset.encode(request, (String) last[1], Rows.toLong(last[0]));
    }
    return new ModelViews.Page(
        shown.stream().map(ModelQueries::summary).toList(), total, capped, next);
  }

  /**
   * A name search that more models match than {@link #fewMatches} counts those of the list up to
   * this many, then says "more than" ({@code totalCapped}).
   */
  @ConfigProperty(name = "antq.models.search-count-limit", defaultValue = "1000")
  int searchCountLimit;

  /** A name search with at most this many models matching lists them by id. */
  @ConfigProperty(name = "antq.models.search-few", defaultValue = "5000")
  int fewMatches;

  /**
   * The models whose name holds {@code q} or one of whose members' names has words starting with
   * its words (as the member search: "van hung" finds Nguyễn Văn Hùng), without diacritics, read
   * through the models' trigram index and the members' word-start keys ({@code member_name_key});
   * null when there are more than {@link #fewMatches}. Before, the condition was one OR across the
   * two tables, which no index answers: a rare name walked every model of the list in order (3.8 s
   * nationally); then the members' trigram index, which reads the lists of every trigram of a
   * common name ("ngu", "van", "hun": 109 ms for "nguyen van hung").
   */
  private Set<Long> matches(String q) {
    int rows = 4 * fewMatches;
    // a common name ("nguyen": a million keys) is known to be many from its keys alone
    long keys =
        Rows.toLong(
            em.createNativeQuery(
                    "SELECT count(*) FROM (SELECT 1 FROM member_name_key k WHERE "
                        + MEMBER_WORDS
                        + " LIMIT "
                        + rows
                        + ") c")
                .setParameter("q", q)
                .getSingleResult());
    if (keys >= rows) {
      return null;
    }
    List<Long> ids =
        Rows.longs(
            em.createNativeQuery(
                    "SELECT id FROM community_model WHERE name_key LIKE '%' || f_search_key(:q) ||"
                        + " '%' UNION ALL SELECT x.model_id FROM member_name_key k JOIN member x"
                        + " ON x.id = k.member_id WHERE "
                        + MEMBER_WORDS
                        + " LIMIT "
                        + rows)
                .setParameter("q", q));
    Set<Long> found = new LinkedHashSet<>(ids);
    // cut short by the limit (a common name): many, whatever the distinct models so far
    return ids.size() >= rows || found.size() > fewMatches ? null : found;
  }

  /** A member's name key starting with the query's words: one range of the keys' index. */
  static final String MEMBER_WORDS =
      "k.key >= f_name_words(:q) COLLATE \"C\""
          + " AND k.key < (f_name_words(:q) || chr(1114111)) COLLATE \"C\"";

  /**
   * Adds the filter's conditions; answers whether they need the model's unit joined ({@code u}).
   */
  private boolean where(Filter f, StringBuilder where, Map<String, Object> params) {
    Territory.Scope scope = territory.scope(f.unitId(), "m", "u");
    scope.predicate().andTo(where, params);
    boolean joinUnit = scope.joinsUnit();
    if (f.q() != null && !f.q().isBlank()) {
      Set<Long> found = matches(f.q().trim());
      if (found != null) {
        // few: the models the name indexes found, then the other filters and the order
        where.append(found.isEmpty() ? " AND 1 = 0" : " AND m.id IN (:qids)");
        if (!found.isEmpty()) {
          params.put("qids", found);
        }
      } else {
        // many: the models in the list's order until a page of them matches
        params.put("q", f.q().trim());
        where.append(
            " AND (m.name_key LIKE '%' || f_search_key(:q) || '%' OR EXISTS (SELECT 1 FROM member"
                + " x WHERE x.model_id = m.id AND strpos(' ' || regexp_replace(x.name_key, '\\s+',"
                + " ' ', 'g'), ' ' || f_name_words(:q)) > 0))");
      }
    }
    if (f.fieldId() != null) {
      params.put("fieldId", f.fieldId());
      where.append(" AND m.field_id = :fieldId");
    }
    if (f.community() != null && f.community().ethnicGroupId() != null) {
      params.put("ethnicGroupId", f.community().ethnicGroupId());
      where.append(" AND m.ethnic_group_id = :ethnicGroupId");
    }
    if (f.community() != null && f.community().religionId() != null) {
      params.put("religionId", f.community().religionId());
      where.append(" AND m.religion_id = :religionId");
    }
    if (f.typeId() != null) {
      params.put("typeId", f.typeId());
      where.append(" AND m.type_id = :typeId");
    }
    if (f.statuses() != null && !f.statuses().isEmpty()) {
      params.put("statuses", f.statuses().stream().map(Enum::name).toList());
      where.append(" AND m.status IN (:statuses)");
    }
    if (f.recognitionLevel() != null) {
      params.put("level", f.recognitionLevel().code());
      where.append(" AND m.recognition_level >= :level");
    }
    if (f.establishedFrom() != null) {
      params.put("from", f.establishedFrom());
      where.append(" AND m.established_on >= :from");
    }
    if (f.establishedTo() != null) {
      params.put("to", f.establishedTo());
      where.append(" AND m.established_on <= :to");
    }
    return joinUnit;
  }

  /**
   * The page in one statement: its rows in order, each with its type, field, unit and roster counts
   * (values, not entities: no session, no snapshots).
   */
  private static String pageSql(PageRequest request, String from, String page, boolean keyset) {
    return "WITH page AS (SELECT m.id"
        + from
        + page
        + " ORDER BY "
        + Keyset.order(request, "m.id")
        + PageRequest.limitSql(
            request.size() + 1, keyset ? 0L : (long) request.page() * request.size())
        + ")"
        + " SELECT m.id AS c0, CAST("
        + request.expression()
        + " AS text) AS c1, m.name AS c2, m.status AS c3, m.status_since AS c4,"
        + " m.recognition_level AS c5, m.established_on AS c6, m.declared_teams AS c7,"
        + " m.declared_members AS c8, m.version AS c9, ty.id AS c10, ty.code AS c11,"
        + " ty.name AS c12, fi.id AS c13, fi.code AS c14, fi.name AS c15, un.id AS c16,"
        + " un.code AS c17, un.name AS c18, un.kind AS c19, r.teams AS c20,"
        + " r.members AS c21, m.latitude AS c22, m.longitude AS c23,"
        + " m.position_accuracy AS c24"
        + " FROM page p JOIN community_model m ON m.id = p.id"
        + " JOIN catalogue_item ty ON ty.id = m.type_id"
        + " LEFT JOIN catalogue_item fi ON fi.id = m.field_id"
        + " JOIN unit un ON un.id = m.unit_id"
        // teams in force, and their members in force: two counts (a count of distinct
        // teams over the joined members sorted every model's rows)
        + " CROSS JOIN LATERAL (SELECT (SELECT count(*) FROM team t WHERE t.model_id = m.id"
        + " AND (t.dissolved_on IS NULL OR t.dissolved_on > :today)) AS teams,"
        + " (SELECT count(*) FROM team t JOIN member x ON x.team_id = t.id"
        + " WHERE t.model_id = m.id AND (t.dissolved_on IS NULL OR t.dissolved_on > :today)"
        + " AND (x.left_on IS NULL OR x.left_on > :today)) AS members) r"
        // the sort expressions are the model's own columns: the page's order again
        + " ORDER BY "
        + Keyset.order(request, "m.id");
  }

  /** The types of the page statement's columns c0 … c24, in the order {@link #summary} reads. */
  private static final BasicTypeReference<?>[] SUMMARY_COLUMNS = {
    StandardBasicTypes.LONG, // id
    StandardBasicTypes.STRING, // sort value
    StandardBasicTypes.STRING, // name
    StandardBasicTypes.STRING, // status
    StandardBasicTypes.LOCAL_DATE, // status since
    StandardBasicTypes.SHORT, // recognition level
    StandardBasicTypes.LOCAL_DATE, // established on
    StandardBasicTypes.INTEGER, // declared teams
    StandardBasicTypes.INTEGER, // declared members
    StandardBasicTypes.LONG, // version
    StandardBasicTypes.LONG, // type
    StandardBasicTypes.STRING,
    StandardBasicTypes.STRING,
    StandardBasicTypes.LONG, // field
    StandardBasicTypes.STRING,
    StandardBasicTypes.STRING,
    StandardBasicTypes.LONG, // unit
    StandardBasicTypes.STRING,
    StandardBasicTypes.STRING,
    StandardBasicTypes.STRING,
    StandardBasicTypes.LONG, // teams in force
    StandardBasicTypes.LONG, // their members in force
    StandardBasicTypes.DOUBLE, // position
    StandardBasicTypes.DOUBLE,
    StandardBasicTypes.DOUBLE
  };

  private static ModelViews.Summary summary(Object[] r) {
    return new ModelViews.Summary(
        Rows.toLong(r[0]),
        (String) r[2],
        item(r[10], r[11], r[12]),
        item(r[13], r[14], r[15]),
        new UnitSummary(Rows.toLong(r[16]), (String) r[17], (String) r[18], (String) r[19]),
        ModelStatus.valueOf((String) r[3]),
        Rows.localDate(r[4]),
        r[5] == null ? null : Rows.toShort(r[5]),
        Rows.localDate(r[6]),
        Rows.toInt(r[20]),
        Rows.toInt(r[21]),
        r[7] == null ? null : Rows.toInt(r[7]),
        r[8] == null ? null : Rows.toInt(r[8]),
        Position.of((Double) r[22], (Double) r[23], (Double) r[24]),
        Rows.toLong(r[9]));
  }

  private static ModelViews.Item item(Object id, Object code, Object name) {
    return id == null ? null : new ModelViews.Item(Rows.toLong(id), (String) code, (String) name);
  }

  /** Summaries of the given models, in the given order, with counts from the roster. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ModelViews.Summary> summaries(List<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<Long, CommunityModelEntity> models =
        ByIds.load(em, CommunityModelEntity.class, ids).stream()
            .collect(Collectors.toMap(m -> m.id, m -> m));
    Set<Long> catIds = new LinkedHashSet<>();
    models.values().forEach(m -> catIds.addAll(List.of(m.typeId, m.fieldId)));
    Map<Long, CatalogueEntry> cats = catalogues.byIds(catIds);
    Map<Long, UnitSummary> unitNames =
        places.summaries(models.values().stream().map(m -> m.unitId).collect(Collectors.toSet()));
    Map<Long, int[]> counts = counts(ids);
    List<ModelViews.Summary> out = new ArrayList<>();
    for (Long id : ids) {
      CommunityModelEntity m = models.get(id);
      int[] c = counts.getOrDefault(id, new int[2]);
      out.add(
          ModelViews.Summary.of(
              m, cats.get(m.typeId), cats.get(m.fieldId), unitNames.get(m.unitId), c[0], c[1]));
    }
    return out;
  }

  /** Active teams and current members of each model, counted from the roster. */
  private Map<Long, int[]> counts(List<Long> ids) {
    List<Object[]> rows =
        Rows.of(
            em.createNativeQuery(
                    "SELECT t.model_id, count(DISTINCT t.id),"
                        + " count(x.id) FILTER (WHERE x.left_on IS NULL OR x.left_on > :today)"
                        + " FROM team t LEFT JOIN member x ON x.team_id = t.id"
                        + " WHERE t.model_id IN (:ids)"
                        + " AND (t.dissolved_on IS NULL OR t.dissolved_on > :today)"
                        + " GROUP BY t.model_id")
                .setParameter("ids", ids)
                .setParameter("today", VietnamTime.today()));
    Map<Long, int[]> out = new HashMap<>();
    for (Object[] r : rows) {
      out.put(Rows.toLong(r[0]), new int[] {Rows.toInt(r[1]), Rows.toInt(r[2])});
    }
    return out;
  }
}
