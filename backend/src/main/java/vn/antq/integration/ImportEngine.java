package vn.antq.integration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.antq.api.model.Violation;
import vn.antq.common.db.BulkSql;
import vn.antq.common.db.Rows;
import vn.antq.common.problem.ProblemException;
import vn.antq.security.Caller;

/**
 * Applies pushed records through the owning feature's service. A record is known by (client,
 * resource, externalId): sending it again updates it (or leaves it alone when nothing changed),
 * never creates a second one.
 *
 * <p>Transactions: {@code all} runs the batch in one transaction — a failing row rolls everything
 * back, and the rest are then checked on their own so the answer lists every bad row. {@code
 * partial} runs chunks of {@value #CHUNK} rows per transaction ({@value #BULK_CHUNK} for a {@link
 * BulkImportTarget}, whose new rows are created together); when a row fails, the chunk is rolled
 * back, the rows before it are applied again in a fresh transaction and the failing row is recorded
 * as rejected, so each row is applied or rejected on its own at no more than twice the work.
 */
@ApplicationScoped
public class ImportEngine {
  private static final org.jboss.logging.Logger LOG =
      org.jboss.logging.Logger.getLogger(ImportEngine.class);
  public static final int CHUNK = 200;

  /**
   * rows per chunk when new records are created set-based: a chunk costs a few statements whatever
   * its size, and a row the rules refuse is rejected without rolling the chunk back
   */
  public static final int BULK_CHUNK = 1000;

  /** rows reported with their problems at most */
  public static final int MAX_REPORTED = 1000;

  @Inject EntityManager em;
  @Inject ObjectMapper json;
  @Inject Validator validator;
  @Inject @Any Instance<ImportTarget> targets;
  @Inject Caller caller;
  @Inject Instance<CurrentIdentityAssociation> identities;

  /** threads applying a partial import's blocks side by side (1: one after the other) */
  @ConfigProperty(name = "antq.import.lanes", defaultValue = "2")
  int lanes;

  private ExecutorService pool;
  private ObjectMapper canonical;

  public enum Outcome {
    CREATED,
    UPDATED,
    UNCHANGED,
    DELETED,
    REJECTED,
    NOT_APPLIED
  }

  /** One pushed record; {@code index} is its place in the batch (or its line in a file). */
  public record Row(
      int index, String externalId, Long version, boolean deleted, Map<String, Object> data) {}

  public record RowResult(
      int index,
      String externalId,
      Outcome outcome,
      Long id,
      Long version,
      List<Violation> violations) {}

  public record Counts(
      int total, int created, int updated, int unchanged, int deleted, int rejected) {
    static Counts of(List<RowResult> rows) {
      Map<Outcome, Long> by =
          rows.stream().collect(Collectors.groupingBy(RowResult::outcome, Collectors.counting()));
      return new Counts(
          rows.size(),
          by.getOrDefault(Outcome.CREATED, 0L).intValue(),
          by.getOrDefault(Outcome.UPDATED, 0L).intValue(),
          by.getOrDefault(Outcome.UNCHANGED, 0L).intValue(),
          by.getOrDefault(Outcome.DELETED, 0L).intValue(),
          by.getOrDefault(Outcome.REJECTED, 0L).intValue());
    }
  }

  public record Result(boolean applied, List<RowResult> rows) {
    public Counts counts() {
      return Counts.of(rows);
    }
  }

  /**
   * Hooks for a job: {@code committed} runs inside the transaction that applies the rows it is
   * given — positions {@code [from, end)} of the batch, answered by {@code rows} — so progress and
   * data commit together (on several threads at once when the batch is applied in parallel); {@code
   * tick} reports rows checked but not (yet) committed and must run in a transaction of its own.
   */
  public interface Progress {
    Progress NONE =
        new Progress() {
          @Override
          public void committed(int from, int end, List<RowResult> rows) {}

          @Override
          public void tick(int done) {}
        };

    void committed(int from, int end, List<RowResult> rows);

    void tick(int done);
  }

  /** A row checked and converted, ready to apply. */
  private record Prepared(Row row, Object input, String hash, List<Violation> problems) {}

