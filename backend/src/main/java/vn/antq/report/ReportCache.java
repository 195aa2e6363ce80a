package vn.antq.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;
import org.jboss.logging.Logger;
import vn.antq.api.model.ReportSummary;
import vn.antq.common.db.ReadDatabase;

/**
 * Summary reports kept in PostgreSQL ({@code report_cache}) and served again while nothing they
 * count has changed, by any instance.
 *
 * <p>A report is kept with the snapshot of the reports database taken before its figures were read,
 * and with the provinces whose rows it may count (those of every unit ever placed under the unit or
 * a unit it succeeded, and of their predecessors; the country's report: all). Every write to a
 * table a report reads records its transaction under the province of the row ({@code
 * report_change}, by triggers). The kept report is served while no transaction recorded for its
 * provinces, or for all (units, catalogues), has committed outside its snapshot: the answer is the
 * one a new computation would give. One instance computes a report once at a time however many ask
 * for it together.
 *
 * <p>A computed report is answered at once and kept afterwards, on another thread: finding its
 * provinces and writing it took ≈ 6 ms of a 35 ms province report, and the answer does not depend
 * on them. Until it is written, those who ask for the same report on this instance have it computed
 * anew, not given the one being kept (only the kept row's snapshot and provinces can tell whether
 * it is still current for them); a report that could not be kept is computed again next time. Its
 * provinces are those of a kept report of the same unit while that one is current (the map has not
 * changed since), worked out otherwise.
 */
@ApplicationScoped
public class ReportCache {
  private static final Logger LOG = Logger.getLogger(ReportCache.class);

  @Inject AgroalDataSource primary;
  @Inject ReadDatabase reads;
  @Inject ObjectMapper json;
  @Inject ReportMaps maps;

  @ConfigProperty(name = "antq.reports.cache", defaultValue = "true")
  boolean enabled;

  /** Reports computed by this build only: another build may shape or count them differently. */
  private String build;

  /** Reports being computed, or computed and not yet kept, by key. */
  private final Map<String, CompletableFuture<byte[]>> computing = new ConcurrentHashMap<>();

  /** Keeps computed reports after they were answered; no context travels (plain JDBC writes). */
  private ManagedExecutor keeper;

  @PostConstruct
  void init() {
    build = fingerprint();
    keeper =
        ManagedExecutor.builder()
            .propagated(ThreadContext.NONE)
            .cleared(ThreadContext.ALL_REMAINING)
            .maxAsync(1)
            .maxQueued(KEEP_QUEUE)
            .build();
  }

  @PreDestroy
  void close() {
    keeper.shutdown();
  }

  /** Reports waiting to be kept at most; more are answered and not kept (computed next time). */
  static final int KEEP_QUEUE = 64;

  /** Whether no report is being computed or waiting to be kept on this instance. */
  public boolean idle() {
    return computing.isEmpty();
  }

  /** The report's JSON: the kept one while it is current, otherwise computed and kept. */
  public byte[] json(String key, Long unitId, Supplier<ReportSummary> compute) {
    if (!enabled) {
      return write(compute.get());
    }
    String fullKey = build + "|" + key;
    byte[] kept = current(fullKey);
    if (kept != null) {
      return kept;
    }
    CompletableFuture<byte[]> mine = new CompletableFuture<>();
    CompletableFuture<byte[]> running = computing.putIfAbsent(fullKey, mine);
    if (running != null && !running.isDone()) {
      try {
        return running.join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : e;
      }
    }
    if (running != null) {
      // computed and being kept: something may have changed since it was read, and only the kept
      // one tells (its snapshot and provinces), so this answer is computed anew and not kept
      return write(compute.get());
    }
    byte[] body;
    try {
      // taken before any figure is read: a change committed after it makes the report stale
      String snapshot =
          (String) reads.query("SELECT CAST(pg_current_snapshot() AS text)", Map.of()).get(0)[0];
      body = write(compute.get());
      mine.complete(body);
      keepLater(fullKey, unitId, snapshot, body, mine);
    } catch (RuntimeException e) {
      mine.completeExceptionally(e);
      computing.remove(fullKey, mine);
      throw e;
    }
    return body;
  }

  /** Keeps the report on the keeper's thread; it stays in {@link #computing} until then. */
  private void keepLater(
      String key, Long unitId, String snapshot, byte[] body, CompletableFuture<byte[]> mine) {
    try {
      keeper.runAsync(
          () -> {
            try {
              keep(key, unitId, snapshot, body);
            } finally {
              computing.remove(key, mine);
            }
          });
    } catch (RejectedExecutionException e) {
      computing.remove(key, mine);
      LOG.debugf("Too many reports waiting to be kept: %s is not", key);
    }
  }

