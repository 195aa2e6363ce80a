package vn.antq.unit;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.antq.common.audit.AuditService;
import vn.antq.common.db.Rows;
import vn.antq.common.problem.ProblemException;
import vn.antq.common.web.Etags;
import vn.antq.common.web.PageRequest;
import vn.antq.security.Caller;
import vn.antq.territory.Place;
import vn.antq.territory.Territory;

/** The unit tree: reading with subtree filters, editing with its rules, merging with lineage. */
@ApplicationScoped
public class UnitService {
  /** API sort fields and the query expressions behind them. */
  public static final Map<String, String> SORTABLE =
      Map.of(
          "name", UnitService.BY_NAME,
          "code", "code",
          "kind", "kind",
          "validFrom", "validFrom",
          "validTo", "validTo");

  public static final String DEFAULT_SORT = "name,asc";

  /** Vietnamese alphabetical order (ICU collation created by the schema migration). */
  static final String BY_NAME = "collate(name as vietnamese)";

  /** The same order, which no index gives: the matches are found first, then sorted. */
  private static final String BY_NAME_UNINDEXED = "collate(concat(name, '') as vietnamese)";

  /** A search with at most this many matches sorts them rather than walking the name index. */
  private static final int SORT_MATCHES = 2000;

  @Inject EntityManager em;
  @Inject Caller caller;
  @Inject Territory territory;
  @Inject UnitHistory history;
  @Inject UnitDetails details;
  @Inject AuditService audit;

  private static boolean within(UnitEntity unit, List<String> territory) {
    return UnitDetails.within(unit, territory);
  }

  /** The condition restricting a query to the caller's territory (indexed prefix matches). */
  private static String territoryCondition(List<String> territory, Parameters params) {
    if (territory == null) {
      return "";
    }
    if (territory.isEmpty()) {
      return " and 1 = 0";
    }
    StringBuilder sb = new StringBuilder(" and (");
    for (int i = 0; i < territory.size(); i++) {
      sb.append(i == 0 ? "" : " or ").append("u.path like :territory").append(i);
      params.and("territory" + i, territory.get(i) + "%");
    }
    return sb.append(")").toString();
  }

  // ---------------------------------------------------------------- reading

  @Transactional(Transactional.TxType.SUPPORTS)
  public UnitViews.Page list(UnitFilter filter, PageRequest pageRequest) {
    List<String> bounds = territory.prefixes();
    StringBuilder where = new StringBuilder("1 = 1");
    Parameters params = new Parameters();
    if (filter.q() != null && !filter.q().isBlank()) {
      where.append(
          " and (u.nameKey like concat('%', function('f_search_key', :q), '%') escape '!'"
              + " or lower(u.code) like lower(concat(:q, '%')) escape '!')");
      params.and("q", escapeLike(filter.q().trim()));
    }
    if (filter.kinds() != null && !filter.kinds().isEmpty()) {
      where.append(" and u.kind in :kinds");
      params.and("kinds", filter.kinds());
    }
    if (filter.parentId() != null) {
      where.append(" and u.parentId = :parentId");
      params.and("parentId", filter.parentId());
    }
    if (Boolean.TRUE.equals(filter.topLevel())) {
      where.append(" and u.parentId is null");
    }
    if (filter.ancestorId() != null) {
      UnitEntity ancestor = UnitEntity.findById(filter.ancestorId());
      if (ancestor != null && !within(ancestor, bounds)) {
        ancestor = null;
      }
      if (ancestor == null) {
        where.append(" and 1 = 0");
      } else {
        where.append(subtreeCondition(ancestor, params)).append(" and u.id <> :ancestorId");
        params.and("ancestorId", ancestor.id);
      }
    }
    if (filter.activeOn() != null) {
      where.append(
          " and u.validFrom <= :activeOn and (u.validTo is null or u.validTo > :activeOn)");
      params.and("activeOn", filter.activeOn());
    }
    where.append(territoryCondition(bounds, params));
    long total = UnitEntity.find("from UnitEntity u where " + where, params).count();
    // a name search with few matches: they are read through the name and code indexes and then
    // sorted, rather than found by walking every unit in name order (86 ms -> 2 ms nationally)
    boolean fewMatches = filter.q() != null && !filter.q().isBlank() && total <= SORT_MATCHES;
    Sort sort = order(pageRequest.sort().and(BY_NAME).and("id"), fewMatches);
    PanacheQuery<UnitEntity> query =
        UnitEntity.find("from UnitEntity u where " + where, sort, params);
    List<UnitEntity> content =
        query
            .page(io.quarkus.panache.common.Page.of(pageRequest.page(), pageRequest.size()))
            .list();
    return new UnitViews.Page(
        content,
        childCounts(ids(content, u -> u.id)),
        names(ids(content, u -> u.parentId)),
        pageRequest.page(),
        pageRequest.size(),
        total,
        pageRequest.totalPages(total));
  }

