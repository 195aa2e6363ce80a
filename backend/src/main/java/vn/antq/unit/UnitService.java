package vn.antq.unit;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.antq.audit.AuditService;
import vn.antq.common.problem.ProblemException;
import vn.antq.common.web.Etags;
import vn.antq.common.web.PageRequest;
import vn.antq.security.Caller;

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

  @Inject EntityManager em;
  @Inject Caller caller;
  @Inject AuditService audit;

  /** What other features need to show a unit: its id, code, name and kind. */
  public record Summary(long id, String code, String name, String kind) {}

  // ---------------------------------------------------------------- territory

  /**
   * The caller's territory as path prefixes: the caller's unit and the units it succeeded (facts of
   * Bạc Liêu belong to Cà Mau's officers). Null means everything (administrators, the system).
   */
  List<String> territory() {
    if (caller.isGlobal()) {
      return null;
    }
    Long unitId = caller.unitId();
    if (unitId == null) {
      return List.of();
    }
    @SuppressWarnings("unchecked")
    List<String> paths =
        em.createNativeQuery(
                "WITH RECURSIVE preds(id) AS (SELECT CAST(?1 AS bigint)"
                    + " UNION SELECT l.predecessor_id FROM unit_lineage l"
                    + " JOIN preds p ON l.successor_id = p.id)"
                    + " SELECT u.path FROM unit u JOIN preds p ON u.id = p.id ORDER BY u.id = ?1 DESC")
            .setParameter(1, unitId)
            .getResultList();
    return paths;
  }

  private static boolean within(UnitEntity unit, List<String> territory) {
    return territory == null || territory.stream().anyMatch(unit.path::startsWith);
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

  /** Where another feature's record sits: the unit and its ancestry. */
  public record Place(
      long id,
      String path,
      Long provinceId,
      Long communeId,
      String code,
      String name,
      String kind) {
    static Place of(UnitEntity u) {
      return new Place(u.id, u.path, u.provinceId, u.communeId, u.code, u.name, u.kind.name());
    }

    public Summary summary() {
      return new Summary(id, code, name, kind);
    }
  }

  /**
   * The caller's territory as path prefixes, for other features' queries ({@code path LIKE
   * prefix%}); null when the caller sees everything, empty when nothing.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<String> territoryPaths() {
    return territory();
  }

  /**
   * The native SQL condition restricting a joined unit table ({@code alias}) to the caller's
   * territory, with its parameters added to {@code params}: indexed prefix matches on the path.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public String territorySql(String alias, Map<String, Object> params) {
    List<String> paths = territory();
    if (paths == null) {
      return "";
    }
    if (paths.isEmpty()) {
      return " AND 1 = 0";
    }
    return " AND " + pathsSql(alias, paths, "terr", params);
  }

  /**
   * Limits a list of records to the subtree of {@code unitId} (a unit the caller may see: 404
   * otherwise), or without one to the caller's territory. {@code record} is the alias of a table
   * that carries its unit's province ({@code province_id}); {@code unit} the alias its unit would
   * be joined as. A province's subtree is an indexed equality on the record's province, so the list
   * reads the province's rows in sort order without joining units; any other subtree is a prefix
   * match on the unit's path. The filter's subtree lies inside the territory (the unit is visible),
   * so it replaces the territory condition rather than adding to it.
   *
   * @return whether the condition needs the unit joined as {@code unit}
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean subtreeSql(
      Long unitId, String record, String unit, StringBuilder where, Map<String, Object> params) {
    if (unitId != null) {
      UnitEntity root = require(unitId);
      if (root.kind == UnitKind.PROVINCE) {
        params.put("scopeProvince", root.id);
        where.append(" AND ").append(record).append(".province_id = :scopeProvince");
        return false;
      }
      where.append(" AND ").append(underSql(unit, root.path, "scopePath", params));
      return true;
    }
    List<String> paths = territory();
    if (paths == null) {
      return false;
    }
    if (paths.size() == 1 && paths.get(0).equals("/" + caller.unitId() + "/")) {
      UnitEntity root = UnitEntity.findById(caller.unitId());
      if (root != null && root.kind == UnitKind.PROVINCE) {
        params.put("scopeProvince", root.id);
        where.append(" AND ").append(record).append(".province_id = :scopeProvince");
        return false;
      }
    }
    where.append(territorySql(unit, params));
    return !paths.isEmpty();
  }

  /** Whether a unit lies in the caller's territory (records placed there are the caller's). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean inTerritory(long unitId) {
    List<String> paths = territory();
    if (paths == null) {
      return true;
    }
    UnitEntity unit = UnitEntity.findById(unitId);
    return unit != null && within(unit, paths);
  }

  /**
   * A unit the caller may place a record in: it exists, lies in the caller's territory and is not
   * retired. Otherwise 422 on {@code field}, the same for unknown and foreign units.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Place requirePlace(Long id, String field) {
    UnitEntity unit = id == null ? null : UnitEntity.findById(id);
    if (unit == null || !within(unit, territory())) {
      throw ProblemException.unprocessable(field, "Không tìm thấy đơn vị " + id);
    }
    if (!unit.isOpen() && !unit.validTo.isAfter(vn.antq.common.time.VietnamTime.today())) {
      throw ProblemException.unprocessable(
          field, "Đơn vị «" + unit.name + "» đã hết hiệu lực, không ghi thêm được");
    }
    return Place.of(unit);
  }

  /**
   * A unit the caller may name in a record of the given day: it exists, lies in the caller's
   * territory and was in force that day (a district police unit closed in 2025 still organised the
   * events of 2024). Otherwise 422 on {@code field}.
   */
  // a refused check leaves the caller's transaction alone (see ProblemException)
  @Transactional(value = Transactional.TxType.SUPPORTS, dontRollbackOn = ProblemException.class)
  public Place requireActiveOn(Long id, String field, LocalDate day) {
    return requireActiveOn(id, field, day, territory());
  }

  /**
   * {@link #requireActiveOn(Long, String, LocalDate)} with the caller's territory already read
   * ({@link #territoryPaths()}), for checking many records at once.
   */
  // a refused check leaves the caller's transaction alone (see ProblemException)
  @Transactional(value = Transactional.TxType.SUPPORTS, dontRollbackOn = ProblemException.class)
  public Place requireActiveOn(Long id, String field, LocalDate day, List<String> territory) {
    UnitEntity unit = id == null ? null : UnitEntity.findById(id);
    if (unit == null || !within(unit, territory)) {
      throw ProblemException.unprocessable(field, "Không tìm thấy đơn vị " + id);
    }
    if (!unit.activeOn(day)) {
      throw ProblemException.unprocessable(
          field,
          "Đơn vị «"
              + unit.name
              + "» không hoạt động vào ngày "
              + vn.antq.common.time.VietnamTime.format(day));
    }
    return Place.of(unit);
  }

  /**
   * The path prefixes of a unit's subtree including the units it succeeded, recursively (a report
   * of Cà Mau counts what was recorded against Bạc Liêu): 404 when the caller may not see it.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<String> lineagePaths(long id) {
    require(id);
    @SuppressWarnings("unchecked")
    List<String> paths =
        em.createNativeQuery(
                "WITH RECURSIVE preds(id) AS (SELECT CAST(?1 AS bigint)"
                    + " UNION SELECT l.predecessor_id FROM unit_lineage l"
                    + " JOIN preds p ON l.successor_id = p.id)"
                    + " SELECT u.path FROM unit u JOIN preds p ON u.id = p.id ORDER BY u.id = ?1 DESC")
            .setParameter(1, id)
            .getResultList();
    return paths;
  }

  /**
   * A native SQL condition matching any of the given path prefixes ({@link #underSql}), its
   * parameters named {@code name0, name0End, name1…} added to {@code params}.
   */
  public static String pathsSql(
      String alias, List<String> paths, String name, Map<String, Object> params) {
    if (paths.isEmpty()) {
      return "1 = 0";
    }
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < paths.size(); i++) {
      sb.append(i == 0 ? "" : " OR ").append(underSql(alias, paths.get(i), name + i, params));
    }
    return sb.append(")").toString();
  }

  /**
   * A native SQL condition: {@code alias.path} lies under {@code prefix} ("/1/12/"), as a range of
   * the path index ({@code text_pattern_ops} orders paths byte by byte, so the paths that start
   * with "/1/12/" are those from "/1/12/" up to, not including, "/1/120"). Unlike {@code path LIKE
   * $1}, a range of two parameters can use the index in a plan PostgreSQL keeps for a prepared
   * statement (a generic plan), so such statements are not planned again at each execution.
   */
  public static String underSql(
      String alias, String prefix, String name, Map<String, Object> params) {
    params.put(name, prefix);
    params.put(name + "End", prefixEnd(prefix));
    return "(" + alias + ".path ~>=~ :" + name + " AND " + alias + ".path ~<~ :" + name + "End)";
  }

  /** The smallest string after every string that starts with {@code prefix} (not empty). */
  static String prefixEnd(String prefix) {
    int last = prefix.length() - 1;
    return prefix.substring(0, last) + (char) (prefix.charAt(last) + 1);
  }

  /** A unit the caller may see (404 otherwise). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Place visiblePlace(long id) {
    return Place.of(require(id));
  }

  /** Any unit by id, without territory checks (for records the caller already may see). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Place place(long id) {
    UnitEntity unit = UnitEntity.findById(id);
    if (unit == null) {
      throw ProblemException.notFound("Không tìm thấy đơn vị " + id);
    }
    return Place.of(unit);
  }

  /**
   * The active unit in the subtree of {@code root} whose name matches {@code name} ignoring case
   * and diacritics; empty when none or several match.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public java.util.Optional<Place> findByNameWithin(Place root, String name) {
    List<UnitEntity> found =
        UnitEntity.<UnitEntity>find(
                "path like ?1 and nameKey = function('f_search_key', ?2) and validTo is null",
                root.path() + "%",
                name.trim())
            .page(0, 2)
            .list();
    return found.size() == 1
        ? java.util.Optional.of(Place.of(found.get(0)))
        : java.util.Optional.empty();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean exists(long id) {
    return UnitEntity.count("id", id) > 0;
  }

  /** Names of units, for other features' responses (not territory-scoped: ids come from them). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<Long, Summary> summaries(Set<Long> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return UnitEntity.<UnitEntity>list("id in ?1", ids).stream()
        .collect(
            Collectors.toMap(u -> u.id, u -> new Summary(u.id, u.code, u.name, u.kind.name())));
  }

  /** The path of a unit the caller may see (404 otherwise), for other features' scoping. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public String visiblePath(long id) {
    return require(id).path;
  }

  // ---------------------------------------------------------------- reading

  @Transactional(Transactional.TxType.SUPPORTS)
  public UnitViews.Page list(UnitFilter filter, PageRequest pageRequest) {
    List<String> territory = territory();
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
      if (ancestor != null && !within(ancestor, territory)) {
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
    where.append(territoryCondition(territory, params));
    Sort sort = pageRequest.sort().and(BY_NAME).and("id");
    PanacheQuery<UnitEntity> query =
        UnitEntity.find("from UnitEntity u where " + where, sort, params);
    long total = query.count();
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
    em.createQuery(
            "select u.parentId, count(u) from UnitEntity u where u.parentId in :ids"
                + " group by u.parentId",
            Object[].class)
        .setParameter("ids", ids)
        .getResultList()
        .forEach(row -> counts.put((Long) row[0], (Long) row[1]));
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

  private UnitViews.Detail detail(UnitEntity unit) {
    List<Long> ancestorIds = ancestorIds(unit);
    Map<Long, UnitEntity> byId =
        ancestorIds.isEmpty()
            ? Map.of()
            : UnitEntity.<UnitEntity>list("id in ?1", ancestorIds).stream()
                .collect(Collectors.toMap(u -> u.id, Function.identity()));
    List<String> territory = territory();
    List<UnitEntity> ancestors =
        ancestorIds.stream()
            .map(byId::get)
            .filter(Objects::nonNull)
            .filter(a -> within(a, territory))
            .toList();
    List<UnitViews.Link> predecessors = links("successorId", "predecessorId", unit.id);
    List<UnitViews.Link> successors = links("predecessorId", "successorId", unit.id);
    UnitEntity parent = unit.parentId == null ? null : byId.get(unit.parentId);
    return new UnitViews.Detail(
        unit,
        parent == null ? null : parent.name,
        childCounts(Set.of(unit.id)).getOrDefault(unit.id, 0L),
        ancestors,
        predecessors,
        successors);
  }

  private List<UnitViews.Link> links(String selfColumn, String otherColumn, long id) {
    List<UnitLineageEntity> rows =
        UnitLineageEntity.list(selfColumn + " = ?1", Sort.by("effectiveDate").and(otherColumn), id);
    if (rows.isEmpty()) {
      return List.of();
    }
    boolean otherIsPredecessor = otherColumn.equals("predecessorId");
    Set<Long> otherIds =
        rows.stream()
            .map(r -> otherIsPredecessor ? r.predecessorId : r.successorId)
            .collect(Collectors.toCollection(LinkedHashSet::new));
    Map<Long, UnitEntity> others =
        UnitEntity.<UnitEntity>list("id in ?1", otherIds).stream()
            .collect(Collectors.toMap(u -> u.id, Function.identity()));
    return rows.stream()
        .map(
            r ->
                new UnitViews.Link(
                    others.get(otherIsPredecessor ? r.predecessorId : r.successorId),
                    r.effectiveDate,
                    r.changeKind,
                    r.note))
        .toList();
  }

  static List<Long> ancestorIds(UnitEntity unit) {
    return Arrays.stream(unit.path.split("/"))
        .filter(s -> !s.isEmpty())
        .map(Long::valueOf)
        .filter(id -> !id.equals(unit.id))
        .toList();
  }

  // ---------------------------------------------------------------- writing

  @Transactional
  public UnitViews.Detail create(UnitCommand cmd) {
    checkDates(cmd);
    requireGlobalForRoot(cmd.parentId());
    UnitEntity parent = cmd.parentId() == null ? null : requireParent(cmd.parentId());
    checkPlacement(cmd.kind(), parent);
    checkParentTakesChild(parent, cmd);
    checkCodeFree(cmd.code(), cmd.validTo(), null);

    UnitEntity unit = new UnitEntity();
    apply(unit, cmd);
    unit.createdAt = Instant.now();
    unit.updatedAt = unit.createdAt;
    unit.id =
        ((Number) em.createNativeQuery("SELECT nextval('unit_id_seq')").getSingleResult())
            .longValue();
    placeUnder(unit, parent);
    unit.persist();
    audit.record("UNIT", unit.id, "CREATE", AuditService.diff(null, snapshot(unit)), unit.path);
    em.flush();
    em.refresh(unit);
    return detail(unit);
  }

  @Transactional
  public UnitViews.Detail update(long id, long expectedVersion, UnitCommand cmd) {
    UnitEntity unit = require(id);
    Etags.check(expectedVersion, unit.version);
    checkDates(cmd);
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
    checkPlacement(cmd.kind(), parent);
    if (parentChanged) {
      checkParentTakesChild(parent, cmd);
    }
    if (kindChanged) {
      List<UnitKind> childKinds =
          em.createQuery(
                  "select distinct u.kind from UnitEntity u where u.parentId = :id", UnitKind.class)
              .setParameter("id", unit.id)
              .getResultList();
      for (UnitKind childKind : childKinds) {
        if (!childKind.fitsUnder(cmd.kind())) {
          throw ProblemException.unprocessable(
              "kind",
              "Không đổi được loại: đơn vị đang có đơn vị trực thuộc loại "
                  + childKind.label()
                  + ", không thể trực thuộc "
                  + cmd.kind().label());
        }
      }
    }
    if (cmd.validTo() != null && unit.validTo == null) {
      long openChildren = UnitEntity.count("parentId = ?1 and validTo is null", unit.id);
      if (openChildren > 0) {
        throw ProblemException.unprocessable(
            "validTo",
            "Còn "
                + openChildren
                + " đơn vị trực thuộc đang hiệu lực; hãy sáp nhập hoặc kết thúc các đơn vị đó"
                + " trước");
      }
    }
    checkCodeFree(cmd.code(), cmd.validTo(), unit.id);

    Map<String, Object> before = snapshot(unit);
    apply(unit, cmd);
    unit.updatedAt = Instant.now();
    if (parentChanged || kindChanged) {
      placeUnder(unit, parent);
    }
    audit.record("UNIT", unit.id, "UPDATE", AuditService.diff(before, snapshot(unit)), unit.path);
    em.flush();
    em.refresh(unit);
    return detail(unit);
  }

  @Transactional
  public UnitViews.Detail merge(MergeCommand cmd) {
    List<Long> predecessorIds = cmd.predecessorIds().stream().distinct().toList();
    if (predecessorIds.contains(cmd.successorId())) {
      throw ProblemException.unprocessable(
          "predecessorIds", "Đơn vị kế thừa không thể đồng thời là đơn vị bị sáp nhập");
    }
    // lock every unit involved, in id order, so concurrent merges cannot deadlock or interleave
    List<Long> all = new ArrayList<>(predecessorIds);
    all.add(cmd.successorId());
    all.sort(Comparator.naturalOrder());
    Map<Long, UnitEntity> locked = new HashMap<>();
    List<String> territory = territory();
    for (Long id : all) {
      UnitEntity u = em.find(UnitEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
      if (u == null || !within(u, territory)) {
        throw ProblemException.notFound("Không tìm thấy đơn vị có mã định danh " + id);
      }
      locked.put(id, u);
    }
    UnitEntity successor = locked.get(cmd.successorId());
    if (!successor.isOpen()) {
      throw ProblemException.unprocessable(
          "successorId", "Đơn vị kế thừa \"" + successor.name + "\" đã hết hiệu lực");
    }
    if (successor.validFrom.isAfter(cmd.date())) {
      throw ProblemException.unprocessable(
          "date",
          "Đơn vị kế thừa \""
              + successor.name
              + "\" chỉ có hiệu lực từ "
              + successor.validFrom
              + ", sau ngày sáp nhập");
    }
    for (Long id : predecessorIds) {
      UnitEntity p = locked.get(id);
      if (!p.isOpen()) {
        throw ProblemException.unprocessable(
            "predecessorIds",
            "Đơn vị \"" + p.name + "\" đã hết hiệu lực từ " + p.validTo + ", không thể sáp nhập");
      }
      if (!p.validFrom.isBefore(cmd.date())) {
        throw ProblemException.unprocessable(
            "date", "Ngày sáp nhập phải sau ngày bắt đầu hiệu lực của \"" + p.name + "\"");
      }
      if (!p.kind.mergeLevel().equals(successor.kind.mergeLevel())) {
        throw ProblemException.unprocessable(
            "predecessorIds",
            "Chỉ sáp nhập được các đơn vị cùng cấp: \""
                + p.name
                + "\" là "
                + p.kind.label()
                + ", còn \""
                + successor.name
                + "\" là "
                + successor.kind.label());
      }
      if (successor.path.startsWith(p.path)) {
        throw ProblemException.unprocessable(
            "successorId", "Không thể sáp nhập \"" + p.name + "\" vào đơn vị cấp dưới của nó");
      }
      if (UnitLineageEntity.count("predecessorId = ?1 and successorId = ?2", p.id, successor.id)
          > 0) {
        throw ProblemException.conflict(
            "predecessorIds",
            "Quan hệ kế thừa \"" + p.name + "\" → \"" + successor.name + "\" đã có");
      }
    }
    for (Long id : predecessorIds) {
      UnitEntity p = locked.get(id);
      List<UnitEntity> openChildren =
          UnitEntity.list("parentId = ?1 and validTo is null", Sort.by("id"), p.id);
      if (!openChildren.isEmpty() && !cmd.transferChildren()) {
        throw ProblemException.conflict(
            "transferChildren",
            "\""
                + p.name
                + "\" còn "
                + openChildren.size()
                + " đơn vị trực thuộc đang hiệu lực; chọn chuyển chúng sang đơn vị kế thừa");
      }
      for (UnitEntity child : openChildren) {
        if (!child.kind.fitsUnder(successor.kind)) {
          throw ProblemException.unprocessable(
              "transferChildren",
              "Không chuyển được \""
                  + child.name
                  + "\" ("
                  + child.kind.label()
                  + ") sang "
                  + successor.kind.label()
                  + " \""
                  + successor.name
                  + "\"");
        }
        child.updatedAt = Instant.now();
        Long oldParent = child.parentId;
        placeUnder(child, successor);
        audit.record(
            "UNIT",
            child.id,
            "MOVE",
            AuditService.changes("parentId", oldParent, successor.id),
            child.path);
      }
      p.validTo = cmd.date();
      p.updatedAt = Instant.now();
      UnitLineageEntity link = new UnitLineageEntity();
      link.predecessorId = p.id;
      link.successorId = successor.id;
      link.changeKind = "MERGE";
      link.effectiveDate = cmd.date();
      link.note = blankToNull(cmd.note());
      link.createdAt = Instant.now();
      link.persist();
      Map<String, AuditService.Change> retired =
          AuditService.changes("validTo", null, cmd.date().toString());
      retired.put("successorId", new AuditService.Change(null, successor.id));
      audit.record("UNIT", p.id, "MERGE_INTO", retired, p.path);
    }
    audit.record(
        "UNIT",
        successor.id,
        "MERGE",
        AuditService.changes("predecessorIds", null, predecessorIds),
        successor.path);
    successor.updatedAt = Instant.now();
    em.flush();
    em.refresh(successor);
    return detail(successor);
  }

  // ---------------------------------------------------------------- rules

  private static void checkDates(UnitCommand cmd) {
    if (cmd.validTo() != null && !cmd.validTo().isAfter(cmd.validFrom())) {
      throw ProblemException.unprocessable(
          "validTo", "Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực");
    }
  }

  private static void checkPlacement(UnitKind kind, UnitEntity parent) {
    if (parent == null) {
      if (!kind.mayBeRoot()) {
        throw ProblemException.unprocessable(
            "parentId", "Đơn vị loại " + kind.label() + " phải có đơn vị cấp trên");
      }
      return;
    }
    if (!kind.fitsUnder(parent.kind)) {
      throw ProblemException.unprocessable(
          "parentId",
          "Đơn vị loại "
              + kind.label()
              + " không thể trực thuộc "
              + parent.kind.label()
              + " \""
              + parent.name
              + "\"");
    }
  }

  /** A retired unit takes no new children, only historical ones that ended before it did. */
  private static void checkParentTakesChild(UnitEntity parent, UnitCommand cmd) {
    if (parent == null || parent.isOpen()) {
      return;
    }
    if (cmd.validTo() == null || cmd.validTo().isAfter(parent.validTo)) {
      throw ProblemException.unprocessable(
          "parentId",
          "\""
              + parent.name
              + "\" đã hết hiệu lực từ "
              + parent.validTo
              + "; không thể thêm đơn vị trực thuộc còn hiệu lực sau ngày đó");
    }
  }

  private static void checkCodeFree(String code, LocalDate validTo, Long selfId) {
    if (code == null || validTo != null) {
      return;
    }
    long clashes =
        selfId == null
            ? UnitEntity.count("code = ?1 and validTo is null", code)
            : UnitEntity.count("code = ?1 and validTo is null and id <> ?2", code, selfId);
    if (clashes > 0) {
      throw ProblemException.conflict(
          "code", "Mã \"" + code + "\" đã được dùng bởi một đơn vị đang hiệu lực");
    }
  }

  private static void apply(UnitEntity unit, UnitCommand cmd) {
    unit.code = blankToNull(cmd.code());
    unit.name = cmd.name().trim();
    unit.kind = cmd.kind();
    unit.validFrom = cmd.validFrom();
    unit.validTo = cmd.validTo();
  }

  /**
   * Puts a unit (and its whole subtree) under a parent: path, depth, province and commune ids of
   * every descendant follow in two set-based statements.
   */
  private void placeUnder(UnitEntity unit, UnitEntity parent) {
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
                  + "   AND a.kind IN ('COMMUNE', 'WARD', 'SPECIAL_ZONE')"
                  + "   ORDER BY a.depth DESC LIMIT 1)"
                  + " WHERE d.path LIKE :prefix AND d.id <> :id")
          .setParameter("prefix", unit.path + "%")
          .setParameter("id", unit.id)
          .executeUpdate();
    }
  }

  // ---------------------------------------------------------------- helpers

  /** A unit the caller may see; outside the territory it does not exist (404, no hint). */
  private UnitEntity require(long id) {
    UnitEntity unit = UnitEntity.findById(id);
    if (unit == null || !within(unit, territory())) {
      throw ProblemException.notFound("Không tìm thấy đơn vị có mã định danh " + id);
    }
    return unit;
  }

  /** A parent the caller may place units under: unknown and out-of-territory look the same. */
  private UnitEntity requireParent(long id) {
    UnitEntity parent = UnitEntity.findById(id);
    if (parent == null || !within(parent, territory())) {
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

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
