package vn.antq.security;

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

@Entity
@Table(name = "app_user")
public class UserEntity extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(columnDefinition = "citext")
  public String username;

  @Column(name = "full_name")
  public String fullName;

  @Column(name = "password_hash")
  public String passwordHash;

  @Enumerated(EnumType.STRING)
  public Role role;

  @Column(name = "unit_id")
  public Long unitId;

  public boolean enabled = true;

  @Column(name = "failed_attempts")
  public int failedAttempts;

  @Column(name = "locked_until")
  public Instant lockedUntil;

  @Column(name = "last_login_at")
  public Instant lastLoginAt;

  @Version public Long version;

  @Column(name = "created_at")
  public Instant createdAt;

  @Column(name = "updated_at")
  public Instant updatedAt;

  public boolean lockedAt(Instant now) {
    return lockedUntil != null && lockedUntil.isAfter(now);
  }
}
