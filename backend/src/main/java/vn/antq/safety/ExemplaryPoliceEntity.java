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

/** A ward police unit designated "Công an phường điển hình, kiểu mẫu" for a year. */
@Entity
@Table(name = "exemplary_police")
public class ExemplaryPoliceEntity extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "unit_id", nullable = false)
  public Long unitId;

  @Column(nullable = false)
  public int year;

  @Column(name = "decision_number", nullable = false)
  public String decisionNumber;

  @Column(name = "decided_on", nullable = false)
  public LocalDate decidedOn;

  @Column(nullable = false)
  public String authority;

  public String note;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Version public Long version;
}
