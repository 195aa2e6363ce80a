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

/** A commendation decision (quyết định khen thưởng); its recipients live in award_recipient. */
@Entity
@Table(name = "award_decision")
public class AwardDecisionEntity extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(nullable = false)
  public String number;

  @Column(name = "decided_on", nullable = false)
  public LocalDate decidedOn;

  @Column(name = "authority_id", nullable = false)
  public Long authorityId;

  /** The unit in whose name the authority acts and whose register keeps the decision. */
  @Column(name = "unit_id", nullable = false)
  public Long unitId;

  /** Snapshot of the issuer as written on the decision ("Chủ tịch UBND tỉnh Bạc Liêu"). */
  @Column(name = "issuer_name", nullable = false)
  public String issuerName;

  public String signer;

  @Column(name = "form_id", nullable = false)
  public Long formId;

  @Column(name = "type_id", nullable = false)
  public Long typeId;

  public String reason;

  @Column(name = "event_id")
  public Long eventId;

  @Column(name = "programme_id")
  public Long programmeId;

  @Version public Long version;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;
}
