package vn.antq.common.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * A real PostgreSQL 17 (zonky binaries) for running the app without an installed database and for
 * tests. Durable: fsync and synchronous commit are on, so data survives a crash of the JVM.
 */
public final class EmbeddedDatabase implements AutoCloseable {
  public static final String USER = "postgres";
  private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);

  /** The running server; replaced by {@link #restart} when it stopped by itself. */
  private volatile EmbeddedPostgres postgres;

  /** Its data directory, kept for a restart (null for a temporary one). */
  private final Path dataDir;

  private volatile boolean closed;

  /** A start running beside Quarkus's own (see {@link #startBeside}); null when none. */
  private static volatile CompletableFuture<EmbeddedDatabase> starting;

  private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDir) {
    this.postgres = postgres;
    this.dataDir = dataDir;
  }

  /**
   * Starts PostgreSQL on a data directory that is kept across restarts.
   *
   * @param dataDir where the cluster lives; created with initdb when empty
   * @param port the port, or 0 for any free port
   */
  public static EmbeddedDatabase start(Path dataDir, int port) {
    return new EmbeddedDatabase(startServer(dataDir, port), dataDir);
  }

  private static EmbeddedPostgres startServer(Path dataDir, int port) {
    try {
      Files.createDirectories(dataDir);
      stopStaleServer(dataDir);
      // stopped by AntqMain once Quarkus has shut down: the library's own shutdown hook stopped
      // it at the same time, so the last writes of a graceful stop (the heartbeat row, an import
      // job's hand-over) failed with "An I/O error occurred while sending to the backend"
      EmbeddedPostgres.Builder builder =
          builder()
              .setDataDirectory(dataDir)
              .setCleanDataDirectory(false)
              .setRegisterShutdownHook(false);
      if (port > 0) {
        builder.setPort(port);
      }
      return builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("Không khởi động được PostgreSQL nhúng tại " + dataDir, e);
    }
  }

  /**
   * Whether the directory already holds a cluster: then nothing has to be written into it before
   * PostgreSQL is up, and the start can run beside Quarkus's ({@link #startBeside}).
   */
  public static boolean initialised(Path dataDir) {
    return Files.isRegularFile(dataDir.resolve("PG_VERSION"));
  }

  /**
   * Starts PostgreSQL on an existing cluster on another thread, so that the JVM loads and
   * initialises the application (≈ 1 s of it before the first connection) while zonky checks its
   * binaries and PostgreSQL recovers and opens its port. The first connection waits for it: Flyway
   * asks {@link #awaitStart} first ({@code EmbeddedDatabaseGate}).
   *
   * @param port a port chosen beforehand, so that the JDBC URL is known at once
   */
  public static CompletableFuture<EmbeddedDatabase> startBeside(Path dataDir, int port) {
    CompletableFuture<EmbeddedDatabase> f = new CompletableFuture<>();
    Thread t =
        new Thread(
            () -> {
              try {
                f.complete(start(dataDir, port));
              } catch (Throwable e) {
                f.completeExceptionally(e);
              }
            },
            "antq-embedded-pg-start");
    t.setDaemon(true);
    starting = f;
    t.start();
    return f;
  }

  /** Waits for a start begun by {@link #startBeside}; returns at once when there is none. */
  public static void awaitStart() {
    CompletableFuture<EmbeddedDatabase> f = starting;
    if (f == null) {
      return;
    }
    try {
      f.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  /** Forgets a start begun by {@link #startBeside} (tests that start one of their own). */
  static void forgetStart() {
    starting = null;
  }

  /** A port free on the loopback interface now (PostgreSQL takes it a moment later). */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("Không tìm được cổng trống cho PostgreSQL nhúng", e);
    }
  }

  public static String jdbcUrl(int port) {
    return "jdbc:postgresql://localhost:" + port + "/postgres";
  }

  /** Starts a throwaway PostgreSQL in a temporary directory (tests). */
  public static EmbeddedDatabase startTemporary() {
    try {
      return new EmbeddedDatabase(builder().start(), null);
    } catch (IOException e) {
      throw new UncheckedIOException("Không khởi động được PostgreSQL nhúng", e);
    }
  }

  private static EmbeddedPostgres.Builder builder() {
    return EmbeddedPostgres.builder()
        .setPGStartupWait(Duration.ofSeconds(60))
        // builtin C.UTF-8: lower()/upper() handle Vietnamese letters (Đ, Ẵ …) correctly
        .setLocaleConfig("locale-provider", "builtin")
        .setLocaleConfig("builtin-locale", "C.UTF-8")
        .setLocaleConfig("encoding", "UTF8")
        .setServerConfig("fsync", "on")
        .setServerConfig("synchronous_commit", "on")
        .setServerConfig("full_page_writes", "on")
        .setServerConfig("timezone", "UTC")
        .setServerConfig("max_connections", "100");
  }

  /**
   * A JVM killed with -9 leaves its PostgreSQL running, holding postmaster.pid: stop it so this
   * start can take the data directory over.
   */
  static void stopStaleServer(Path dataDir) {
    Path pidFile = dataDir.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    try {
      List<String> lines = Files.readAllLines(pidFile);
      if (lines.isEmpty()) {
        return;
      }
      long pid = Long.parseLong(lines.get(0).trim());
      Optional<ProcessHandle> handle = ProcessHandle.of(pid);
      if (handle.isEmpty() || !handle.get().isAlive()) {
        return;
      }
      String command = handle.get().info().command().orElse("");
      if (!command.contains("postgres")) {
        return; // the pid was reused by an unrelated process; PostgreSQL will handle its pid file
      }
      LOG.warnf("Stopping a PostgreSQL left running by an earlier run (pid %d)", pid);
      handle.get().destroy(); // SIGTERM: smart shutdown, the dead JVM has no sessions left
      try {
        handle.get().onExit().get(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        handle.get().destroyForcibly();
        handle.get().onExit().get(10, TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      LOG.warnf("Could not inspect %s: %s", pidFile, e.getMessage());
    }
  }

  public String jdbcUrl() {
    return jdbcUrl(postgres.getPort());
  }

  public int port() {
    return postgres.getPort();
  }

  /**
   * Whether the server's postmaster still runs. zonky starts it through {@code pg_ctl}, so it is
   * not a child of this JVM: its pid is read from postmaster.pid, and on Linux a zombie (killed,
   * not yet reaped by init) counts as stopped.
   */
  public boolean running() {
    long pid = postmasterPid();
    if (pid <= 0) {
      return false;
    }
    Path stat = Path.of("/proc", Long.toString(pid), "stat");
    if (Files.isDirectory(Path.of("/proc", "self"))) {
      try {
        String line = Files.readString(stat);
        char state = line.charAt(line.lastIndexOf(')') + 2);
        return state != 'Z' && state != 'X';
      } catch (IOException | RuntimeException e) {
        return false;
      }
    }
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  private long postmasterPid() {
    try {
      List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"));
      return lines.isEmpty() ? -1 : Long.parseLong(lines.get(0).trim());
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
  }

  public boolean isClosed() {
    return closed;
  }

  /**
   * Starts the server again on the same data directory and port after it stopped by itself: what
   * the old one left (its lock, a stale postmaster.pid) is released first; PostgreSQL's crash
   * recovery replays its log, so every committed transaction is there.
   *
   * @throws UncheckedIOException when it does not start (the caller tries again later)
   * @throws IllegalStateException when this database was closed meanwhile
   */
  public synchronized void restart() {
    if (closed) {
      throw new IllegalStateException("closed");
    }
    if (dataDir == null) {
      throw new IllegalStateException("a temporary database is not restarted");
    }
    int port = postgres.getPort();
    try {
      postgres.close(); // releases zonky's lock on the directory; its pg_ctl stop finds no server
    } catch (IOException e) {
      LOG.debugf("Closing the stopped server: %s", e.getMessage());
    }
    postgres = startServer(dataDir, port);
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      postgres.close();
    } catch (IOException e) {
      LOG.warnf("Stopping embedded PostgreSQL failed: %s", e.getMessage());
    }
  }
}
