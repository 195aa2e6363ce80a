package vn.antq.indicator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import vn.antq.common.audit.AuditService;
import vn.antq.common.db.Rows;
import vn.antq.common.problem.ProblemException;
import vn.antq.common.problem.ProblemType;
import vn.antq.common.time.VietnamTime;
import vn.antq.security.Caller;
import vn.antq.security.Role;
import vn.antq.territory.Place;
import vn.antq.territory.Territory;

/**
 * When a period's figures are due: the end of the day (Vietnam time) {@code daysAfter} days after
 * the period's last day. National defaults set by administrators; a province may set its own, never
 * later than the national one. Each rule holds from its first day until the next rule of the same
 * kind and scope, and a period takes the rules in force on its last day.
 */
@ApplicationScoped
public class ReportingDeadlines {
  @Inject EntityManager em;
  @Inject Territory territory;
  @Inject Caller caller;
  @Inject AuditService audit;

  /** A rule as stored: {@code provinceId} null for the national default. */
  public record Rule(
      long id,
      Period.Kind kind,
      Long provinceId,
      int daysAfter,
      LocalDate validFrom,
      LocalDate validTo,
      String note,
      String createdBy,
      Instant createdAt) {}

  public record Command(
      Period.Kind kind, Long provinceId, Integer daysAfter, LocalDate validFrom, String note) {}

  /** The rules of one kind that apply to a province (national and its own), oldest first. */
  public static final class Rules {
    private final List<Rule> national;
    private final List<Rule> own;

    Rules(List<Rule> national, List<Rule> own) {
      this.national = national;
      this.own = own;
    }

    /** The last day on which the period's figures are on time. */
    public LocalDate deadline(Period p) {
      LocalDate end = p.end();
      Integer days = inForce(national, end);
      Integer mine = inForce(own, end);
      int d = days == null ? (p.kind() == Period.Kind.MONTH ? 5 : 10) : days;
      return end.plusDays(mine == null ? d : Math.min(d, mine));
    }

    private static Integer inForce(List<Rule> rules, LocalDate day) {
      Integer out = null;
      for (Rule r : rules) {
        if (!r.validFrom().isAfter(day)) {
          out = r.daysAfter();
        }
      }
      return out;
    }
  }

  /** The moment a deadline day ends in Vietnam: a first sending before it is on time. */
  public static Instant endOf(LocalDate deadline) {
    return deadline.plusDays(1).atStartOfDay(VietnamTime.ZONE).toInstant();
  }

  /** The rules of {@code kind} for a province (null: national only). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Rules rules(Period.Kind kind, Long provinceId) {
    List<Rule> all = read(kind, provinceId);
    return new Rules(
        all.stream().filter(r -> r.provinceId() == null).toList(),
        all.stream().filter(r -> r.provinceId() != null).toList());
  }

  /** The national rules and a province's own (by default the caller's), each scope newest first. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Rule> list(Long provinceId) {
    Long mine = caller.unitId() == null ? null : provinceOf(territory.placeOf(caller.unitId()));
    Long province = provinceId == null ? mine : provinceId;
    // a commune's officers read their own province's deadlines; other provinces' need the territory
    if (province != null) {
      Place p =
          province.equals(mine) ? territory.placeOf(province) : territory.requireVisible(province);
      if (!p.isProvince()) {
        throw ProblemException.badRequest("provinceId", "«" + p.name() + "» không phải tỉnh");
      }
    }
    List<Rule> out = new ArrayList<>(read(null, province));
    out.sort(
        Comparator.comparing((Rule r) -> r.provinceId() != null)
            .thenComparing(Rule::kind)
            .thenComparing(Rule::validFrom, Comparator.reverseOrder()));
    return out;
  }

  @Transactional
  public Rule create(Command cmd) {
    checkAuthority(cmd);
    checkFree(cmd);
    Object id =
        em.createNativeQuery(
                "INSERT INTO reporting_deadline (period_kind, province_id, days_after, valid_from,"
                    + " note, created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id")
            .setParameter(1, cmd.kind().name())
            .setParameter(2, cmd.provinceId())
            .setParameter(3, cmd.daysAfter())
            .setParameter(4, cmd.validFrom())
            .setParameter(5, cmd.note() == null || cmd.note().isBlank() ? null : cmd.note().trim())
            .setParameter(6, caller.actorName())
            .getSingleResult();
    long created = Rows.toLong(id);
    audit.record(
        "REPORTING_DEADLINE",
        created,
        "CREATE",
        AuditService.diff(
            null,
            Map.of(
                "periodKind", cmd.kind().name(),
                "daysAfter", cmd.daysAfter(),
                "validFrom", cmd.validFrom().toString())),
        cmd.provinceId() == null ? "/" : territory.placeOf(cmd.provinceId()).path());
    return read(cmd.kind(), cmd.provinceId()).stream()
        .filter(r -> r.id() == created)
        .findFirst()
        .orElseThrow();
  }

  /** National rules are the administrators'; a province's, its officers' (never later). */
  private void checkAuthority(Command cmd) {
    Role role = caller.role();
    if (cmd.provinceId() == null) {
      if (role != Role.ADMIN) {
        throw new ProblemException(
            ProblemType.FORBIDDEN, "Chỉ quản trị viên đặt hạn báo cáo mặc định toàn quốc.");
      }
      return;
    }
    if (role != Role.ADMIN && role != Role.PROVINCE_OFFICER) {
      throw new ProblemException(
          ProblemType.FORBIDDEN, "Chỉ cán bộ cấp tỉnh (hoặc quản trị viên) đặt hạn của tỉnh.");
    }
    Place p = territory.requireVisible(cmd.provinceId());
    if (!p.isProvince()) {
      throw ProblemException.unprocessable("provinceId", "«" + p.name() + "» không phải tỉnh");
    }
    checkWithinNational(cmd);
  }

