package vn.antq.integration;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import vn.antq.common.db.BulkSql;
import vn.antq.common.db.Rows;
import vn.antq.common.problem.ProblemException;
import vn.antq.security.ActingAs;
import vn.antq.security.Caller;

/**
 * Import jobs kept in PostgreSQL: submitted here with their rows, run by {@link ImportWorker} on
 * any instance, read back by the client that submitted them (administrators read every job).
 */
@ApplicationScoped
public class ImportJobs {
  public static final int MAX_ROWS = 100_000;

  /** the rows of a finished job are kept this long (a dry run can be applied until then) */
  static final int ROWS_KEPT_DAYS = 7;

  @Inject EntityManager em;
  @Inject ImportEngine engine;
  @Inject Caller caller;
  @Inject JobRows stored;
  @Inject ImportWorker worker;

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
                  List<String> chunks = stored.write(rows);
                  List<Object[]> stored = new ArrayList<>(chunks.size());
                  for (int c = 0; c < chunks.size(); c++) {
                    stored.add(
                        new Object[] {
                          jobId, rows.get(c * JobRows.STORED_CHUNK).index(), chunks.get(c)
                        });
                  }
                  BulkSql.batch(
                      em,
                      "INSERT INTO import_job_row (job_id, idx, record) VALUES (?, ?, ?)",
                      stored);
                  return jobId;
                });
    worker.wake();
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
    worker.wake();
    return get(id);
  }

  private static final String COLUMNS =
      "id, client, resource, mode, dry_run, state, source_name, total, done, created, updated,"
          + " unchanged, deleted, rejected, CAST(errors AS text), message, created_at, actor_name,"
          + " started_at, finished_at";

  /** A job of the caller's (any job for administrators); 404 otherwise. */
  public Job get(long id) {
    List<Job> found =
        Rows.map(
            em.createNativeQuery("SELECT " + COLUMNS + " FROM import_job WHERE id = ?1")
                .setParameter(1, id),
            this::job);
    if (found.isEmpty()) {
      throw ProblemException.notFound("Không tìm thấy tác vụ nhập " + id);
    }
    Job job = found.get(0);
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
    return new Page(Rows.map(select, this::job), Rows.toLong(count.getSingleResult()));
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
        stored.readErrors((String) r[14]),
        (String) r[15],
        Rows.instant(r[16]),
        (String) r[17],
        Rows.instant(r[18]),
        Rows.instant(r[19]));
  }
}
