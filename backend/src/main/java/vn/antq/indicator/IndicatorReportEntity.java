package vn.antq.indicator;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/** One revision of a unit's reported figures for a month or a quarter. */
@Entity
@Table(name = "indicator_report")
public class IndicatorReportEntity extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "unit_id", nullable = false)
  public Long unitId;

  @Column(name = "period_start", nullable = false)
  public LocalDate periodStart;

  @Column(name = "period_months", nullable = false)
  public short periodMonths;

  @Column(nullable = false)
  public int revision;

  @Column(nullable = false)
  public String status;

  public String note;

  @Column(name = "revision_reason")
  public String revisionReason;

  @Column(name = "review_comment")
  public String reviewComment;

  @Column(name = "submitted_at")
  public Instant submittedAt;

  /** The first sending of the period's figures (on time or late is judged by it). */
  @Column(name = "first_submitted_at")
  public Instant firstSubmittedAt;

  @Column(name = "submitted_by")
  public String submittedBy;

  @Column(name = "reviewed_at")
  public Instant reviewedAt;

  @Column(name = "reviewed_by")
  public String reviewedBy;

  @Column(name = "created_by")
  public String createdBy;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Version public Long version;

  /** The last day of the period. */
  public LocalDate periodEnd() {
    return periodStart.plusMonths(periodMonths).minusDays(1);
  }
}