  public ReportSummary summary(String key, Long unitId, Supplier<ReportSummary> compute) {
    try {
      return json.readValue(json(key, unitId, compute), ReportSummary.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void keep(String key, Long unitId, String snapshot, byte[] body) {
    List<Long> provinces;
    try {
      provinces = unitId == null ? null : provincesOf(key, unitId);
    } catch (RuntimeException e) {
      LOG.warnf("A report could not be kept (%s)", e.getMessage());
      return;
    }
    try (Connection c = primary.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO report_cache (key, snapshot, provinces, body, unit_id)"
                    + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET"
                    + " snapshot = EXCLUDED.snapshot, provinces = EXCLUDED.provinces,"
                    + " body = EXCLUDED.body, unit_id = EXCLUDED.unit_id, computed_at = now()")) {
      ps.setString(1, key);
      ps.setString(2, snapshot);
      ps.setArray(3, provinces == null ? null : c.createArrayOf("bigint", provinces.toArray()));
      ps.setBytes(4, body);
      ps.setObject(5, unitId, java.sql.Types.BIGINT);
      ps.executeUpdate();
    } catch (SQLException e) {
      // the answer stands; the next request computes it again
      LOG.warnf("A report could not be kept (%s %s)", e.getSQLState(), e.getMessage());
    }
  }

  /** The kept report under {@code key} if nothing it counts changed since, otherwise null. */
  private byte[] current(String key) {
    String snapshot;
    Long[] provinces;
    byte[] body;
    try (Connection c = primary.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT snapshot, provinces, body FROM report_cache WHERE key = ?")) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        snapshot = rs.getString(1);
        java.sql.Array a = rs.getArray(2);
        provinces = a == null ? null : (Long[]) a.getArray();
        body = rs.getBytes(3);
      }
    } catch (SQLException e) {
      LOG.debugf("Kept reports unreadable (%s %s): computed", e.getSQLState(), e.getMessage());
      return null;
    }
    return changedSince(snapshot, provinces) ? null : body;
  }

  /**
   * The provinces whose rows the unit's reports may count: those of a report of the unit kept by
   * this build that nothing has made stale, otherwise worked out ({@link ReportMaps#provincesEver},
   * ≈ 24 ms of SQL for a province of 3,000 units on the national dataset, where the report's own
   * statements take ≈ 30). Every change to units, their placements and their lineage is recorded
   * for all provinces, so a report still current was kept on the same map as today's: its provinces
   * are the ones worked out today.
   */
  private List<Long> provincesOf(String key, long unitId) {
    String snapshot = null;
    Long[] provinces = null;
    String sameBuild = key.substring(0, key.indexOf('|') + 1);
    try (Connection c = primary.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT snapshot, provinces FROM report_cache WHERE unit_id = ?"
                    + " AND provinces IS NOT NULL AND left(key, ?) = ?"
                    + " ORDER BY computed_at DESC LIMIT 1")) {
      ps.setLong(1, unitId);
      ps.setInt(2, sameBuild.length());
      ps.setString(3, sameBuild);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          snapshot = rs.getString(1);
          provinces = (Long[]) rs.getArray(2).getArray();
        }
      }
    } catch (SQLException e) {
      LOG.debugf("Kept reports unreadable (%s %s)", e.getSQLState(), e.getMessage());
    }
    return provinces != null && !changedSince(snapshot, provinces)
        ? List.of(provinces)
        : maps.provincesEver(unitId);
  }

  /**
   * Whether a transaction recorded for one of the provinces (all when null) or for all has
   * committed outside the snapshot.
   */
  private boolean changedSince(String snapshot, Long[] provinces) {
    Map<String, Object> params = new HashMap<>();
    params.put("snapshot", snapshot);
    String where = "";
    if (provinces != null) {
      // province 0: a change that may touch every report
      List<Long> ids = new java.util.ArrayList<>(List.of(provinces));
      ids.add(0L);
      params.put("provinces", ids);
      where = " AND c.province_id IN (:provinces)";
    }
    boolean changed =
        (Boolean)
            reads.query(
                    "SELECT EXISTS (SELECT 1 FROM report_change c"
                        + " WHERE c.xid >= pg_snapshot_xmin(CAST(:snapshot AS pg_snapshot))"
                        + where
                        + " AND NOT pg_visible_in_snapshot(c.xid, CAST(:snapshot AS pg_snapshot)))",
                    params)
                .get(0)[0];
    return changed;
  }

  private byte[] write(ReportSummary summary) {
    try {
      return json.writeValueAsBytes(summary);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The CRC of the application's own archive, or of this start when it runs from classes. */
  private static String fingerprint() {
    try {
      Path code =
          Path.of(ReportCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isRegularFile(code)) {
        CRC32 crc = new CRC32();
        try (InputStream in = Files.newInputStream(code)) {
          byte[] buffer = new byte[1 << 16];
          for (int n; (n = in.read(buffer)) > 0; ) {
            crc.update(buffer, 0, n);
          }
        }
        return Long.toHexString(crc.getValue());
      }
    } catch (IOException | URISyntaxException | RuntimeException e) {
      LOG.debugf("No archive to fingerprint (%s): reports kept for this start only", e);
    }
    return "start-" + Long.toHexString(System.currentTimeMillis());
  }
}
