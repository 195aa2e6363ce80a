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

/** An event of the movement: one row however many units organised it. */
@Entity
@Table(name = "event")
public class EventEntity extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "type_id", nullable = false)
  public Long typeId;

  @Column(nullable = false)
  public String title;

  @Column(name = "starts_at", nullable = false)
  public Instant startsAt;

  @Column(name = "ends_at", nullable = false)
  public Instant endsAt;

  public String location;

  /** where it took place (WGS 84), from a phone's GPS or a map; both or neither */
  public Double latitude;

  public Double longitude;

  @Column(name = "position_accuracy")
  public Double positionAccuracy;

  @Column(name = "unit_id", nullable = false)
  public Long unitId;

  @Column(name = "lead_unit_id", nullable = false)
  public Long leadUnitId;

  @Column(name = "programme_id")
  public Long programmeId;

  public Integer attendance;

  @Column(nullable = false)
  public Integer sessions;

  public String outcome;

  @Version public Long version;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;
}
