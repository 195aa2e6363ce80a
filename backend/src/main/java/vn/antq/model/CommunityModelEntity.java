package vn.antq.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A self-management model (mô hình tự phòng, tự quản) running in one unit. */
@Entity
@Table(name = "community_model")
public class CommunityModelEntity extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(nullable = false)
  public String name;

  @Column(name = "type_id", nullable = false)
  public Long typeId;

  /** The field of the type, kept beside it for filtering. */
  @Column(name = "field_id", nullable = false)
  public Long fieldId;

  @Column(name = "unit_id", nullable = false)
  public Long unitId;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "lead_orgs", nullable = false)
  public String[] leadOrgs;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "target_communities", nullable = false)
  public String[] targetCommunities;

  @Column(name = "established_on", nullable = false)
  public LocalDate establishedOn;

  /** where it works (WGS 84), from a phone's GPS or a map; both or neither */
  public Double latitude;

  public Double longitude;

  @Column(name = "position_accuracy")
  public Double positionAccuracy;

  public String description;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public ModelStatus status;

  @Column(name = "status_since", nullable = false)
  public LocalDate statusSince;

  /** 1 commune, 2 province, 3 ministry: the highest recognition so far. */
  @Column(name = "ethnic_group_id")
  public Long ethnicGroupId;

  @Column(name = "religion_id")
  public Long religionId;

  @Column(name = "recognition_level")
  public Short recognitionLevel;

  @Column(name = "declared_teams")
  public Integer declaredTeams;

  @Column(name = "declared_members")
  public Integer declaredMembers;

  @Version public Long version;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;
}
