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

/** A person on a team's roster (personal data: Luật 91/2025/QH15). */
@Entity
@Table(name = "member")
public class MemberEntity extends PanacheEntityBase {
  public enum Gender {
    MALE,
    FEMALE
  }

  public enum Role {
    LEADER,
    DEPUTY,
    MEMBER
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "team_id", nullable = false)
  public Long teamId;

  @Column(name = "model_id", nullable = false)
  public Long modelId;

  @Column(name = "full_name", nullable = false)
  public String fullName;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Gender gender;

  @Column(name = "birth_year")
  public Short birthYear;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Role role;

  public String phone;

  public String address;

  @Column(name = "joined_on")
  public LocalDate joinedOn;

  @Column(name = "left_on")
  public LocalDate leftOn;

  @Version public Long version;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  /** Still on the roster on the given day. */
  public boolean currentOn(LocalDate day) {
    return leftOn == null || leftOn.isAfter(day);
  }
}
