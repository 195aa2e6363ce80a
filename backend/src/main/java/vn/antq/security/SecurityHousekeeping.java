package vn.antq.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.antq.common.cluster.ScheduledTask;

/**
 * Rows that no longer decide anything go, once per cluster: revocations of access tokens that have
 * expired anyway, refresh tokens a day past their expiry (kept a day so that a late reuse is still
 * recognised as one), and rate-limit windows older than an hour.
 */
@ApplicationScoped
public class SecurityHousekeeping implements ScheduledTask {
  @Inject EntityManager em;

  @ConfigProperty(name = "antq.housekeeping.interval", defaultValue = "PT1H")
  Duration interval;

  @Override
  public String name() {
    return "security-housekeeping";
  }

  @Override
  public Duration interval() {
    return interval;
  }

  @Override
  public String run() {
    int revoked =
        em.createNativeQuery("DELETE FROM revoked_access_token WHERE expires_at < now()")
            .executeUpdate();
    int refresh =
        em.createNativeQuery(
                "DELETE FROM refresh_token WHERE expires_at < now() - interval '1 day'")
            .executeUpdate();
    int windows =
        em.createNativeQuery(
                "DELETE FROM rate_limit WHERE window_start < now() - interval '1 hour'")
            .executeUpdate();
    return revoked
        + " thu hồi token đã hết hạn, "
        + refresh
        + " refresh token hết hạn, "
        + windows
        + " cửa sổ giới hạn tần suất cũ đã xóa";
  }
}
