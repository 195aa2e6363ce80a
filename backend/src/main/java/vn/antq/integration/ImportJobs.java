package vn.antq.integration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.antq.api.model.Violation;
import vn.antq.common.cluster.BackgroundThread;
import vn.antq.common.cluster.InstanceId;
import vn.antq.common.db.BulkSql;
import vn.antq.common.db.Rows;
import vn.antq.common.problem.ProblemException;
import vn.antq.security.ActingAs;
import vn.antq.security.Caller;

/**
 * Import jobs kept in PostgreSQL. Any instance's worker claims a queued job (or one whose lease ran
 * out because its instance died) with {@code FOR UPDATE SKIP LOCKED}, so each job runs on one
 * instance at a time and survives restarts: {@code partial} jobs go on from the last committed row
 * (progress commits with the rows), {@code all} jobs start again (their single transaction was
 * rolled back, nothing was applied).
 */
@ApplicationScoped
public class ImportJobs {
  private static final Logger LOG = Logger.getLogger(ImportJobs.class);
  public static final int MAX_ROWS = 100_000;
  static final int MAX_ATTEMPTS = 5;

  /** the rows of a finished job are kept this long (a dry run can be applied until then) */
  static final int ROWS_KEPT_DAYS = 7;

  @Inject EntityManager em;
  @Inject ImportEngine engine;
  @Inject Caller caller;
  @Inject ObjectMapper json;

  @ConfigProperty(name = "antq.jobs.enabled", defaultValue = "true")
  boolean enabled;

  @ConfigProperty(name = "antq.jobs.lease-seconds", defaultValue = "30")
  int leaseSeconds;

  @ConfigProperty(name = "antq.jobs.poll-millis", defaultValue = "1000")
  long pollMillis;

  @Inject InstanceId instance;
  private ScheduledExecutorService worker;

  public record Job(
      long id,
      String client,
      String resource,
      boolean partial,
      boolean dryRun,
      String state,
      String sourceName,
      int total,
      int done,
      ImportEngine.Counts counts,
      List<ImportEngine.RowResult> errors,
      String message,
      Instant createdAt,
      String createdBy,
      Instant startedAt,
      Instant finishedAt) {}

  /** records per stored row of a job (a JSON array): the set-based chunk of the worker */
  static final int STORED_CHUNK = ImportEngine.BULK_CHUNK;

  public record Page(List<Job> content, long total) {}

  // ------------------------------------------------------------------ submitting and reading

