package vn.antq.territory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.type.BasicTypeReference;
import org.hibernate.type.StandardBasicTypes;
import vn.antq.api.model.UnitKind;
import vn.antq.api.model.UnitRef;
import vn.antq.common.db.Rows;
import vn.antq.security.UnitDirectory;

/**
 * Units as places, read without regard to who asks: for records a caller already may see, for names
 * in responses, and for {@link Territory}, which adds the caller's bounds.
 */
@ApplicationScoped
public class Places implements UnitDirectory {
  private static final String COLUMNS =
      "SELECT u.id AS c0, u.path AS c1, u.province_id AS c2, u.commune_id AS c3, u.code AS c4,"
          + " u.name AS c5, u.kind AS c6, u.valid_from AS c7, u.valid_to AS c8 FROM unit u";

  /** The types of {@link #COLUMNS}, stated (read on every request by {@link Territory}). */
  private static final BasicTypeReference<?>[] TYPES = {
    StandardBasicTypes.LONG,
    StandardBasicTypes.STRING,
    StandardBasicTypes.LONG,
    StandardBasicTypes.LONG,
    StandardBasicTypes.STRING,
    StandardBasicTypes.STRING,
    StandardBasicTypes.STRING,
    StandardBasicTypes.LOCAL_DATE,
    StandardBasicTypes.LOCAL_DATE
  };

  @Inject EntityManager em;

  /** A unit by id, or empty. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Place> find(Long id) {
    if (id == null) {
      return Optional.empty();
    }
    Query query = em.createNativeQuery(COLUMNS + " WHERE u.id = :id").setParameter("id", id);
    return Rows.of(Rows.typed(query, TYPES)).stream().findFirst().map(Places::place);
  }

  /** Names of units, for other features' responses (not territory-scoped: ids come from them). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<Long, UnitSummary> summaries(Set<Long> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    List<Tuple> rows =
        em.createNativeQuery(
                "SELECT u.id, u.code, u.name, u.kind FROM unit u"
                    + " WHERE u.id = ANY (CAST(:ids AS bigint[]))",
                Tuple.class)
            .setParameter("ids", Rows.bigintArray(ids))
            .getResultList();
    Map<Long, UnitSummary> out = new HashMap<>();
    for (Tuple t : rows) {
      long id = t.get(0, Long.class);
      out.put(
          id,
          new UnitSummary(
              id, t.get(1, String.class), t.get(2, String.class), t.get(3, String.class)));
    }
    return out;
  }

  /**
   * The active unit in the subtree of {@code root} whose name matches {@code name} ignoring case
   * and diacritics; empty when none or several match.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Place> findByNameWithin(Place root, String name) {
    Query query =
        em.createNativeQuery(
                COLUMNS
                    + " WHERE u.path LIKE :prefix AND u.valid_to IS NULL"
                    + " AND (u.name_key = f_search_key(:name) OR u.code = :name)"
                    + " ORDER BY u.code = :name DESC, u.path LIMIT "
                    + (CANDIDATES + 1))
            .setParameter("prefix", root.path() + "%")
            .setParameter("name", name.trim());
    List<Object[]> found = Rows.of(Rows.typed(query, TYPES));
    List<Place> places = found.stream().map(Places::place).toList();
    // a unit's code names it alone
    return !places.isEmpty() && name.trim().equals(places.get(0).code())
        ? places.subList(0, 1)
        : places;
  }

  /** How many units a lookup by name names at most when it matches several. */
  public static final int CANDIDATES = 5;

  /**
   * A unit's place under {@code root}, for telling units of one name apart: "Khối 1 — Khu phố 2 —
   * Phường Bến Thủy" (the unit, then its parents up to the root's children).
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public String pathName(Place root, Place unit) {
    List<Long> ids = new java.util.ArrayList<>();
    for (String part : unit.path().substring(root.path().length()).split("/")) {
      if (!part.isEmpty()) {
        ids.add(Long.parseLong(part));
      }
    }
    Map<Long, UnitSummary> names = summaries(new java.util.HashSet<>(ids));
    List<String> parts = new java.util.ArrayList<>();
    for (int i = ids.size() - 1; i >= 0; i--) {
      UnitSummary s = names.get(ids.get(i));
      if (s != null) {
        parts.add(s.name());
      }
    }
    return String.join(" — ", parts) + (unit.code() == null ? "" : " (mã " + unit.code() + ")");
  }

  /**
   * The path prefixes of a unit's subtree and of the units it succeeded, recursively (facts of Bạc
   * Liêu belong to Cà Mau): its own first.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<String> lineagePaths(long id) {
    return em.createNativeQuery(
            "WITH RECURSIVE preds(id) AS (SELECT CAST(?1 AS bigint)"
                + " UNION "
                + Lineage.step("")
                + ")"
                + " SELECT u.path FROM unit u JOIN preds p ON u.id = p.id ORDER BY u.id = ?1 DESC",
            String.class)
        .setParameter(1, id)
        .getResultList();
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean exists(long id) {
    return !em.createNativeQuery("SELECT 1 FROM unit WHERE id = :id")
        .setParameter("id", id)
        .getResultList()
        .isEmpty();
  }

  @Override
  public Map<Long, UnitRef> refs(Set<Long> ids) {
    return summaries(ids).values().stream().collect(Collectors.toMap(UnitSummary::id, Places::ref));
  }

  /** A unit as the contract shows it in other records. */
  public static UnitRef ref(UnitSummary s) {
    return s == null
        ? null
        : new UnitRef().id(s.id()).code(s.code()).name(s.name()).kind(UnitKind.valueOf(s.kind()));
  }

  private static Place place(Object[] r) {
    return new Place(
        (Long) r[0],
        (String) r[1],
        (Long) r[2],
        (Long) r[3],
        (String) r[4],
        (String) r[5],
        (String) r[6],
        (LocalDate) r[7],
        (LocalDate) r[8]);
  }
}