  /** One rule per kind, scope and first day (the database says so too). */
  private void checkFree(Command cmd) {
    List<?> clash =
        em.createNativeQuery(
                "SELECT 1 FROM reporting_deadline WHERE period_kind = ?1"
                    + " AND province_id IS NOT DISTINCT FROM ?2 AND valid_from = ?3")
            .setParameter(1, cmd.kind().name())
            .setParameter(2, cmd.provinceId())
            .setParameter(3, cmd.validFrom())
            .getResultList();
    if (!clash.isEmpty()) {
      throw ProblemException.conflict(
          "validFrom",
          "Đã có hạn báo cáo "
              + kindLabel(cmd.kind())
              + " từ ngày "
              + VietnamTime.format(cmd.validFrom())
              + "; hãy chọn ngày hiệu lực khác");
    }
  }

  private void checkWithinNational(Command cmd) {
    Integer national = Rules.inForce(rules(cmd.kind(), null).national, cmd.validFrom());
    if (national != null && cmd.daysAfter() > national) {
      throw ProblemException.unprocessable(
          "daysAfter",
          "Hạn của tỉnh không được muộn hơn hạn toàn quốc ("
              + national
              + " ngày sau khi hết kỳ "
              + kindLabel(cmd.kind())
              + ")");
    }
  }

  private static Long provinceOf(Place p) {
    return p.isProvince() ? Long.valueOf(p.id()) : p.provinceId();
  }

  private static String kindLabel(Period.Kind kind) {
    return kind == Period.Kind.MONTH ? "tháng" : "quý";
  }

  /** Rules of a kind (null: both) that are national or the province's, oldest first. */
  private List<Rule> read(Period.Kind kind, Long provinceId) {
    List<Object[]> rows =
        Rows.of(
            em.createNativeQuery(
                    "SELECT id, period_kind, province_id, days_after, valid_from,"
                        + " lead(valid_from) OVER (PARTITION BY period_kind, province_id"
                        + " ORDER BY valid_from) - 1, note, created_by, created_at"
                        + " FROM reporting_deadline WHERE (province_id IS NULL OR province_id = ?1)"
                        + " AND (CAST(?2 AS text) IS NULL OR period_kind = ?2)"
                        + " ORDER BY province_id NULLS FIRST, period_kind, valid_from")
                .setParameter(1, provinceId == null ? -1L : provinceId)
                .setParameter(2, kind == null ? null : kind.name()));
    return rows.stream()
        .map(
            r ->
                new Rule(
                    Rows.toLong(r[0]),
                    Period.Kind.valueOf((String) r[1]),
                    Rows.toLongOrNull(r[2]),
                    Rows.toInt(r[3]),
                    Rows.localDate(r[4]),
                    Rows.localDate(r[5]),
                    (String) r[6],
                    (String) r[7],
                    Rows.instant(r[8])))
        .toList();
  }
}