  /** Stores the job and its rows (one statement) and wakes the worker; rows keep their index. */
  public Job submit(
      ImportTarget t,
      List<ImportEngine.Row> rows,
      boolean partial,
      boolean dryRun,
      String sourceName) {
    if (rows.isEmpty()) {
      throw ProblemException.unprocessable("records", "Không có dòng nào để nhập");
    }
    if (rows.size() > MAX_ROWS) {
      throw ProblemException.unprocessable(
          "records", "Mỗi lần nhập tối đa " + MAX_ROWS + " dòng; hãy chia nhỏ tệp");
    }
    ActingAs actor = ActingAs.of(caller);
    String client = engine.client();
    long id =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  long jobId =
                      Rows.toLong(
                          em.createNativeQuery(
                                  "INSERT INTO import_job (client, resource, mode, dry_run,"
                                      + " state, source_name, total, actor_kind, actor_id,"
                                      + " actor_name, actor_role, actor_unit_id) VALUES (?1,"
                                      + " ?2, ?3, ?4, 'QUEUED', ?5, ?6, ?7, ?8, ?9, ?10, ?11)"
                                      + " RETURNING id")
                              .setParameter(1, client)
                              .setParameter(2, t.name())
                              .setParameter(3, partial ? "PARTIAL" : "ALL")
                              .setParameter(4, dryRun)
                              .setParameter(5, sourceName)
                              .setParameter(6, rows.size())
                              .setParameter(7, actor.kind())
                              .setParameter(8, actor.actorId())
                              .setParameter(9, actor.name())
                              .setParameter(10, actor.role())
                              .setParameter(11, actor.unitId())
                              .getSingleResult());
                  // a stored row holds a chunk of records (a JSON array, the worker's chunk):
                  // 100 rows for 100,000 records, kept as text (V20), in one batch
                  List<String> chunks = write(rows);
                  List<Object[]> stored = new ArrayList<>(chunks.size());
                  for (int c = 0; c < chunks.size(); c++) {
                    stored.add(
                        new Object[] {jobId, rows.get(c * STORED_CHUNK).index(), chunks.get(c)});
                  }
                  BulkSql.batch(
                      em,
                      "INSERT INTO import_job_row (job_id, idx, record) VALUES (?, ?, ?)",
                      stored);
                  return jobId;
                });
    wake();
    return get(id);
  }

  /** A new job applying the rows of a finished dry run. */
  public Job apply(long previewId) {
    Job preview = get(previewId);
    if (!preview.dryRun() || !"SUCCEEDED".equals(preview.state())) {
      throw ProblemException.conflict(null, "Chỉ lưu được một lần xem trước (dryRun) đã chạy xong");
    }
    ActingAs actor = ActingAs.of(caller);
    long id =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  long jobId =
                      Rows.toLong(
                          em.createNativeQuery(
                                  "INSERT INTO import_job (client, resource, mode, dry_run,"
                                      + " state, source_name, total, actor_kind, actor_id,"
                                      + " actor_name, actor_role, actor_unit_id) SELECT client,"
                                      + " resource, mode, false, 'QUEUED', source_name, total,"
                                      + " ?2, ?3, ?4, ?5, ?6 FROM import_job WHERE id = ?1"
                                      + " RETURNING id")
                              .setParameter(1, previewId)
                              .setParameter(2, actor.kind())
                              .setParameter(3, actor.actorId())
                              .setParameter(4, actor.name())
                              .setParameter(5, actor.role())
                              .setParameter(6, actor.unitId())
                              .getSingleResult());
                  // the records copied (a stored row holds one record, or a chunk of them)
                  int copied =
                      Rows.toInt(
                          em.createNativeQuery(
                                  "WITH c AS (INSERT INTO import_job_row (job_id, idx, record)"
                                      + " SELECT ?1, idx, record FROM import_job_row"
                                      + " WHERE job_id = ?2 RETURNING record)"
                                      + " SELECT coalesce(sum(CASE WHEN left(record, 1) ="
                                      + " '[' THEN json_array_length(CAST(record AS json))"
                                      + " ELSE 1 END), 0) FROM c")
                              .setParameter(1, jobId)
                              .setParameter(2, previewId)
                              .getSingleResult());
                  if (copied != preview.total()) {
                    throw ProblemException.conflict(
                        null,
                        "Bản xem trước này đã quá "
                            + ROWS_KEPT_DAYS
                            + " ngày nên không còn các dòng; hãy tải tệp lên lại");
                  }
                  return jobId;
                });
    wake();
    return get(id);
  }

  private static final String COLUMNS =
      "id, client, resource, mode, dry_run, state, source_name, total, done, created, updated,"
          + " unchanged, deleted, rejected, CAST(errors AS text), message, created_at, actor_name,"
          + " started_at, finished_at";

  /** A job of the caller's (any job for administrators); 404 otherwise. */
  public Job get(long id) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery("SELECT " + COLUMNS + " FROM import_job WHERE id = ?1")
            .setParameter(1, id)
            .getResultList();
    if (rows.isEmpty()) {
      throw ProblemException.notFound("Không tìm thấy tác vụ nhập " + id);
    }
    Job job = job(rows.get(0));
    if (!caller.isGlobal() && !job.client().equals(engine.client())) {
      throw ProblemException.notFound("Không tìm thấy tác vụ nhập " + id);
    }
    return job;
  }

  public Page list(int page, int size) {
    String where = caller.isGlobal() ? "" : " WHERE client = ?1";
    var count = em.createNativeQuery("SELECT count(*) FROM import_job" + where);
    var select =
        em.createNativeQuery(
            "SELECT "
                + COLUMNS
                + " FROM import_job"
                + where
                + " ORDER BY id DESC LIMIT "
                + size
                + " OFFSET "
                + ((long) page * size));
    if (!caller.isGlobal()) {
      count.setParameter(1, engine.client());
      select.setParameter(1, engine.client());
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = select.getResultList();
    return new Page(rows.stream().map(this::job).toList(), Rows.toLong(count.getSingleResult()));
  }

  private Job job(Object[] r) {
    return new Job(
        Rows.toLong(r[0]),
        (String) r[1],
        (String) r[2],
        "PARTIAL".equals(r[3]),
        (Boolean) r[4],
        (String) r[5],
        (String) r[6],
        Rows.toInt(r[7]),
        Rows.toInt(r[8]),
        new ImportEngine.Counts(
            Rows.toInt(r[7]),
            Rows.toInt(r[9]),
            Rows.toInt(r[10]),
            Rows.toInt(r[11]),
            Rows.toInt(r[12]),
            Rows.toInt(r[13])),
        readErrors((String) r[14]),
        (String) r[15],
        Rows.instant(r[16]),
        (String) r[17],
        Rows.instant(r[18]),
        Rows.instant(r[19]));
  }

  // ------------------------------------------------------------------ the worker

  void start(@Observes StartupEvent e) {
    if (!enabled) {
      return;
    }
    worker = BackgroundThread.start("antq-import-jobs");
    worker.scheduleWithFixedDelay(this::poll, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
  }

  /**
   * On shutdown the running job stops at its next chunk and stays RUNNING: its lease runs out and
   * an instance (this one restarted, or another) goes on with it.
   */
  void stop(@Observes ShutdownEvent e) {
    stopping = true;
    BackgroundThread.stop(worker, Duration.ofSeconds(10));
  }

  private volatile boolean stopping;

  /** Thrown at a chunk's end when the instance shuts down, to leave the job to be resumed. */
  private static final class Stopping extends RuntimeException {
    Stopping() {
      super("the instance is shutting down", null, false, false);
    }
  }

  private void wake() {
    if (worker != null) {
      worker.execute(this::poll);
    }
  }

  /** Runs every claimable job, one after the other (housekeeping is IntegrationHousekeeping). */
  void poll() {
    try {
      Long id;
      while (!stopping && (id = claim()) != null) {
        run(id);
      }
    } catch (RuntimeException e) {
      LOG.error("The import worker failed; it tries again at the next poll", e);
    }
  }

  /** Claims the oldest queued job, or a running one whose instance stopped renewing its lease. */
  Long claim() {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              @SuppressWarnings("unchecked")
              List<Object> ids =
                  em.createNativeQuery(
                          "UPDATE import_job SET state = 'RUNNING', lease_owner = ?1,"
                              + " lease_until = now() + make_interval(secs => ?2),"
                              + " attempts = attempts + 1, started_at = coalesce(started_at,"
                              + " now()) WHERE id = (SELECT id FROM import_job WHERE state ="
                              + " 'QUEUED' OR (state = 'RUNNING' AND lease_until < now()) ORDER"
                              + " BY id LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING id")
                      .setParameter(1, instance.value())
                      .setParameter(2, leaseSeconds)
                      .getResultList();
              return ids.isEmpty() ? null : Rows.toLong(ids.get(0));
            });
  }

  private void run(long id) {
    Object[] j =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    (Object[])
                        em.createNativeQuery(
                                "SELECT resource, mode, dry_run, done, attempts, actor_kind,"
                                    + " actor_id, actor_name, actor_role, actor_unit_id FROM"
                                    + " import_job WHERE id = ?1")
                            .setParameter(1, id)
                            .getSingleResult());
    boolean partial = "PARTIAL".equals(j[1]);
    boolean dryRun = (Boolean) j[2];
    int attempts = Rows.toInt(j[4]);
    if (attempts > MAX_ATTEMPTS) {
      finish(id, "FAILED", "Tác vụ bị gián đoạn " + MAX_ATTEMPTS + " lần; hãy gửi lại", null);
      return;
    }
    // only a partial job that writes keeps what it committed; everything else starts again
    java.util.BitSet finished =
        partial && !dryRun ? finished(id, Rows.toInt(j[3])) : new java.util.BitSet();
    if (finished.isEmpty()) {
      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                em.createNativeQuery(
                        "UPDATE import_job SET done = 0, created = 0, updated = 0, unchanged ="
                            + " 0, deleted = 0, rejected = 0, errors = '[]' WHERE id = ?1")
                    .setParameter(1, id)
                    .executeUpdate();
                em.createNativeQuery("DELETE FROM import_job_done WHERE job_id = ?1")
                    .setParameter(1, id)
                    .executeUpdate();
              });
    }
    ActingAs actor =
        new ActingAs(
            (String) j[5],
            j[6] == null ? null : Rows.toLong(j[6]),
            (String) j[7],
            (String) j[8],
            j[9] == null ? null : Rows.toLong(j[9]));
    ManagedContext request = Arc.container().requestContext();
    request.activate();
    try {
      Arc.container()
          .instance(CurrentIdentityAssociation.class)
          .get()
          .setIdentity(actor.identity());
      ImportTarget target = engine.target((String) j[0]);
      ImportEngine.Result result =
          engine.run(target, new StoredRows(id), partial, dryRun, finished, new JobProgress(id));
      if (dryRun) {
        List<ImportEngine.RowResult> all = result.rows();
        finishDryRun(id, all);
      } else if (!result.applied()) {
        List<ImportEngine.RowResult> bad =
            result.rows().stream()
                .filter(r -> r.outcome() == ImportEngine.Outcome.REJECTED)
                .toList();
        finish(
            id, "FAILED", "Có " + bad.size() + " dòng không hợp lệ; không dòng nào được lưu", bad);
      }
    } catch (RuntimeException e) {
      if (stopping) {
        LOG.infof("Import job %d left to be resumed: the instance is shutting down", id);
        return;
      }
      LOG.errorf(e, "Import job %d failed", id);
      finish(id, "FAILED", "Tác vụ dừng vì lỗi hệ thống; hãy báo cho quản trị viên", null);
    } finally {
      request.terminate();
    }
  }

  /**
   * The positions a job committed before it stopped: the ranges each commit recorded, or, for a job
   * stopped before ranges were recorded (one chunk after the other), its first {@code done} rows.
   */
  private java.util.BitSet finished(long id, int done) {
    @SuppressWarnings("unchecked")
    List<Object[]> ranges =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    em.createNativeQuery(
                            "SELECT from_pos, to_pos FROM import_job_done WHERE job_id = ?1")
                        .setParameter(1, id)
                        .getResultList());
    java.util.BitSet out = new java.util.BitSet();
    for (Object[] r : ranges) {
      out.set(Rows.toInt(r[0]), Rows.toInt(r[1]));
    }
    if (ranges.isEmpty() && done > 0) {
      out.set(0, done);
    }
    return out;
  }

  /**
   * Progress of a job: committed with the rows (several lanes may commit at once: the counts are
   * added, and the positions recorded for a resumed job), ticks on their own.
   */
  private final class JobProgress implements ImportEngine.Progress {
    private final long id;

    JobProgress(long id) {
      this.id = id;
    }

    @Override
    public void committed(int from, int end, List<ImportEngine.RowResult> rows) {
      if (stopping) {
        throw new Stopping();
      }
      ImportEngine.Counts c = ImportEngine.Counts.of(rows);
      List<ImportEngine.RowResult> bad =
          rows.stream().filter(r -> r.outcome() == ImportEngine.Outcome.REJECTED).toList();
      em.createNativeQuery(
              "INSERT INTO import_job_done (job_id, from_pos, to_pos) VALUES (?1, ?2, ?3)")
          .setParameter(1, id)
          .setParameter(2, from)
          .setParameter(3, end)
          .executeUpdate();
      // the job's row last: lanes wait for each other's commit here only
      int n =
          em.createNativeQuery(
                  "UPDATE import_job SET done = least(total, done + ?2), created = created + ?3,"
                      + " updated = updated + ?4, unchanged = unchanged + ?5, deleted = deleted +"
                      + " ?6, rejected = rejected + ?7, errors = CASE WHEN"
                      + " jsonb_array_length(errors) < ?8 THEN errors || CAST(?9 AS jsonb) ELSE"
                      + " errors END, lease_until = now() + make_interval(secs => ?10),"
                      + " state = CASE WHEN done + ?2 >= total THEN 'SUCCEEDED' ELSE state END,"
                      + " finished_at = CASE WHEN done + ?2 >= total THEN now() END"
                      + " WHERE id = ?1 AND lease_owner = ?11")
              .setParameter(1, id)
              .setParameter(2, end - from)
              .setParameter(3, c.created())
              .setParameter(4, c.updated())
              .setParameter(5, c.unchanged())
              .setParameter(6, c.deleted())
              .setParameter(7, c.rejected())
              .setParameter(8, ImportEngine.MAX_REPORTED)
              .setParameter(9, writeResults(bad))
              .setParameter(10, leaseSeconds)
              .setParameter(11, instance.value())
              .executeUpdate();
      if (n == 0) {
        throw new IllegalStateException("Import job " + id + " was taken over by another worker");
      }
    }

    @Override
    public void tick(int done) {
      if (stopping) {
        throw new Stopping();
      }
      QuarkusTransaction.requiringNew()
          .run(
              () ->
                  em.createNativeQuery(
                          "UPDATE import_job SET done = ?2, lease_until = now() +"
                              + " make_interval(secs => ?3) WHERE id = ?1 AND lease_owner = ?4")
                      .setParameter(1, id)
                      .setParameter(2, done)
                      .setParameter(3, leaseSeconds)
                      .setParameter(4, instance.value())
                      .executeUpdate());
    }
  }

  private void finishDryRun(long id, List<ImportEngine.RowResult> all) {
    ImportEngine.Counts c = ImportEngine.Counts.of(all);
    List<ImportEngine.RowResult> bad =
        all.stream().filter(r -> r.outcome() == ImportEngine.Outcome.REJECTED).toList();
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "UPDATE import_job SET state = 'SUCCEEDED', done = total, created = ?2,"
                            + " updated = ?3, unchanged = ?4, deleted = ?5, rejected = ?6,"
                            + " errors = CAST(?7 AS jsonb), finished_at = now() WHERE id = ?1")
                    .setParameter(1, id)
                    .setParameter(2, c.created())
                    .setParameter(3, c.updated())
                    .setParameter(4, c.unchanged())
                    .setParameter(5, c.deleted())
                    .setParameter(6, c.rejected())
                    .setParameter(7, writeResults(bad))
                    .executeUpdate());
  }

  private void finish(long id, String state, String message, List<ImportEngine.RowResult> bad) {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "UPDATE import_job SET state = ?2, message = ?3, finished_at = now(),"
                            + " rejected = ?4, errors = CAST(?5 AS jsonb),"
                            + " done = CASE WHEN ?6 THEN total ELSE done END WHERE id = ?1")
                    .setParameter(1, id)
                    .setParameter(2, state)
                    .setParameter(3, message)
                    .setParameter(4, bad == null ? 0 : bad.size())
                    .setParameter(5, writeResults(bad == null ? List.of() : bad))
                    .setParameter(6, bad != null)
                    .executeUpdate());
  }

  // ------------------------------------------------------------------ rows as JSON

  /**
   * A job's stored rows as the engine reads them: the text of every stored row is read once (a
   * chunk of records, or one record for jobs stored before chunks), their indexes and external ids
   * are picked out without building the records, and a block's records are built when it is
   * applied.
   */
  private final class StoredRows implements ImportEngine.Source {
    private final List<String> stored;

    /** position of the first record of each stored row, and the count after the last */
    private final int[] starts;

    private final List<ImportEngine.Row> heads;

    StoredRows(long id) {
      @SuppressWarnings("unchecked")
      List<Object> raw =
          QuarkusTransaction.requiringNew()
              .call(
                  () ->
                      em.createNativeQuery(
                              "SELECT record FROM import_job_row WHERE job_id = ?1 ORDER BY idx")
                          .setParameter(1, id)
                          .getResultList());
      stored = raw.stream().map(String.class::cast).toList();
      List<List<ImportEngine.Row>> parts =
          java.util.stream.IntStream.range(0, stored.size())
              .parallel()
              .mapToObj(i -> headsOf(stored.get(i)))
              .toList();
      starts = new int[stored.size() + 1];
      List<ImportEngine.Row> all = new ArrayList<>();
      for (int i = 0; i < parts.size(); i++) {
        starts[i] = all.size();
        all.addAll(parts.get(i));
      }
      starts[parts.size()] = all.size();
      heads = all;
    }

    @Override
    public List<ImportEngine.Row> heads() {
      return heads;
    }

    @Override
    public List<ImportEngine.Row> load(int from, int to) {
      if (to <= from) {
        return List.of();
      }
      // the stored rows holding positions [from, to), parsed on all cores
      int first = storedRowOf(from);
      int last = storedRowOf(to - 1);
      int base = starts[first];
      List<List<ImportEngine.Row>> parsed =
          java.util.stream.IntStream.rangeClosed(first, last)
              .parallel()
              .mapToObj(i -> parse(stored.get(i)))
              .toList();
      List<ImportEngine.Row> rows = new ArrayList<>(starts[last + 1] - base);
      parsed.forEach(rows::addAll);
      return rows.subList(from - base, to - base);
    }

    /** The stored row holding the record at this position. */
    private int storedRowOf(int position) {
      int i = java.util.Arrays.binarySearch(starts, 0, stored.size(), position);
      return i >= 0 ? i : -i - 2;
    }
  }

  /** The index and external id of each record of a stored row, its data skipped. */
  private List<ImportEngine.Row> headsOf(String text) {
    try (com.fasterxml.jackson.core.JsonParser p = json.getFactory().createParser(text)) {
      List<ImportEngine.Row> out = new ArrayList<>();
      com.fasterxml.jackson.core.JsonToken top = p.nextToken();
      if (top == com.fasterxml.jackson.core.JsonToken.START_ARRAY) {
        while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
          out.add(head(p));
        }
      } else {
        out.add(head(p));
      }
      return out;
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One record's index and external id; the parser is on its START_OBJECT. */
  private static ImportEngine.Row head(com.fasterxml.jackson.core.JsonParser p)
      throws java.io.IOException {
    int index = 0;
    String externalId = null;
    while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
      String field = p.currentName();
      com.fasterxml.jackson.core.JsonToken value = p.nextToken();
      if ("index".equals(field)) {
        index = p.getIntValue();
      } else if ("externalId".equals(field)) {
        externalId = value == com.fasterxml.jackson.core.JsonToken.VALUE_NULL ? null : p.getText();
      } else {
        p.skipChildren();
      }
    }
    return new ImportEngine.Row(index, externalId, null, false, null);
  }

  /** A stored row: a chunk of records (an array), or one record (jobs stored before chunks). */
  private List<ImportEngine.Row> parse(String text) {
    try {
      List<Map<String, Object>> records =
          text.startsWith("[")
              ? json.readValue(text, new TypeReference<List<Map<String, Object>>>() {})
              : List.of(json.readValue(text, new TypeReference<Map<String, Object>>() {}));
      List<ImportEngine.Row> rows = new ArrayList<>(records.size());
      for (Map<String, Object> m : records) {
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) m.get("data");
        rows.add(
            new ImportEngine.Row(
                Rows.toInt(m.get("index")),
                (String) m.get("externalId"),
                m.get("version") == null ? null : Rows.toLong(m.get("version")),
                Boolean.TRUE.equals(m.get("deleted")),
                data));
      }
      return rows;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The rows as the JSON kept in {@code import_job_row.record}: arrays of up to {@value
   * #STORED_CHUNK} records, each record with its index.
   */
  private List<String> write(List<ImportEngine.Row> rows) {
    // chunk by chunk on all cores (accepting a job is the client's wait)
    return java.util.stream.IntStream.range(0, (rows.size() + STORED_CHUNK - 1) / STORED_CHUNK)
        .parallel()
        .mapToObj(
            c -> {
              List<Map<String, Object>> chunk = new ArrayList<>(STORED_CHUNK);
              int from = c * STORED_CHUNK;
              for (ImportEngine.Row r :
                  rows.subList(from, Math.min(rows.size(), from + STORED_CHUNK))) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("index", r.index());
                m.put("externalId", r.externalId());
                m.put("version", r.version());
                m.put("deleted", r.deleted());
                m.put("data", r.data());
                chunk.add(m);
              }
              try {
                return json.writeValueAsString(chunk);
              } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
              }
            })
        .toList();
  }

  private String writeResults(List<ImportEngine.RowResult> rows) {
    try {
      return json.writeValueAsString(
          rows.size() > ImportEngine.MAX_REPORTED
              ? rows.subList(0, ImportEngine.MAX_REPORTED)
              : rows);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<ImportEngine.RowResult> readErrors(String text) {
    try {
      List<Map<String, Object>> raw = json.readValue(text, new TypeReference<>() {});
      List<ImportEngine.RowResult> out = new ArrayList<>(raw.size());
      for (Map<String, Object> m : raw) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> vs = (List<Map<String, Object>>) m.get("violations");
        List<Violation> violations =
            vs == null
                ? List.of()
                : vs.stream()
                    .map(
                        v ->
                            ProblemException.violation(
                                String.valueOf(v.get("field")), String.valueOf(v.get("message"))))
                    .toList();
        out.add(
            new ImportEngine.RowResult(
                Rows.toInt(m.get("index")),
                (String) m.get("externalId"),
                ImportEngine.Outcome.valueOf((String) m.get("outcome")),
                null,
                null,
                violations));
      }
      // lanes commit their chunks in any order
      out.sort(java.util.Comparator.comparingInt(ImportEngine.RowResult::index));
      return out;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
