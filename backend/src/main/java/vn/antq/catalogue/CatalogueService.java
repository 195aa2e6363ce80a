package vn.antq.catalogue;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import vn.antq.common.audit.AuditService;
import vn.antq.common.problem.ProblemException;
import vn.antq.common.time.VietnamTime;
import vn.antq.common.web.Etags;

/**
 * Effective-dated catalogues: everybody reads them, administrators change them. An item is never
 * deleted (records keep pointing at it); it ends with a {@code validTo} date and can no longer be
 * chosen.
 */
@ApplicationScoped
public class CatalogueService {
  @Inject AuditService audit;

  public record Command(
      String code, String name, Long parentId, LocalDate validFrom, LocalDate validTo) {}

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<CatalogueEntry> entries(Catalogue catalogue, LocalDate activeOn, Long parentId) {
    return list(catalogue, activeOn, parentId).stream().map(CatalogueEntry::of).toList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  List<CatalogueItemEntity> list(Catalogue catalogue, LocalDate activeOn, Long parentId) {
    StringBuilder q = new StringBuilder("catalogue = :catalogue");
    Parameters p = Parameters.with("catalogue", catalogue.name());
    if (parentId != null) {
      q.append(" and parentId = :parentId");
      p.and("parentId", parentId);
    }
    if (activeOn != null) {
      q.append(" and validFrom <= :day and (validTo is null or validTo > :day)");
      p.and("day", activeOn);
    }
    return CatalogueItemEntity.<CatalogueItemEntity>list(q + " order by name", p);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean exists(long id) {
    return CatalogueItemEntity.count("id", id) > 0;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<Long, CatalogueEntry> byIds(Set<Long> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return CatalogueItemEntity.<CatalogueItemEntity>list("id in ?1", ids).stream()
        .collect(Collectors.toMap(i -> i.id, CatalogueEntry::of));
  }

  /** Any item by id (read through the persistence context: cheap when asked again). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public java.util.Optional<CatalogueEntry> find(Long id) {
    return java.util.Optional.ofNullable(
        id == null ? null : CatalogueEntry.of(CatalogueItemEntity.findById(id)));
  }

  /** The id of an item by its catalogue and code (demo data). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public java.util.Optional<Long> idOf(String catalogue, String code) {
    return CatalogueItemEntity.<CatalogueItemEntity>find(
            "catalogue = ?1 and code = ?2", catalogue, code)
        .firstResultOptional()
        .map(i -> i.id);
  }

  /** An item of the catalogue that can be chosen today; 422 naming the field otherwise. */
  // a refused check leaves the caller's transaction alone (see ProblemException)
  @Transactional(value = Transactional.TxType.SUPPORTS, dontRollbackOn = ProblemException.class)
  public CatalogueEntry requireActive(Catalogue catalogue, Long id, String field) {
    CatalogueItemEntity item = id == null ? null : CatalogueItemEntity.findById(id);
    if (item == null || !item.catalogue.equals(catalogue.name())) {
      throw ProblemException.unprocessable(field, "Không có " + catalogue.label() + " này");
    }
    if (!item.activeOn(VietnamTime.today())) {
      throw ProblemException.unprocessable(
          field, "«" + item.name + "» đã hết hiệu lực, không chọn được nữa");
    }
    return CatalogueEntry.of(item);
  }

  @Transactional
  public CatalogueItemEntity create(Catalogue catalogue, Command cmd) {
    check(catalogue, cmd, null);
    CatalogueItemEntity item = new CatalogueItemEntity();
    item.catalogue = catalogue.name();
    apply(item, cmd);
    item.createdAt = Instant.now();
    item.updatedAt = item.createdAt;
    item.persist();
    audit.record("CATALOGUE", item.id, "CREATE", AuditService.diff(null, snapshot(item)), null);
    return item;
  }

  @Transactional
  public CatalogueItemEntity update(Catalogue catalogue, long id, long expected, Command cmd) {
    CatalogueItemEntity item = CatalogueItemEntity.findById(id);
    if (item == null || !item.catalogue.equals(catalogue.name())) {
      throw ProblemException.notFound("Không tìm thấy mục " + id + " trong danh mục");
    }
    Etags.check(expected, item.version);
    check(catalogue, cmd, item.id);
    Map<String, Object> before = snapshot(item);
    apply(item, cmd);
    item.updatedAt = Instant.now();
    audit.record("CATALOGUE", item.id, "UPDATE", AuditService.diff(before, snapshot(item)), null);
    return item;
  }

  private static void apply(CatalogueItemEntity item, Command cmd) {
    item.code = cmd.code().trim();
    item.name = cmd.name().trim();
    item.parentId = cmd.parentId();
    item.validFrom = cmd.validFrom();
    item.validTo = cmd.validTo();
  }

  private static void check(Catalogue catalogue, Command cmd, Long self) {
    if (cmd.validTo() != null && !cmd.validTo().isAfter(cmd.validFrom())) {
      throw ProblemException.unprocessable("validTo", "Ngày hết hiệu lực phải sau ngày hiệu lực");
    }
    if (catalogue.parent() == null && cmd.parentId() != null) {
      throw ProblemException.unprocessable("parentId", "Mục của danh mục này không có mục cha");
    }
    if (catalogue.parent() != null) {
      CatalogueItemEntity parent =
          cmd.parentId() == null ? null : CatalogueItemEntity.findById(cmd.parentId());
      if (parent == null || !parent.catalogue.equals(catalogue.parent().name())) {
        throw ProblemException.unprocessable(
            "parentId", "Chọn " + catalogue.parent().label() + " của mục này");
      }
    }
    long same =
        CatalogueItemEntity.count(
            "catalogue = ?1 and code = ?2 and id <> ?3",
            catalogue.name(),
            cmd.code().trim(),
            self == null ? -1L : self);
    if (same > 0) {
      throw ProblemException.conflict("code", "Mã này đã có trong danh mục");
    }
  }

  private static Map<String, Object> snapshot(CatalogueItemEntity i) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", i.code);
    m.put("name", i.name);
    m.put("parentId", i.parentId);
    m.put("validFrom", i.validFrom);
    m.put("validTo", i.validTo);
    return m;
  }
}