  /** Ends a dry run's transaction by rolling it back, carrying what the rows would have done. */
  private static final class DryRun extends RuntimeException {
    final transient List<RowResult> rows;

    DryRun(List<RowResult> rows) {
      super(null, null, false, false);
      this.rows = rows;
    }
  }

  /** The set-based path failed in the database: the chunk is applied again one row at a time. */
  private static final class BulkFailed extends RuntimeException {
    BulkFailed(RuntimeException cause) {
      super(null, cause, false, false);
    }
  }

  private static final class RowFailed extends RuntimeException {
    final int position;
    final transient List<Violation> violations;

    RowFailed(int position, List<Violation> violations) {
      super(null, null, false, false);
      this.position = position;
      this.violations = violations;
    }
  }

  @jakarta.annotation.PostConstruct
  void init() {
    canonical = json.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
  }

  // ------------------------------------------------------------------ who and what

  /** The pushing client: an API key or a person, whose external ids are their own. */
  public String client() {
    Long id = caller.actorId();
    return caller.kind() + ":" + (id != null ? id.toString() : caller.actorName());
  }

  public ImportTarget target(String name) {
    for (ImportTarget t : targets) {
      if (t.name().equals(name)) {
        return t;
      }
    }
    throw ProblemException.badRequest(
        "resource",
        "Loại bản ghi \"" + name + "\" không nhập được; chọn models, events hoặc awards");
  }

  public List<String> names() {
    return targets.stream().map(ImportTarget::name).sorted().toList();
  }

  // ------------------------------------------------------------------ running

  /** Runs the whole batch; see the class comment for the transactions. */
  public Result run(ImportTarget t, List<Row> rows, boolean partial, boolean dryRun) {
    return run(t, rows, partial, dryRun, new BitSet(), Progress.NONE);
  }

  /**
   * A job's rows, read when they are needed: their indexes and external ids first (to find the ids
   * sent twice), then each block's records as its lane comes to it. A job of 100,000 rows then
   * holds a few blocks of records and their checked inputs at a time instead of all of them.
   */
  public interface Source {
    /** every row in order, with its index and external id (data not needed) */
    List<Row> heads();

    /** rows at positions [from, to), in full */
    List<Row> load(int from, int to);
  }

  /**
   * {@link #run(ImportTarget, List, boolean, boolean, BitSet, Progress)} over rows read from a
   * {@link Source}: block by block when the run applies blocks side by side, all at once otherwise.
   */
  public Result run(
      ImportTarget t, Source source, boolean partial, boolean dryRun, BitSet finished, Progress p) {
    if (!partial || dryRun || !(t instanceof BulkImportTarget) || lanes < 2) {
      List<Row> heads = source.heads();
      return run(t, source.load(0, heads.size()), partial, dryRun, finished, p);
    }
    String client = client();
    List<Row> heads = source.heads();
    List<List<Violation>> idProblems = idProblems(heads);
    Prepared[] slots = new Prepared[heads.size()];
    BlockLoader loader =
        new BlockLoader() {
          @Override
          public void load(int from, int to) {
            List<Row> rows = source.load(from, to);
            for (int k = 0; k < rows.size(); k++) {
              slots[from + k] = prepare(t, rows.get(k), idProblems.get(from + k));
            }
          }

          @Override
          public void unload(int from, int to) {
            java.util.Arrays.fill(slots, from, to, null);
          }
        };
    return new Result(
        true, runPartial(t, client, java.util.Arrays.asList(slots), finished, false, p, loader));
  }

  /** Fills a block's rows before a lane applies them, and lets them go after. */
  private interface BlockLoader {
    BlockLoader NONE =
        new BlockLoader() {
          @Override
          public void load(int from, int to) {}

          @Override
          public void unload(int from, int to) {}
        };

    void load(int from, int to);

    void unload(int from, int to);
  }

