package vn.antq.award;

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

/** An authority may grant a form of award from one day until (not including) another. */
@Entity
@Table(name = "award_power")
public class AwardPowerEntity extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "authority_id", nullable = false)
  public Long authorityId;

  @Column(name = "form_id", nullable = false)
  public Long formId;

  @Column(name = "valid_from", nullable = false)
  public LocalDate validFrom;

  /** The first day the power no longer holds; null while it does. */
  @Column(name = "valid_to")
  public LocalDate validTo;

  @Column(name = "legal_basis")
  public String legalBasis;

  @Version public Long version;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  public boolean activeOn(LocalDate day) {
    return !validFrom.isAfter(day) && (validTo == null || validTo.isAfter(day));
  }
}
