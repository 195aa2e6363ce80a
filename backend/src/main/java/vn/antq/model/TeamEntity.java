package vn.antq.model;

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

/** A team (tổ) of a model, covering a hamlet or another unit. */
@Entity
@Table(name = "team")
public class TeamEntity extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "model_id", nullable = false)
  public Long modelId;

  @Column(nullable = false)
  public String name;

  @Column(name = "unit_id", nullable = false)
  public Long unitId;

  @Column(name = "established_on", nullable = false)
  public LocalDate establishedOn;

  @Column(name = "dissolved_on")
  public LocalDate dissolvedOn;

  @Version public Long version;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  public boolean activeOn(LocalDate day) {
    return dissolvedOn == null || dissolvedOn.isAfter(day);
  }
}
