package vn.antq.security;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.antq.common.audit.AuditService;
import vn.antq.common.db.Rows;
import vn.antq.common.problem.ProblemException;
import vn.antq.common.web.Etags;

/** Accounts of people: created and changed by administrators, every change audited. */
@ApplicationScoped
public class UserService {
  @Inject EntityManager em;
  @Inject UnitDirectory units;
  @Inject AuditService audit;
  @Inject TokenService tokens;
  @Inject OidcSettings oidc;

  /** What an administrator asks to create or change. */
  public record UserCommand(
      String username,
      String fullName,
      Role role,
      Long unitId,
      String password,
      Boolean enabled,
      boolean unlock) {}

  public record PageResult(List<UserEntity> content, long total) {}

  @Transactional(Transactional.TxType.SUPPORTS)
  public PageResult list(String q, int page, int size) {
    PanacheQuery<UserEntity> query;
    Sort sort = Sort.by("username");
    if (q == null || q.isBlank()) {
      query = UserEntity.findAll(sort);
    } else {
      String like = "%" + q.trim().toLowerCase(java.util.Locale.ROOT) + "%";
      query =
          UserEntity.find(
              "lower(cast(username as string)) like ?1 or lower(fullName) like ?1", sort, like);
    }
    return new PageResult(query.page(Page.of(page, size)).list(), query.count());
  }

  @Transactional
  public UserEntity create(UserCommand cmd) {
    checkRoleAndUnit(cmd.role(), cmd.unitId());
    if (UserEntity.count("username", cmd.username().trim()) > 0) {
      throw ProblemException.conflict("username", "Tên đăng nhập đã được dùng");
    }
    UserEntity user = new UserEntity();
    user.username = cmd.username().trim();
    user.fullName = cmd.fullName().trim();
    user.role = cmd.role();
    user.unitId = cmd.role() == Role.ADMIN ? null : cmd.unitId();
    if (cmd.password() != null) {
      user.passwordHash = AuthService.hash(cmd.password());
    } else if (oidc.enabled()) {
      // people sign in at the OpenID Connect provider: no password of ours can ever match
      user.passwordHash = AuthService.hash(Secrets.randomToken(32));
    } else {
      throw ProblemException.badRequest("password", "Nhập mật khẩu (ít nhất 10 ký tự)");
    }
    user.enabled = true;
    user.createdAt = Instant.now();
    user.updatedAt = user.createdAt;
    user.persist();
    audit.record("USER", user.id, "CREATE", AuditService.diff(null, snapshot(user)), null);
    return user;
  }

  @Transactional
  public UserEntity update(long id, long expectedVersion, UserCommand cmd) {
    UserEntity user = UserEntity.findById(id);
    if (user == null) {
      throw ProblemException.notFound("Không tìm thấy tài khoản " + id);
    }
    Etags.check(expectedVersion, user.version);
    checkRoleAndUnit(cmd.role(), cmd.unitId());
    Map<String, Object> before = snapshot(user);
    user.fullName = cmd.fullName().trim();
    user.role = cmd.role();
    user.unitId = cmd.role() == Role.ADMIN ? null : cmd.unitId();
    user.enabled = cmd.enabled() == null || cmd.enabled();
    Map<String, AuditService.Change> changes = AuditService.diff(before, snapshot(user));
    if (cmd.password() != null) {
      user.passwordHash = AuthService.hash(cmd.password());
      changes.put("password", new AuditService.Change(null, "đã đặt lại"));
    }
    if (cmd.unlock() && (user.lockedUntil != null || user.failedAttempts > 0)) {
      user.lockedUntil = null;
      user.failedAttempts = 0;
      changes.put("locked", new AuditService.Change(true, false));
    }
    user.updatedAt = Instant.now();
    if (!user.enabled || cmd.password() != null) {
      // a disabled account or a new password ends every session
      tokens.revokeAllOf(user.id);
    }
    audit.record("USER", user.id, "UPDATE", changes, null);
    return user;
  }

  /**
   * Records that the person is using ANTQ (with an OpenID Connect provider there is no sign-in
   * here): at most once a minute per account, so ordinary requests do not write.
   */
  public void noteSignIn(UserEntity user) {
    Instant now = Instant.now();
    if (user.lastLoginAt == null || user.lastLoginAt.isBefore(now.minusSeconds(60))) {
      QuarkusTransaction.requiringNew()
          .run(
              () ->
                  UserEntity.update(
                      "lastLoginAt = ?1 where id = ?2 and (lastLoginAt is null or lastLoginAt < ?3)",
                      now,
                      user.id,
                      now.minusSeconds(60)));
    }
  }

  /** Creates an account unless one with that name exists (start-up: first admin, demo accounts). */
  @Transactional
  public boolean ensure(String username, String fullName, Role role, Long unitId, String password) {
    // SQL, not a Panache (HQL) count: at start-up this is the only query, and the first HQL query
    // of an instance sets up Hibernate's query parser (≈ 100 ms of the start, docs/performance.md
    // T5), which the first request that needs it can do
    if (!em.createNativeQuery("SELECT 1 FROM app_user WHERE username = :u")
        .setParameter("u", username)
        .getResultList()
        .isEmpty()) {
      return false;
    }
    create(new UserCommand(username, fullName, role, unitId, password, true, false));
    return true;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean exists(long id) {
    return UserEntity.count("id", id) > 0;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public long count() {
    return Rows.toLong(em.createNativeQuery("SELECT count(*) FROM app_user").getSingleResult());
  }

  private void checkRoleAndUnit(Role role, Long unitId) {
    if (!role.isForPeople()) {
      throw ProblemException.unprocessable(
          "role", "Vai trò INTEGRATION dành cho khóa API, không gán cho người dùng");
    }
    if (role != Role.ADMIN) {
      if (unitId == null) {
        throw ProblemException.unprocessable("unitId", "Chọn đơn vị của tài khoản");
      }
      if (!units.exists(unitId)) {
        throw ProblemException.unprocessable("unitId", "Không tìm thấy đơn vị " + unitId);
      }
    }
  }

  private static Map<String, Object> snapshot(UserEntity u) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("username", u.username);
    m.put("fullName", u.fullName);
    m.put("role", u.role == null ? null : u.role.name());
    m.put("unitId", u.unitId);
    m.put("enabled", u.enabled);
    return m;
  }
}
