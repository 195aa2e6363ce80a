package vn.antq.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * A real SMTP server (GreenMail) on a free loopback port for every {@code @QuarkusTest}: the
 * application's mailer sends to it as it would to the province's server. Tests may stop it (the
 * server is down) and start it again on the same port.
 */
@QuarkusTestResource(GreenMailResource.class)
public class GreenMailResource implements QuarkusTestResourceLifecycleManager {
  private static volatile GreenMail server;
  private static int port;

  @Override
  public Map<String, String> start() {
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    up();
    return Map.of(
        "quarkus.mailer.host", "127.0.0.1",
        "quarkus.mailer.port", String.valueOf(port),
        "quarkus.mailer.start-tls", "DISABLED",
        "quarkus.mailer.from", "ANTQ <antq@antq.example.vn>");
  }

  @Override
  public void stop() {
    down();
  }

  /** The running server (started if it was stopped). */
  public static synchronized GreenMail server() {
    if (server == null) {
      up();
    }
    return server;
  }

  public static synchronized void up() {
    if (server == null) {
      GreenMail g = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      g.start();
      server = g;
    }
  }

  /** The server goes away: connections to its port are refused. */
  public static synchronized void down() {
    if (server != null) {
      server.stop();
      server = null;
    }
  }
}