  /**
   * Runs the rows whose positions are not in {@code finished} (a resumed job: those were committed
   * before).
   */
  public Result run(
      ImportTarget t,
      List<Row> rows,
      boolean partial,
      boolean dryRun,
      BitSet finished,
      Progress p) {
    String client = client();
    List<Prepared> prepared = prepareAll(t, rows);
    List<RowResult> results = new ArrayList<>();
    if (partial) {
      results.addAll(runPartial(t, client, prepared, finished, dryRun, p, BlockLoader.NONE));
      return new Result(!dryRun, results);
    }
    List<RowResult> invalid =
        prepared.stream().filter(x -> !x.problems().isEmpty()).map(ImportEngine::rejected).toList();
    if (!invalid.isEmpty()) {
      return new Result(false, notApplied(prepared, invalid));
    }
    try {
      List<RowResult> done = runAll(t, client, prepared, dryRun, p, t instanceof BulkImportTarget);
      return new Result(true, done);
    } catch (RuntimeException e) {
      DryRun dry = find(e, DryRun.class);
      if (dry != null) {
        return new Result(false, dry.rows);
      }
      RowFailed f = rowFailure(e);
      List<RowResult> bad = new ArrayList<>();
      Prepared failed = prepared.get(f.position);
      bad.add(rejected(failed, f.violations));
      // the batch is lost: check the remaining rows on their own, to answer every problem at once
      List<Prepared> rest = prepared.subList(f.position + 1, prepared.size());
      for (RowResult r :
          runPartial(t, client, rest, new BitSet(), true, Progress.NONE, BlockLoader.NONE)) {
        if (r.outcome() == Outcome.REJECTED) {
          bad.add(r);
        }
      }
      return new Result(false, notApplied(prepared, bad));
    }
  }

  /**
   * The whole batch in one transaction, chunk by chunk; one by one if the set-based path failed.
   */
  private List<RowResult> runAll(
      ImportTarget t,
      String client,
      List<Prepared> prepared,
      boolean dryRun,
      Progress p,
      boolean bulk) {
    try {
      return QuarkusTransaction.requiringNew()
          .timeout(3600)
          .call(
              () -> {
                List<RowResult> out = new ArrayList<>(prepared.size());
                int chunk = bulk ? BULK_CHUNK : CHUNK;
                for (int from = 0; from < prepared.size(); from += chunk) {
                  int end = Math.min(prepared.size(), from + chunk);
                  out.addAll(applyChunk(t, client, prepared, from, end, 0, dryRun, bulk, false));
                  em.flush();
                  em.clear();
                  if (end < prepared.size()) {
                    p.tick(end);
                  }
                }
                if (dryRun) {
                  throw new DryRun(out);
                }
                p.committed(0, prepared.size(), out);
                return out;
              });
    } catch (RuntimeException e) {
      if (bulk && find(e, BulkFailed.class) != null) {
        LOG.warnf("Set-based create failed (%s); applying the batch one row at a time", cause(e));
        return runAll(t, client, prepared, dryRun, p, false);
      }
      throw e;
    }
  }

  /** The innermost message of a failure, for the log. */
  private static String cause(Throwable e) {
    Throwable c = e;
    while (c.getCause() != null && c.getCause() != c) {
      c = c.getCause();
    }
    return c.getMessage();
  }

  private static RowFailed rowFailure(RuntimeException e) {
    RowFailed f = find(e, RowFailed.class);
    if (f == null) {
      throw e;
    }
    return f;
  }

