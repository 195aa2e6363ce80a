package vn.antq.unit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** Predecessor → successor, with the day and the kind of the change. */
@Entity
@Table(name = "unit_lineage")
public class UnitLineageEntity extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "predecessor_id", nullable = false)
  public Long predecessorId;

  @Column(name = "successor_id", nullable = false)
  public Long successorId;

  @Column(name = "change_kind", nullable = false)
  public String changeKind;

  @Column(name = "effective_date", nullable = false)
  public LocalDate effectiveDate;

  public String note;

  /** A split: the percent of the split unit's own figures this successor carries. */
  public java.math.BigDecimal share;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;
}
