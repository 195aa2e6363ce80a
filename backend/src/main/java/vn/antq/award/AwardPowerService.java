package vn.antq.award;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import vn.antq.catalogue.Catalogue;
import vn.antq.catalogue.CatalogueEntry;
import vn.antq.common.audit.AuditService;
import vn.antq.common.problem.ProblemException;
import vn.antq.common.time.VietnamTime;
import vn.antq.common.web.Etags;

/**
 * Which authority may grant which form of award, and over which days. Administrators keep it; a
 * decision is checked against the power in force on its own date, so decisions signed before
 * 1/7/2025 by a district chairman stay valid while new ones are refused.
 */
@ApplicationScoped
public class AwardPowerService {
  @Inject AuditService audit;
  @Inject vn.antq.catalogue.CatalogueService catalogues;

  public record Command(
      Long authorityId, Long formId, LocalDate validFrom, LocalDate validTo, String legalBasis) {}

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<AwardPowerEntity> list(Long authorityId, Long formId, LocalDate activeOn) {
    StringBuilder q = new StringBuilder("1 = 1");
    Parameters p = new Parameters();
    if (authorityId != null) {
      q.append(" and authorityId = :authorityId");
      p.and("authorityId", authorityId);
    }
    if (formId != null) {
      q.append(" and formId = :formId");
      p.and("formId", formId);
    }
    if (activeOn != null) {
      q.append(" and validFrom <= :day and (validTo is null or validTo > :day)");
      p.and("day", activeOn);
    }
    return AwardPowerEntity.list(q + " order by authorityId, formId, validFrom", p);
  }

  /**
   * The check of a decision's award power: 422 on {@code formId} unless the authority may grant the
   * form on that day, the message saying over which days it could, when it ever could. One {@link
   * Grants} serves a request's decision or a batch's (an import's thousand), reading the powers of
   * each authority and form once instead of once per decision.
   */
  public Grants grants() {
    return new Grants();
  }

  /** The powers read so far, by authority and form. */
  public static final class Grants {
    private final Map<List<Long>, List<AwardPowerEntity>> read = new java.util.HashMap<>();

    private Grants() {}

    /** 422 on {@code formId} unless the authority may grant the form on that day. */
    public void require(CatalogueEntry authority, CatalogueEntry form, LocalDate day) {
      List<AwardPowerEntity> all =
          read.computeIfAbsent(
              List.of(authority.id(), form.id()),
              k ->
                  AwardPowerEntity.list(
                      "authorityId = ?1 and formId = ?2 order by validFrom", k.get(0), k.get(1)));
      refuseUnlessGranted(all, authority, form, day);
    }
  }

  private static void refuseUnlessGranted(
      List<AwardPowerEntity> all, CatalogueEntry authority, CatalogueEntry form, LocalDate day) {
    if (all.stream().anyMatch(p -> p.activeOn(day))) {
      return;
    }
    String base =
        "«"
            + authority.name()
            + "» không có thẩm quyền tặng «"
            + form.name()
            + "» vào ngày "
            + VietnamTime.format(day);
    if (all.isEmpty()) {
      throw ProblemException.unprocessable("formId", base);
    }
    throw ProblemException.unprocessable(
        "formId",
        base
            + "; thẩm quyền này chỉ có "
            + all.stream()
                .map(p -> range(p.validFrom, p.validTo))
                .collect(Collectors.joining(", ")));
  }

  /** "từ 01/01/2024 đến hết 30/06/2025" or "từ 01/07/2025". */
  static String range(LocalDate from, LocalDate to) {
    return "từ "
        + VietnamTime.format(from)
        + (to == null ? "" : " đến hết " + VietnamTime.format(to.minusDays(1)));
  }

  @Transactional
  public AwardPowerEntity create(Command cmd) {
    check(cmd, null);
    AwardPowerEntity p = new AwardPowerEntity();
    apply(p, cmd);
    p.createdAt = Instant.now();
    p.updatedAt = p.createdAt;
    p.persist();
    audit.record("AWARD_POWER", p.id, "CREATE", AuditService.diff(null, snapshot(p)), null);
    return p;
  }

  @Transactional
  public AwardPowerEntity update(long id, long expected, Command cmd) {
    AwardPowerEntity p = AwardPowerEntity.findById(id);
    if (p == null) {
      throw ProblemException.notFound("Không tìm thấy thẩm quyền khen thưởng " + id);
    }
    Etags.check(expected, p.version);
    check(cmd, p.id);
    Map<String, Object> before = snapshot(p);
    apply(p, cmd);
    p.updatedAt = Instant.now();
    audit.record("AWARD_POWER", p.id, "UPDATE", AuditService.diff(before, snapshot(p)), null);
    return p;
  }

  private static void apply(AwardPowerEntity p, Command cmd) {
    p.authorityId = cmd.authorityId();
    p.formId = cmd.formId();
    p.validFrom = cmd.validFrom();
    p.validTo = cmd.validTo();
    p.legalBasis =
        cmd.legalBasis() == null || cmd.legalBasis().isBlank() ? null : cmd.legalBasis().trim();
  }

  private void check(Command cmd, Long self) {
    item(Catalogue.AWARD_AUTHORITY, cmd.authorityId(), "authorityId");
    item(Catalogue.AWARD_FORM, cmd.formId(), "formId");
    if (cmd.validTo() != null && !cmd.validTo().isAfter(cmd.validFrom())) {
      throw ProblemException.unprocessable("validTo", "Ngày hết hiệu lực phải sau ngày hiệu lực");
    }
    // two rows for the same pair must not overlap: the rule of a day is never ambiguous
    String q =
        "authorityId = :a and formId = :f and id <> :self and (validTo is null or validTo > :from)";
    Parameters params =
        Parameters.with("a", cmd.authorityId())
            .and("f", cmd.formId())
            .and("self", self == null ? -1L : self)
            .and("from", cmd.validFrom());
    if (cmd.validTo() != null) {
      q += " and validFrom < :to";
      params.and("to", cmd.validTo());
    }
    long overlapping = AwardPowerEntity.count(q, params);
    if (overlapping > 0) {
      throw ProblemException.conflict(
          "validFrom",
          "Đã có thẩm quyền này trong khoảng thời gian trùng; hãy đặt ngày hết hiệu lực cho dòng"
              + " cũ trước");
    }
  }

  private CatalogueEntry item(Catalogue catalogue, Long id, String field) {
    CatalogueEntry item = id == null ? null : catalogues.find(id).orElse(null);
    if (item == null || !item.catalogue().equals(catalogue.name())) {
      throw ProblemException.unprocessable(field, "Không có " + catalogue.label() + " này");
    }
    return item;
  }

  private static Map<String, Object> snapshot(AwardPowerEntity p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("authorityId", p.authorityId);
    m.put("formId", p.formId);
    m.put("validFrom", p.validFrom);
    m.put("validTo", p.validTo);
    m.put("legalBasis", p.legalBasis);
    return m;
  }
}