  /** The sort, with the name order written so that no index gives it when {@code unindexed}. */
  private static Sort order(Sort sort, boolean unindexed) {
    if (!unindexed) {
      return sort;
    }
    Sort out = Sort.empty().disableEscaping();
    for (Sort.Column c : sort.getColumns()) {
      out.and(c.getName().equals(BY_NAME) ? BY_NAME_UNINDEXED : c.getName(), c.getDirection());
    }
    return out;
  }

  /**
   * The condition selecting a unit's whole subtree (itself included): an indexed equality on the
   * denormalised province or commune id, or a prefix match on the path.
   */
  private static String subtreeCondition(UnitEntity root, Parameters params) {
    if (root.kind == UnitKind.PROVINCE) {
      params.and("subtreeRoot", root.id);
      return " and u.provinceId = :subtreeRoot";
    }
    if (root.kind.isCommuneLevel()) {
      params.and("subtreeRoot", root.id);
      return " and u.communeId = :subtreeRoot";
    }
    params.and("subtreePath", root.path + "%");
    return " and u.path like :subtreePath";
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public UnitViews.Detail get(long id) {
    return detail(require(id));
  }

  /** The units at the top of the tree in force on a day (provinces, the ministry, the front). */
  /**
   * The units directly under a visible unit (404 otherwise), or the top-level units without one, in
   * force on {@code day}: the rows of a report's breakdown.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Place> childPlaces(Long unitId, LocalDate day) {
    return (unitId == null ? rootsOn(day) : children(unitId, day))
        .stream().map(UnitService::place).toList();
  }

  /** The units of {@code ids} in name order. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Place> places(List<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return UnitEntity.list("id in ?1", Sort.by(BY_NAME).and("id").disableEscaping(), ids).stream()
        .map(e -> place((UnitEntity) e))
        .toList();
  }

  private static Place place(UnitEntity u) {
    return new Place(
        u.id,
        u.path,
        u.provinceId,
        u.communeId,
        u.code,
        u.name,
        u.kind.name(),
        u.validFrom,
        u.validTo);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<UnitEntity> rootsOn(LocalDate activeOn) {
    return UnitEntity.list(
        "parentId is null and validFrom <= :day and (validTo is null or validTo > :day)",
        Sort.by(BY_NAME).and("id").disableEscaping(),
        Parameters.with("day", activeOn));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<UnitEntity> children(long id, LocalDate activeOn) {
    UnitEntity parent = require(id);
    Parameters params = Parameters.with("parentId", parent.id);
    String where = "parentId = :parentId";
    if (activeOn != null) {
      where += " and validFrom <= :activeOn and (validTo is null or validTo > :activeOn)";
      params.and("activeOn", activeOn);
    }
    return UnitEntity.list(where, Sort.by(BY_NAME).and("id").disableEscaping(), params);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<Long, Long> childCounts(Set<Long> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    Map<Long, Long> counts = new HashMap<>();
    Rows.of(
            em.createNativeQuery(
                    "SELECT parent_id, count(*) FROM unit"
                        + " WHERE parent_id = ANY (CAST(?1 AS bigint[])) GROUP BY parent_id")
                .setParameter(1, Rows.bigintArray(ids)))
        .forEach(row -> counts.put(Rows.toLong(row[0]), Rows.toLong(row[1])));
    return counts;
  }

  private Map<Long, String> names(Set<Long> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    Map<Long, String> names = new HashMap<>();
    em.createQuery("select u.id, u.name from UnitEntity u where u.id in :ids", Object[].class)
        .setParameter("ids", ids)
        .getResultList()
        .forEach(row -> names.put((Long) row[0], (String) row[1]));
    return names;
  }

  UnitViews.Detail detail(UnitEntity unit) {
    return details.of(List.of(unit)).get(0);
  }

  // ---------------------------------------------------------------- writing

  @Transactional
  public UnitViews.Detail create(UnitCommand cmd) {
    UnitRules.checkDates(cmd);
    requireGlobalForRoot(cmd.parentId());
    UnitEntity parent = cmd.parentId() == null ? null : requireParent(cmd.parentId());
    UnitRules.checkPlacement(cmd.kind(), parent);
    UnitRules.checkReform(cmd, parent);
    UnitRules.checkParentTakesChild(parent, cmd);
    UnitRules.checkCodeFree(cmd.code(), cmd.validTo(), null);

    UnitEntity unit = new UnitEntity();
    apply(unit, cmd);
    unit.createdAt = Instant.now();
    unit.updatedAt = unit.createdAt;
    unit.id = Rows.toLong(em.createNativeQuery("SELECT nextval('unit_id_seq')").getSingleResult());
    placeUnder(unit, parent);
    unit.persist();
    audit.record("UNIT", unit.id, "CREATE", AuditService.diff(null, snapshot(unit)), unit.path);
    em.flush();
    em.refresh(unit);
    territory.forget(); // paths or lineage may have changed
    return detail(unit);
  }

  /** Closes a unit on {@code day}, everything else as it is (a reform's retirements). */
  @Transactional
  public UnitViews.Detail retire(long id, LocalDate day) {
    UnitEntity u = require(id);
    return update(
        id, u.version, new UnitCommand(u.code, u.name, u.kind, u.parentId, u.validFrom, day));
  }

  @Transactional
  public UnitViews.Detail update(long id, long expectedVersion, UnitCommand cmd) {
    UnitEntity unit = require(id);
    Etags.check(expectedVersion, unit.version);
    UnitRules.checkDates(cmd);
    boolean parentChanged = !Objects.equals(unit.parentId, cmd.parentId());
    boolean kindChanged = unit.kind != cmd.kind();
    if (parentChanged) {
      requireGlobalForRoot(cmd.parentId());
    }
    // an unchanged parent may lie outside the territory (an officer's own unit); a new one may not
    UnitEntity parent =
        cmd.parentId() == null
            ? null
            : parentChanged ? requireParent(cmd.parentId()) : UnitEntity.findById(cmd.parentId());
    if (parentChanged && parent != null && parent.path.startsWith(unit.path)) {
      throw ProblemException.unprocessable(
          "parentId", "Không thể chuyển đơn vị vào chính nó hoặc vào đơn vị cấp dưới của nó");
    }
    UnitRules.checkPlacement(cmd.kind(), parent);
    UnitRules.checkReformChange(unit, cmd, parentChanged ? parent : null);
    if (parentChanged) {
      UnitRules.checkParentTakesChild(parent, cmd);
    }
    if (kindChanged) {
      checkChildrenFit(unit, cmd.kind());
    }
    if (cmd.validTo() != null && unit.validTo == null) {
      UnitRules.checkNoOpenChildren(unit);
    }
    UnitRules.checkCodeFree(cmd.code(), cmd.validTo(), unit.id);

    Map<String, Object> before = snapshot(unit);
    apply(unit, cmd);
    unit.updatedAt = Instant.now();
    if (parentChanged || kindChanged) {
      placeUnder(unit, parent);
    }
    audit.record("UNIT", unit.id, "UPDATE", AuditService.diff(before, snapshot(unit)), unit.path);
    em.flush();
    em.refresh(unit);
    territory.forget(); // paths or lineage may have changed
    return detail(unit);
  }

  // ---------------------------------------------------------------- rules

  /** A unit changing kind must still take each kind of child it has. */
  private void checkChildrenFit(UnitEntity unit, UnitKind kind) {
    List<UnitKind> childKinds =
        em.createQuery(
                "select distinct u.kind from UnitEntity u where u.parentId = :id", UnitKind.class)
            .setParameter("id", unit.id)
            .getResultList();
    for (UnitKind childKind : childKinds) {
      if (!childKind.fitsUnder(kind)) {
        throw ProblemException.unprocessable(
            "kind",
            "Không đổi được loại: đơn vị đang có đơn vị trực thuộc loại "
                + childKind.label()
                + ", không thể trực thuộc "
                + kind.label());
      }
    }
  }

  private static void apply(UnitEntity unit, UnitCommand cmd) {
    unit.code = cmd.code() == null || cmd.code().isBlank() ? null : cmd.code().trim();
    unit.name = cmd.name().trim();
    unit.kind = cmd.kind();
    unit.validFrom = cmd.validFrom();
    unit.validTo = cmd.validTo();
  }

  /**
   * Puts a unit (and its whole subtree) under a parent: path, depth, province and commune ids of
   * every descendant follow in two set-based statements.
   */
  /** A split or a merger moves an open unit under its successor, audited as a MOVE. */
  void moveUnder(UnitEntity child, UnitEntity successor) {
    Long oldParent = child.parentId;
    child.updatedAt = Instant.now();
    placeUnder(child, successor);
    audit.record(
        "UNIT",
        child.id,
        "MOVE",
        AuditService.changes("parentId", oldParent, successor.id),
        child.path);
  }

  void placeUnder(UnitEntity unit, UnitEntity parent) {
    String oldPath = unit.path;
    unit.parentId = parent == null ? null : parent.id;
    unit.path = (parent == null ? "/" : parent.path) + unit.id + "/";
    int oldDepth = unit.depth;
    unit.depth = parent == null ? 0 : parent.depth + 1;
    unit.provinceId =
        unit.kind == UnitKind.PROVINCE ? unit.id : parent == null ? null : parent.provinceId;
    unit.communeId =
        unit.kind.isCommuneLevel() ? unit.id : parent == null ? null : parent.communeId;
    if (oldPath == null) {
      return; // a new unit has no descendants yet
    }
    em.flush();
    int moved =
        em.createNativeQuery(
                "UPDATE unit SET path = :newPath || substr(path, length(:oldPath) + 1),"
                    + " depth = depth + :delta, version = version + 1, updated_at = now()"
                    + " WHERE path LIKE :oldPrefix AND id <> :id")
            .setParameter("newPath", unit.path)
            .setParameter("oldPath", oldPath)
            .setParameter("delta", unit.depth - oldDepth)
            .setParameter("oldPrefix", oldPath + "%")
            .setParameter("id", unit.id)
            .executeUpdate();
    if (moved > 0) {
      em.createNativeQuery(
              "UPDATE unit d SET"
                  + " province_id = (SELECT a.id FROM unit a"
                  + "   WHERE a.id = ANY (string_to_array(trim(both '/' from d.path), '/')::bigint[])"
                  + "   AND a.kind = 'PROVINCE' ORDER BY a.depth DESC LIMIT 1),"
                  + " commune_id = (SELECT a.id FROM unit a"
                  + "   WHERE a.id = ANY (string_to_array(trim(both '/' from d.path), '/')::bigint[])"
                  + "   AND a.kind IN ('COMMUNE', 'WARD', 'TOWNSHIP', 'SPECIAL_ZONE')"
                  + "   ORDER BY a.depth DESC LIMIT 1)"
                  + " WHERE d.path LIKE :prefix AND d.id <> :id")
          .setParameter("prefix", unit.path + "%")
          .setParameter("id", unit.id)
          .executeUpdate();
    }
  }

  // ---------------------------------------------------------------- helpers

  /** A unit the caller may see; outside the territory it does not exist (404, no hint). */
  /** A unit the caller may rename: in their territory (404 otherwise). */
  UnitEntity requireForRename(long id) {
    return require(id);
  }

  private UnitEntity require(long id) {
    UnitEntity unit = UnitEntity.findById(id);
    if (unit == null || !within(unit, territory.prefixes())) {
      throw ProblemException.notFound("Không tìm thấy đơn vị có mã định danh " + id);
    }
    return unit;
  }

  /** A parent the caller may place units under: unknown and out-of-territory look the same. */
  private UnitEntity requireParent(long id) {
    UnitEntity parent = UnitEntity.findById(id);
    if (parent == null || !within(parent, territory.prefixes())) {
      throw ProblemException.unprocessable("parentId", "Không tìm thấy đơn vị cấp trên " + id);
    }
    return parent;
  }

  private void requireGlobalForRoot(Long parentId) {
    if (parentId == null && !caller.isGlobal()) {
      throw ProblemException.unprocessable(
          "parentId", "Chỉ quản trị viên được tạo đơn vị cấp cao nhất; hãy chọn đơn vị cấp trên");
    }
  }

  private static Map<String, Object> snapshot(UnitEntity u) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("code", u.code);
    m.put("name", u.name);
    m.put("kind", u.kind == null ? null : u.kind.name());
    m.put("parentId", u.parentId);
    m.put("validFrom", u.validFrom == null ? null : u.validFrom.toString());
    m.put("validTo", u.validTo == null ? null : u.validTo.toString());
    return m;
  }

  private static Set<Long> ids(List<UnitEntity> units, Function<UnitEntity, Long> f) {
    return units.stream().map(f).filter(Objects::nonNull).collect(Collectors.toSet());
  }

  /** LIKE patterns use '!' as escape character. */
  static String escapeLike(String s) {
    return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }
}
