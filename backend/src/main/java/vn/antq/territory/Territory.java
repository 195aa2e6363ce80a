package vn.antq.territory;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.antq.common.db.SqlPredicate;
import vn.antq.common.problem.ProblemException;
import vn.antq.common.time.VietnamTime;
import vn.antq.security.Caller;

/**
 * The caller's territory: the subtree of the caller's unit and of the units it succeeded (facts of
 * Bạc Liêu belong to Cà Mau's officers), or everything for administrators and the system. Read once
 * per request; every feature asks it the same way whether a unit is visible, where a record may be
 * placed, and which rows a query may return.
 */
@RequestScoped
public class Territory {
  @Inject Caller caller;
  @Inject Places places;

  /** The caller the prefixes were read for (background work may change identity). */
  private Object readFor;

  private boolean read;

  private List<String> prefixes;
  private final Map<Long, Place> seen = new HashMap<>();

  /**
   * The territory as path prefixes, the caller's own unit first; null when the caller sees
   * everything, empty when nothing.
   */
  public List<String> prefixes() {
    Object who = caller.isGlobal() ? Boolean.TRUE : caller.unitId();
    if (!read || !Objects.equals(who, readFor)) {
      read = true;
      readFor = who;
      prefixes =
          Boolean.TRUE.equals(who)
              ? null
              : who == null ? List.of() : places.lineagePaths((Long) who);
    }
    return prefixes;
  }

  /** Forgets what was read (after a merge changed the lineage or the paths). */
  public void forget() {
    read = false;
    prefixes = null;
    seen.clear();
  }

  public boolean isGlobal() {
    return prefixes() == null;
  }

  /** Whether a unit's path lies in the territory. */
  public boolean containsPath(String path) {
    List<String> p = prefixes();
    return p == null || Paths.within(path, p);
  }

  /** Whether a unit lies in the caller's territory (records placed there are the caller's). */
  public boolean contains(long unitId) {
    return prefixes() == null || place(unitId).map(u -> containsPath(u.path())).orElse(false);
  }

  /** A unit the caller may see; 404 otherwise (unknown and foreign units look the same). */
  public Place requireVisible(long unitId) {
    return place(unitId)
        .filter(u -> containsPath(u.path()))
        .orElseThrow(
            () -> ProblemException.notFound("Không tìm thấy đơn vị có mã định danh " + unitId));
  }

  /**
   * A unit the caller may place a record in: it exists, lies in the territory and is not retired.
   * Otherwise 422 on {@code field}, the same for unknown and foreign units.
   */
  public Place requirePlace(Long id, String field) {
    Place unit = inside(id, field);
    if (!unit.isOpen() && !unit.validTo().isAfter(VietnamTime.today())) {
      throw ProblemException.unprocessable(
          field, "Đơn vị «" + unit.name() + "» đã hết hiệu lực, không ghi thêm được");
    }
    return unit;
  }

  /**
   * A unit the caller may name in a record of the given day: it exists, lies in the territory and
   * was in force that day (a district police unit closed in 2025 still organised the events of
   * 2024). Otherwise 422 on {@code field}.
   */
  public Place requireActiveOn(Long id, String field, LocalDate day) {
    Place unit = inside(id, field);
    if (!unit.activeOn(day)) {
      throw ProblemException.unprocessable(
          field,
          "Đơn vị «" + unit.name() + "» không hoạt động vào ngày " + VietnamTime.format(day));
    }
    return unit;
  }

  /**
   * The path prefixes of a visible unit's subtree and of the units it succeeded, recursively (a
   * report of Cà Mau counts what was recorded against Bạc Liêu); 404 when the caller may not see
   * it.
   */
  public List<String> lineage(long unitId) {
    requireVisible(unitId);
    return places.lineagePaths(unitId);
  }

  /** Rows whose unit ({@code alias}, a joined unit table) lies in the territory. */
  public SqlPredicate predicate(String alias) {
    List<String> p = prefixes();
    return p == null ? SqlPredicate.ALL : Paths.underAny(alias, p, "terr");
  }

  /** A subtree condition and whether it reads the joined unit table. */
  public record Scope(SqlPredicate predicate, boolean joinsUnit) {}

  /**
   * Limits a list of records to the subtree of {@code unitId} (a unit the caller may see: 404
   * otherwise), or without one to the territory. {@code record} is the alias of a table that
   * carries its unit's province ({@code province_id}); {@code unit} the alias its unit would be
   * joined as. A province's subtree is an indexed equality on the record's province, so the list
   * reads the province's rows in sort order without joining units; any other subtree is a prefix
   * match on the unit's path. The filter's subtree lies inside the territory (the unit is visible),
   * so it replaces the territory condition rather than adding to it.
   */
  public Scope scope(Long unitId, String record, String unit) {
    if (unitId != null) {
      Place root = requireVisible(unitId);
      return root.isProvince()
          ? provinceOf(record, root.id())
          : new Scope(Paths.under(unit, root.path(), "scopePath"), true);
    }
    List<String> p = prefixes();
    if (p == null) {
      return new Scope(SqlPredicate.ALL, false);
    }
    if (p.size() == 1 && p.get(0).equals("/" + caller.unitId() + "/")) {
      Place root = place(caller.unitId()).orElse(null);
      if (root != null && root.isProvince()) {
        return provinceOf(record, root.id());
      }
    }
    return new Scope(predicate(unit), !p.isEmpty());
  }

  private static Scope provinceOf(String record, long provinceId) {
    return new Scope(
        new SqlPredicate(
            record + ".province_id = :scopeProvince", Map.of("scopeProvince", provinceId)),
        false);
  }

  /** Any unit by id, without territory checks (for records the caller already may see). */
  public Place place(Long id, String notFoundMessage) {
    return place(id).orElseThrow(() -> ProblemException.notFound(notFoundMessage));
  }

  /** Any unit by id, without territory checks (for records the caller already may see). */
  public Place placeOf(long id) {
    return place(id, "Không tìm thấy đơn vị " + id);
  }

  private java.util.Optional<Place> place(Long id) {
    if (id == null) {
      return java.util.Optional.empty();
    }
    Place known = seen.get(id);
    if (known != null) {
      return java.util.Optional.of(known);
    }
    java.util.Optional<Place> found = places.find(id);
    found.ifPresent(p -> seen.put(id, p));
    return found;
  }

  private Place inside(Long id, String field) {
    return place(id)
        .filter(u -> containsPath(u.path()))
        .orElseThrow(() -> ProblemException.unprocessable(field, "Không tìm thấy đơn vị " + id));
  }
}
