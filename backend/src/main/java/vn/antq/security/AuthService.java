package vn.antq.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Password sign-in with a lockout kept in the database (shared by every replica): from the third
 * wrong password in a row each further try must wait longer, the fifth locks the account for a
 * while. Unknown users, disabled and locked accounts all look the same to the caller.
 */
@ApplicationScoped
public class AuthService {
  /** A bcrypt hash of a random string, to spend the same time when the user does not exist. */
  private static final String DUMMY_HASH = BcryptUtil.bcryptHash(Secrets.randomToken(16), 12);

  static final int SLOWDOWN_FROM = 3;

  @ConfigProperty(name = "antq.auth.lockout.attempts", defaultValue = "5")
  int maxAttempts;

  @ConfigProperty(name = "antq.auth.lockout.duration", defaultValue = "PT15M")
  Duration lockDuration;

  @ConfigProperty(name = "antq.auth.slowdown.base", defaultValue = "PT2S")
  Duration slowdownBase;

  /** The user when the password is right and the account may sign in; null otherwise. */
  @Transactional(dontRollbackOn = RuntimeException.class)
  public UserEntity authenticate(String username, String password) {
    UserEntity user =
        UserEntity.find("username", username.trim())
            .withLock(LockModeType.PESSIMISTIC_WRITE)
            .firstResult();
    Instant now = Instant.now();
    if (user == null || !user.enabled || user.lockedAt(now)) {
      BcryptUtil.matches(password, DUMMY_HASH);
      return null;
    }
    if (!BcryptUtil.matches(password, user.passwordHash)) {
      user.failedAttempts++;
      if (user.failedAttempts >= maxAttempts) {
        user.lockedUntil = now.plus(lockDuration);
        user.failedAttempts = 0;
      } else if (user.failedAttempts >= SLOWDOWN_FROM) {
        long factor = 1L << (user.failedAttempts - SLOWDOWN_FROM);
        user.lockedUntil = now.plus(slowdownBase.multipliedBy(factor));
      }
      return null;
    }
    user.failedAttempts = 0;
    user.lockedUntil = null;
    user.lastLoginAt = now;
    return user;
  }

  public static String hash(String password) {
    return BcryptUtil.bcryptHash(password, 12);
  }
}
