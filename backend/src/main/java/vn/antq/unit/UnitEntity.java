package vn.antq.unit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A node of the unit tree. Carries its ancestry (province, commune, path) so that subtree filters
 * are indexed equalities or prefix matches, never recursive joins.
 */
@Entity
@Table(name = "unit")
public class UnitEntity extends PanacheEntityBase {
  /** Taken from {@code unit_id_seq} before the insert, since the path ends with it. */
  @Id public Long id;

  public String code;

  @Column(nullable = false)
  public String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public UnitKind kind;

  @Column(name = "parent_id")
  public Long parentId;

  @Column(name = "province_id")
  public Long provinceId;

  @Column(name = "commune_id")
  public Long communeId;

  /** Ids from the root down to this unit: {@code /1/12/345/}. */
  @Column(nullable = false)
  public String path;

  @Column(nullable = false)
  public int depth;

  /** {@code f_search_key(name)}: lower case without diacritics, kept by the database. */
  @Column(name = "name_key", insertable = false, updatable = false)
  public String nameKey;

  @Column(name = "valid_from", nullable = false)
  public LocalDate validFrom;

  @Column(name = "valid_to")
  public LocalDate validTo;

  @Version public Long version;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  /** In force on the given day: valid from that day on, and not yet retired. */
  public boolean activeOn(LocalDate day) {
    return !validFrom.isAfter(day) && (validTo == null || validTo.isAfter(day));
  }

  /** Not retired (no end date): the state that takes children and holds a unique code. */
  public boolean isOpen() {
    return validTo == null;
  }
}
