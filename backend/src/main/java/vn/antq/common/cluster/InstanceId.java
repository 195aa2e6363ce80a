package vn.antq.common.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The name this instance gives itself in shared state (job leases, scheduled runs): {@code
 * ANTQ_INSTANCE_ID} when set (a pod's name), else host name, process id and a random suffix, so
 * that a restarted process is never taken for the one before it.
 */
@ApplicationScoped
public class InstanceId {
  /** the width of the columns that keep it ({@code import_job.lease_owner}) */
  static final int MAX_LENGTH = 80;

  private final String value;

  InstanceId(@ConfigProperty(name = "antq.instance-id") java.util.Optional<String> configured) {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String value =
        configured
            .filter(s -> !s.isBlank())
            .map(s -> s.strip() + "/" + suffix)
            .orElseGet(() -> host() + "/" + ProcessHandle.current().pid() + "/" + suffix);
    if (value.length() > MAX_LENGTH) {
      value = value.substring(value.length() - MAX_LENGTH);
    }
    this.value = value;
  }

  public String value() {
    return value;
  }

  @Override
  public String toString() {
    return value;
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown-host";
    }
  }
}
