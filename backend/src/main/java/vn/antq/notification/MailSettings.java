package vn.antq.notification;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * E-mail is off unless configured: {@code ANTQ_MAIL_ENABLED=true} and the SMTP server in {@code
 * QUARKUS_MAILER_*} (host, port, user name, password, from). Links in e-mails start with {@code
 * ANTQ_PUBLIC_URL}, the address people open the application at.
 */
@Singleton
public class MailSettings {
  @ConfigProperty(name = "antq.mail.enabled", defaultValue = "false")
  boolean enabled;

  @ConfigProperty(name = "antq.public-url", defaultValue = "http://localhost:8080")
  String publicUrl;

  @ConfigProperty(name = "antq.mail.poll", defaultValue = "PT5S")
  Duration poll;

  @ConfigProperty(name = "antq.mail.max-attempts", defaultValue = "8")
  int maxAttempts;

  @ConfigProperty(name = "antq.mail.retry-base", defaultValue = "PT30S")
  Duration retryBase;

  @ConfigProperty(name = "antq.mail.digest-interval", defaultValue = "P1D")
  Duration digestInterval;

  @ConfigProperty(name = "quarkus.mailer.from")
  Optional<String> from;

  public boolean enabled() {
    return enabled;
  }

  /** The absolute address of an SPA path. */
  public String link(String path) {
    String base =
        publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    return base + (path == null || path.isBlank() ? "/" : path);
  }

  /** The wait before attempt {@code attempts + 1}: doubling from the base, at most six hours. */
  public Duration backoff(int attempts) {
    long factor = 1L << Math.min(Math.max(attempts - 1, 0), 20);
    Duration d = retryBase.multipliedBy(factor);
    return d.compareTo(Duration.ofHours(6)) > 0 ? Duration.ofHours(6) : d;
  }
}