  private static <T extends Throwable> T find(Throwable e, Class<T> type) {
    for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (type.isInstance(c)) {
        return type.cast(c);
      }
    }
    return null;
  }

  private List<RowResult> notApplied(List<Prepared> all, List<RowResult> rejected) {
    Map<Integer, RowResult> bad =
        rejected.stream().collect(Collectors.toMap(RowResult::index, r -> r, (a, b) -> a));
    List<RowResult> out = new ArrayList<>(all.size());
    for (Prepared x : all) {
      RowResult r = bad.get(x.row().index());
      out.add(
          r != null
              ? r
              : new RowResult(
                  x.row().index(), x.row().externalId(), Outcome.NOT_APPLIED, null, null, null));
    }
    return out;
  }

  /**
   * A partial run, block by block: a block is a chunk's worth of rows ({@value #BULK_CHUNK} for a
   * {@link BulkImportTarget}, {@value #CHUNK} otherwise) applied in its own transactions, from its
   * first row not yet {@code finished}. The blocks of a set-based target that writes are applied by
   * {@link #lanes} threads side by side (the database's work for a chunk is most of an import's
   * time, and one connection keeps one core busy); the others one after the other.
   */
  private List<RowResult> runPartial(
      ImportTarget t,
      String client,
      List<Prepared> rows,
      BitSet finished,
      boolean dryRun,
      Progress p,
      BlockLoader loader) {
    boolean bulk = t instanceof BulkImportTarget;
    int size = bulk ? BULK_CHUNK : CHUNK;
    List<int[]> blocks = new ArrayList<>();
    for (int b = 0; b < rows.size(); b += size) {
      int end = Math.min(rows.size(), b + size);
      int first = finished.nextClearBit(b);
      if (first < end) {
        blocks.add(new int[] {first, end});
      }
    }
    if (!bulk || dryRun || lanes < 2 || blocks.size() < 2) {
      List<RowResult> out = new ArrayList<>(rows.size());
      for (int[] b : blocks) {
        loader.load(b[0], b[1]);
        try {
          out.addAll(runBlock(t, client, rows, b[0], b[1], dryRun, p));
        } finally {
          loader.unload(b[0], b[1]);
        }
      }
      return out;
    }
    return runSideBySide(t, client, rows, blocks, p, loader);
  }

  /**
   * The blocks on {@link #lanes} threads (this one and lanes − 1 of {@link #pool}), each lane
   * taking the next block left; the caller's identity goes with them. A failing lane stops the
   * others at their next block; the first failure is thrown once every lane has stopped.
   */
  private List<RowResult> runSideBySide(
      ImportTarget t,
      String client,
      List<Prepared> rows,
      List<int[]> blocks,
      Progress p,
      BlockLoader loader) {
    SecurityIdentity who = identities.get().getIdentity();
    AtomicInteger next = new AtomicInteger();
    AtomicReference<RuntimeException> failed = new AtomicReference<>();
    @SuppressWarnings("unchecked")
    List<RowResult>[] done = new List[blocks.size()];
    Runnable lane =
        () -> {
          int b;
          while (failed.get() == null && (b = next.getAndIncrement()) < blocks.size()) {
            int from = blocks.get(b)[0];
            int end = blocks.get(b)[1];
            try {
              loader.load(from, end);
              done[b] = runBlock(t, client, rows, from, end, false, p);
            } catch (RuntimeException e) {
              failed.compareAndSet(null, e);
            } finally {
              loader.unload(from, end);
            }
          }
        };
    List<Future<?>> others = new ArrayList<>();
    for (int l = 1; l < Math.min(lanes, blocks.size()); l++) {
      others.add(
          pool()
              .submit(
                  () -> {
                    ManagedContext request = Arc.container().requestContext();
                    request.activate();
                    try {
                      identities.get().setIdentity(who);
                      lane.run();
                    } finally {
                      request.terminate();
                    }
                  }));
    }
    lane.run();
    for (Future<?> f : others) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failed.compareAndSet(null, new IllegalStateException("interrupted", e));
      } catch (ExecutionException e) {
        failed.compareAndSet(
            null, e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e));
      }
    }
    if (failed.get() != null) {
      throw failed.get();
    }
    List<RowResult> out = new ArrayList<>(rows.size());
    for (List<RowResult> d : done) {
      out.addAll(d);
    }
    return out;
  }

  private synchronized ExecutorService pool() {
    if (pool == null) {
      AtomicInteger n = new AtomicInteger();
      pool =
          Executors.newCachedThreadPool(
              r -> {
                Thread th = new Thread(r, "antq-import-lane-" + n.incrementAndGet());
                th.setDaemon(true);
                return th;
              });
    }
    return pool;
  }

  @PreDestroy
  synchronized void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }

  /** How many times a chunk the database aborted to break a deadlock is applied again. */
  static final int TRANSIENT_RETRIES = 5;

  /**
   * Rows [from, limit) in chunks, each in its own transaction; a failing row is rejected on its own
   * (see the class comment). A chunk the database aborted to break a deadlock (two writers waiting
   * for each other) is applied again: it wrote nothing, and its rows are not at fault.
   */
  private List<RowResult> runBlock(
      ImportTarget t,
      String client,
      List<Prepared> rows,
      int from0,
      int limit,
      boolean dryRun,
      Progress p) {
    List<RowResult> out = new ArrayList<>(limit - from0);
    int i = from0;
    int retries = 0;
    while (i < limit) {
      int end = Math.min(limit, i + (t instanceof BulkImportTarget ? BULK_CHUNK : CHUNK));
      int from = i;
      try {
        List<RowResult> chunk = applyRangeOrOneByOne(t, client, rows, from, end, dryRun, p, null);
        out.addAll(chunk);
        i = end;
      } catch (RuntimeException e) {
        if (transientFailure(e) && retries++ < TRANSIENT_RETRIES) {
          LOG.infof(
              "Rows %d to %d met another writer (%s); applying them again",
              from, end - 1, cause(e));
          continue;
        }
        RowFailed f = rowFailure(e);
        int failedAt = from + f.position;
        RowResult bad = rejected(rows.get(failedAt), f.violations);
        // the rows before the failing one again, with the failure recorded in the same transaction
        try {
          out.addAll(applyRangeOrOneByOne(t, client, rows, from, failedAt, dryRun, p, bad));
          out.add(bad);
          i = failedAt + 1;
        } catch (RuntimeException again) {
          if (transientFailure(again) && retries++ < TRANSIENT_RETRIES) {
            continue;
          }
          // something changed under us: the next turn of the loop finds the row that fails now
          rowFailure(again);
        }
      }
    }
    return out;
  }

  /** A deadlock or serialization failure: the transaction was aborted, trying again may work. */
  static boolean transientFailure(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof java.sql.SQLException q
          && ("40P01".equals(q.getSQLState()) || "40001".equals(q.getSQLState()))) {
        return true;
      }
    }
    return false;
  }

  /** {@link #applyRange}, set-based when the target can; one by one if that failed. */
  private List<RowResult> applyRangeOrOneByOne(
      ImportTarget t,
      String client,
      List<Prepared> rows,
      int from,
      int end,
      boolean dryRun,
      Progress p,
      RowResult extra) {
    boolean bulk = t instanceof BulkImportTarget;
    try {
      return applyRange(t, client, rows, from, end, dryRun, p, extra, bulk);
    } catch (RuntimeException e) {
      if (bulk && find(e, BulkFailed.class) != null && !transientFailure(e)) {
        LOG.warnf(
            "Set-based create failed (%s); applying rows %d to %d one at a time",
            cause(e), from, end - 1);
        return applyRange(t, client, rows, from, end, dryRun, p, extra, false);
      }
      throw e;
    }
  }

  /**
   * Applies rows [from, end) in one transaction (rolled back on a dry run); {@code extra}, a row
   * rejected right after them, is counted in the same transaction. Throws {@link RowFailed} with
   * the position relative to {@code from}.
   */
  private List<RowResult> applyRange(
      ImportTarget t,
      String client,
      List<Prepared> rows,
      int from,
      int end,
      boolean dryRun,
      Progress p,
      RowResult extra,
      boolean bulk) {
    try {
      return applyRangeOrRollBack(t, client, rows, from, end, dryRun, p, extra, bulk);
    } catch (RuntimeException e) {
      DryRun dry = find(e, DryRun.class);
      if (dry == null) {
        throw e;
      }
      p.tick(extra == null ? end : end + 1);
      return dry.rows;
    }
  }

  private List<RowResult> applyRangeOrRollBack(
      ImportTarget t,
      String client,
      List<Prepared> rows,
      int from,
      int end,
      boolean dryRun,
      Progress p,
      RowResult extra,
      boolean bulk) {
    return QuarkusTransaction.requiringNew()
        .timeout(600)
        .call(
            () -> {
              List<RowResult> out =
                  applyChunk(t, client, rows, from, end, from, dryRun, bulk, true);
              List<RowResult> counted = out;
              if (extra != null) {
                counted = new ArrayList<>(out);
                counted.add(extra);
              }
              if (dryRun) {
                throw new DryRun(out);
              }
              p.committed(from, extra == null ? end : end + 1, counted);
              return out;
            });
  }

  /**
   * Applies rows [from, end) in the current transaction, answering in their order: the records
   * already pushed are found with one query; with {@code bulk}, the new ones are created together
   * by the target's set-based path ({@link BulkImportTarget}) and their external ids written with
   * one statement; the rest go one by one. A row that fails throws {@link RowFailed} (position
   * {@code i - base}), except a new row refused by the set-based path in a {@code partial} run,
   * which is answered as rejected (it wrote nothing). Throws {@link BulkFailed} when the set-based
   * path failed in the database.
   */
  private List<RowResult> applyChunk(
      ImportTarget t,
      String client,
      List<Prepared> rows,
      int from,
      int end,
      int base,
      boolean dryRun,
      boolean bulk,
      boolean partial) {
    RowResult[] out = new RowResult[end - from];
    List<String> exts = new ArrayList<>(end - from);
    for (int i = from; i < end; i++) {
      if (rows.get(i).problems().isEmpty()) {
        exts.add(externalId(rows.get(i)));
      }
    }
    Map<String, Object[]> refs = lookupAll(client, t.resource(), exts);
    List<Integer> creates = new ArrayList<>();
    for (int i = from; i < end; i++) {
      Prepared x = rows.get(i);
      if (!x.problems().isEmpty()) {
        out[i - from] = rejected(x);
        continue;
      }
      Object[] ref = refs.get(externalId(x));
      if (bulk && ref == null && !x.row().deleted()) {
        creates.add(i);
        continue;
      }
      out[i - from] = applyOrFail(t, client, x, ref, i - base, dryRun);
    }
    if (!creates.isEmpty()) {
      createAll((BulkImportTarget) t, client, rows, creates, out, from, base, dryRun, partial);
    }
    return java.util.Arrays.asList(out);
  }

  private void createAll(
      BulkImportTarget t,
      String client,
      List<Prepared> rows,
      List<Integer> creates,
      RowResult[] out,
      int from,
      int base,
      boolean dryRun,
      boolean partial) {
    List<BulkImportTarget.Created> made;
    try {
      made = t.createAll(creates.stream().map(i -> rows.get(i).input()).toList());
      em.flush();
    } catch (RuntimeException e) {
      throw new BulkFailed(e);
    }
    List<Object> exts = new ArrayList<>(creates.size());
    List<Object> ids = new ArrayList<>(creates.size());
    List<Object> hashes = new ArrayList<>(creates.size());
    List<Object> versions = new ArrayList<>(creates.size());
    for (int k = 0; k < creates.size(); k++) {
      int i = creates.get(k);
      Prepared x = rows.get(i);
      BulkImportTarget.Created c = made.get(k);
      if (c.problem() != null) {
        List<Violation> problems = RowProblems.of(c.problem());
        if (!partial) {
          throw new RowFailed(i - base, problems);
        }
        out[i - from] = rejected(x, problems);
        continue;
      }
      exts.add(externalId(x));
      ids.add(c.id());
      hashes.add(x.hash());
      versions.add(c.version());
      out[i - from] =
          dryRun
              ? new RowResult(x.row().index(), externalId(x), Outcome.CREATED, null, null, null)
              : result(x.row(), Outcome.CREATED, c.id(), c.version());
    }
    if (exts.isEmpty()) {
      return;
    }
    try {
      BulkSql.execute(
          em,
          "INSERT INTO external_ref (client, resource, external_id, entity_id, data_hash,"
              + " entity_version) SELECT CAST(? AS text), CAST(? AS text), u.*"
              + " FROM unnest(?, ?, ?, ?) AS u"
              + " ON CONFLICT (client, resource, external_id) DO UPDATE SET"
              + " entity_id = EXCLUDED.entity_id, data_hash = EXCLUDED.data_hash,"
              + " entity_version = EXCLUDED.entity_version, updated_at = now()",
          client,
          t.resource(),
          BulkSql.Column.of("text", exts),
          BulkSql.Column.of("int8", ids),
          BulkSql.Column.of("text", hashes),
          BulkSql.Column.of("int8", versions));
    } catch (RuntimeException e) {
      throw new BulkFailed(e);
    }
  }

  private static String externalId(Prepared x) {
    return x.row().externalId().trim();
  }

  private RowResult applyOrFail(
      ImportTarget t, String client, Prepared x, Object[] ref, int position, boolean dryRun) {
    try {
      RowResult r = apply(t, client, x, ref);
      em.flush();
      if (dryRun && r.outcome() == Outcome.CREATED) {
        return new RowResult(r.index(), r.externalId(), r.outcome(), null, null, null);
      }
      return r;
    } catch (RuntimeException e) {
      if (transientFailure(e)) {
        throw e;
      }
      throw new RowFailed(position, RowProblems.of(e));
    }
  }

  private static RowResult rejected(Prepared x) {
    return rejected(x, x.problems());
  }

  private static RowResult rejected(Prepared x, List<Violation> problems) {
    return new RowResult(
        x.row().index(), x.row().externalId(), Outcome.REJECTED, null, null, problems);
  }

  // ------------------------------------------------------------------ one row

  /**
   * Every row checked on its own: external ids in order (the first of two equal ids wins), then the
   * data converted, validated and hashed on all cores (pure computation, row by row).
   */
  private List<Prepared> prepareAll(ImportTarget t, List<Row> rows) {
    List<List<Violation>> idProblems = idProblems(rows);
    return java.util.stream.IntStream.range(0, rows.size())
        .parallel()
        .mapToObj(i -> prepare(t, rows.get(i), idProblems.get(i)))
        .toList();
  }

  /** Each row's problems with its external id: missing, too long, or sent earlier in the batch. */
  private static List<List<Violation>> idProblems(List<Row> rows) {
    List<List<Violation>> idProblems = new ArrayList<>(rows.size());
    Map<String, Integer> seen = new HashMap<>();
    for (Row r : rows) {
      List<Violation> problems = new ArrayList<>(0);
      String ext = r.externalId() == null ? "" : r.externalId().trim();
      if (ext.isEmpty() || ext.length() > 100) {
        problems.add(RowProblems.violation("externalId", "Mã bản ghi bắt buộc, tối đa 100 ký tự"));
      } else {
        Integer first = seen.putIfAbsent(ext, r.index());
        if (first != null) {
          problems.add(
              RowProblems.violation(
                  "externalId", "Mã \"" + ext + "\" đã có ở bản ghi " + first + " trong cùng lô"));
        }
      }
      idProblems.add(problems);
    }
    return idProblems;
  }

  private Prepared prepare(ImportTarget t, Row r, List<Violation> idProblems) {
    List<Violation> problems = new ArrayList<>(idProblems);
    if (r.deleted()) {
      String why = t.notDeletable();
      if (why != null) {
        problems.add(RowProblems.violation("deleted", why));
      }
      return new Prepared(r, null, "", problems);
    }
    if (r.data() == null) {
      problems.add(RowProblems.violation("data", "Thiếu nội dung bản ghi"));
      return new Prepared(r, null, "", problems);
    }
    Object input = null;
    try {
      input = json.convertValue(r.data(), t.inputType());
    } catch (IllegalArgumentException e) {
      problems.add(conversionProblem(e));
    }
    if (input != null) {
      for (ConstraintViolation<Object> v : validator.validate(input)) {
        problems.add(RowProblems.violation("data." + v.getPropertyPath(), v.getMessage()));
      }
    }
    problems.sort(Comparator.comparing(Violation::getField));
    return new Prepared(r, input, hash(r.data()), problems);
  }

  private static Violation conversionProblem(IllegalArgumentException e) {
    if (e.getCause() instanceof JsonMappingException m) {
      String field =
          m.getPath().stream()
              .map(
                  ref ->
                      ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
              .collect(Collectors.joining("."))
              .replace(".[", "[");
      String missing = missingProperty(m);
      if (missing != null) {
        return RowProblems.violation(
            "data." + (field.isEmpty() || field.equals(missing) ? missing : field + "." + missing),
            "Không được để trống");
      }
      return RowProblems.violation(
          field.isEmpty() ? "data" : "data." + field, "Giá trị không đúng kiểu hoặc định dạng");
    }
    return RowProblems.violation("data", "Nội dung bản ghi không đúng định dạng");
  }

  private static String missingProperty(JsonMappingException m) {
    String text = m.getOriginalMessage() == null ? "" : m.getOriginalMessage();
    var match =
        java.util.regex.Pattern.compile("Missing required (?:creator )?property '([^']+)'")
            .matcher(text);
    return match.find() ? match.group(1) : null;
  }

  private String hash(Map<String, Object> data) {
    try {
      byte[] bytes = canonical.writeValueAsString(data).getBytes(StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One row; {@code ref} is its external_ref row (entity id, hash, version), or null. */
  private RowResult apply(ImportTarget t, String client, Prepared x, Object[] ref) {
    Row r = x.row();
    String ext = r.externalId().trim();
    Long id = ref == null ? null : Rows.toLong(ref[0]);
    Optional<Long> stored = id == null ? Optional.empty() : t.storedVersion(id);
    if (stored.isPresent() && !t.visible(id)) {
      throw new RowProblems.RecordProblem(
          "externalId", "Bản ghi " + id + " của mã này không còn thuộc địa bàn của bạn");
    }
    if (stored.isPresent() && r.version() != null && !r.version().equals(stored.get())) {
      throw new RowProblems.RecordProblem(
          "version",
          "Bản ghi đã được sửa trên máy chủ (phiên bản "
              + stored.get()
              + "); hãy lấy bản mới rồi gửi lại");
    }
    if (r.deleted()) {
      if (stored.isEmpty()) {
        forget(client, t.resource(), ext);
        return result(r, Outcome.UNCHANGED, id, null);
      }
      t.delete(id, stored.get());
      forget(client, t.resource(), ext);
      return result(r, Outcome.DELETED, id, null);
    }
    if (stored.isPresent()) {
      long version = stored.get();
      if (x.hash().equals(ref[1]) && version == Rows.toLong(ref[2])) {
        return result(r, Outcome.UNCHANGED, id, version);
      }
      t.update(id, version, x.input());
      em.flush();
      long now = t.storedVersion(id).orElse(version);
      remember(client, t.resource(), ext, id, x.hash(), now);
      return result(r, Outcome.UPDATED, id, now);
    }
    long created = t.create(x.input());
    em.flush();
    long now = t.storedVersion(created).orElse(0L);
    remember(client, t.resource(), ext, created, x.hash(), now);
    return result(r, Outcome.CREATED, created, now);
  }

  private static RowResult result(Row r, Outcome o, Long id, Long version) {
    return new RowResult(r.index(), r.externalId().trim(), o, id, version, null);
  }

  /** The external_ref rows of these external ids: id → (entity id, hash, version). */
  private Map<String, Object[]> lookupAll(String client, String resource, List<String> exts) {
    Map<String, Object[]> refs = new HashMap<>();
    if (exts.isEmpty()) {
      return refs;
    }
    for (Object[] r :
        BulkSql.query(
            em,
            // one primary-key lookup per id, whatever the statistics say: they lag behind a
            // table that an import is filling (an "= ANY" over it was planned as a scan)
            "SELECT r.external_id, r.entity_id, r.data_hash, r.entity_version"
                + " FROM unnest(?) AS x(external_id) CROSS JOIN LATERAL"
                + " (SELECT * FROM external_ref e WHERE e.client = ? AND e.resource = ?"
                + " AND e.external_id = x.external_id LIMIT 1) r",
            BulkSql.Column.of("text", exts),
            client,
            resource)) {
      refs.put((String) r[0], new Object[] {r[1], r[2], r[3]});
    }
    return refs;
  }

  private void remember(
      String client, String resource, String ext, long id, String hash, long version) {
    em.createNativeQuery(
            "INSERT INTO external_ref (client, resource, external_id, entity_id, data_hash,"
                + " entity_version) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
                + " ON CONFLICT (client, resource, external_id) DO UPDATE SET"
                + " entity_id = EXCLUDED.entity_id, data_hash = EXCLUDED.data_hash,"
                + " entity_version = EXCLUDED.entity_version, updated_at = now()")
        .setParameter(1, client)
        .setParameter(2, resource)
        .setParameter(3, ext)
        .setParameter(4, id)
        .setParameter(5, hash)
        .setParameter(6, version)
        .executeUpdate();
  }

  private void forget(String client, String resource, String ext) {
    em.createNativeQuery(
            "DELETE FROM external_ref WHERE client = ?1 AND resource = ?2 AND external_id = ?3")
        .setParameter(1, client)
        .setParameter(2, resource)
        .setParameter(3, ext)
        .executeUpdate();
  }
}
