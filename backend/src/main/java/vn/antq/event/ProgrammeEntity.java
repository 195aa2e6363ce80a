package vn.antq.event;

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

/** A coordination programme signed by police and front units (chương trình phối hợp). */
@Entity
@Table(name = "programme")
public class ProgrammeEntity extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(nullable = false)
  public String number;

  @Column(nullable = false)
  public String title;

  @Column(name = "signed_on", nullable = false)
  public LocalDate signedOn;

  @Column(name = "scope_unit_id", nullable = false)
  public Long scopeUnitId;

  @Column(name = "period_from", nullable = false)
  public LocalDate periodFrom;

  @Column(name = "period_to")
  public LocalDate periodTo;

  @Column(nullable = false)
  public String status;

  @Column(name = "renewed_by_id")
  public Long renewedById;

  @Version public Long version;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;
}
