package vn.antq.safety;

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

/** A unit's yearly assessment against the safety standard. */
@Entity
@Table(name = "safety_assessment")
public class SafetyAssessmentEntity extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "unit_id", nullable = false)
  public Long unitId;

  @Column(name = "target_id", nullable = false)
  public Long targetId;

  @Column(nullable = false)
  public int year;

  @Column(name = "period_from", nullable = false)
  public LocalDate periodFrom;

  @Column(name = "period_to", nullable = false)
  public LocalDate periodTo;

  @Column(nullable = false)
  public boolean met;

  @Column(name = "recognised_by")
  public String recognisedBy;

  @Column(name = "recognised_on")
  public LocalDate recognisedOn;

  @Column(name = "decision_number")
  public String decisionNumber;

  public String note;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Version public Long version;
}
