package vn.antq.integration;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import vn.antq.api.model.Violation;
import vn.antq.common.problem.ProblemException;
import vn.antq.integration.ChunkApplier.Batch;
import vn.antq.integration.ChunkApplier.Span;
import vn.antq.integration.ImportFailures.BulkFailed;
import vn.antq.integration.ImportFailures.DryRun;
import vn.antq.integration.ImportFailures.RowFailed;
import vn.antq.integration.RowPreparer.Prepared;
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
  @Inject @Any Instance<ImportTarget> targets;
  @Inject Caller caller;
  @Inject RowPreparer preparer;
  @Inject ChunkApplier applier;
  @Inject ImportLanes lanes;
  @Inject ExternalRefs refs;

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
        "Loại bản ghi \"" + name + "\" không nhập được; chọn units, models, events hoặc awards");
  }

  /** The record a client's external id stands for, for the calling client. */
  public java.util.Optional<Long> recordOf(String resource, String externalId) {
    return java.util.Optional.ofNullable(recordsOf(resource, List.of(externalId)).get(externalId));
  }

  /** The records the calling client's external ids stand for (those it pushed), by external id. */
  @jakarta.transaction.Transactional
  public Map<String, Long> recordsOf(String resource, List<String> externalIds) {
    Map<String, Long> out = new java.util.HashMap<>();
    refs.lookupAll(client(), resource, externalIds).forEach((k, v) -> out.put(k, v.entityId()));
    return out;
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
    if (!partial || dryRun || !(t instanceof BulkImportTarget) || !lanes.parallel()) {
      List<Row> heads = source.heads();
      return run(t, source.load(0, heads.size()), partial, dryRun, finished, p);
    }
    List<Row> heads = source.heads();
    List<List<Violation>> idProblems = RowPreparer.idProblems(heads);
    Prepared[] slots = new Prepared[heads.size()];
    BlockLoader loader =
        new BlockLoader() {
          @Override
          public void load(int from, int to) {
            List<Row> rows = source.load(from, to);
            for (int k = 0; k < rows.size(); k++) {
              slots[from + k] = preparer.prepare(t, rows.get(k), idProblems.get(from + k));
            }
          }

          @Override
          public void unload(int from, int to) {
            Arrays.fill(slots, from, to, null);
          }
        };
    Batch b = new Batch(t, client(), Arrays.asList(slots));
    return new Result(true, runPartial(b, finished, false, p, loader));
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
    Result result = runInOrder(t, t.inOrder(rows), partial, dryRun, finished, p);
    List<RowResult> byIndex = new ArrayList<>(result.rows());
    byIndex.sort(java.util.Comparator.comparingInt(RowResult::index));
    return new Result(result.applied(), byIndex);
  }

  private Result runInOrder(
      ImportTarget t,
      List<Row> rows,
      boolean partial,
      boolean dryRun,
      BitSet finished,
      Progress p) {
    Batch b = new Batch(t, client(), preparer.prepareAll(t, rows));
    if (partial) {
      return new Result(!dryRun, runPartial(b, finished, dryRun, p, BlockLoader.NONE));
    }
    List<RowResult> invalid =
        b.rows().stream().filter(x -> !x.problems().isEmpty()).map(ChunkApplier::rejected).toList();
    if (!invalid.isEmpty()) {
      return new Result(false, notApplied(b.rows(), invalid));
    }
    try {
      return new Result(true, runAll(b, dryRun, p, t instanceof BulkImportTarget));
    } catch (RuntimeException e) {
      DryRun dry = ImportFailures.find(e, DryRun.class);
      if (dry != null) {
        return new Result(false, dry.rows);
      }
      return new Result(false, notApplied(b.rows(), everyProblem(b, e)));
    }
  }

  /**
   * The batch is lost: the failing row, and the remaining rows checked on their own, to answer
   * every problem at once.
   */
  private List<RowResult> everyProblem(Batch b, RuntimeException e) {
    RowFailed f = ImportFailures.rowFailure(e);
    List<RowResult> bad = new ArrayList<>();
    bad.add(ChunkApplier.rejected(b.rows().get(f.position), f.violations));
    Batch rest =
        new Batch(b.target(), b.client(), b.rows().subList(f.position + 1, b.rows().size()));
    for (RowResult r : runPartial(rest, new BitSet(), true, Progress.NONE, BlockLoader.NONE)) {
      if (r.outcome() == Outcome.REJECTED) {
        bad.add(r);
      }
    }
    return bad;
  }

  /**
   * The whole batch in one transaction, chunk by chunk; one by one if the set-based path failed.
   */
  private List<RowResult> runAll(Batch b, boolean dryRun, Progress p, boolean bulk) {
    int size = b.rows().size();
    try {
      return QuarkusTransaction.requiringNew()
          .timeout(3600)
          .call(
              () -> {
                List<RowResult> out = new ArrayList<>(size);
                int chunk = bulk ? BULK_CHUNK : CHUNK;
                for (int from = 0; from < size; from += chunk) {
                  int end = Math.min(size, from + chunk);
                  out.addAll(applier.apply(b, new Span(from, end, 0, dryRun, bulk, false)));
                  em.flush();
                  em.clear();
                  if (end < size) {
                    p.tick(end);
                  }
                }
                if (dryRun) {
                  throw new DryRun(out);
                }
                p.committed(0, size, out);
                return out;
              });
    } catch (RuntimeException e) {
      if (bulk && ImportFailures.find(e, BulkFailed.class) != null) {
        LOG.warnf(
            "Set-based create failed (%s); applying the batch one row at a time",
            ImportFailures.cause(e));
        return runAll(b, dryRun, p, false);
      }
      throw e;
    }
  }

  private static List<RowResult> notApplied(List<Prepared> all, List<RowResult> rejected) {
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
   * {@link ImportLanes} side by side; the others one after the other.
   */
  private List<RowResult> runPartial(
      Batch b, BitSet finished, boolean dryRun, Progress p, BlockLoader loader) {
    boolean bulk = b.target() instanceof BulkImportTarget;
    int size = bulk ? BULK_CHUNK : CHUNK;
    int rows = b.rows().size();
    List<int[]> blocks = new ArrayList<>();
    for (int from = 0; from < rows; from += size) {
      int end = Math.min(rows, from + size);
      int first = finished.nextClearBit(from);
      if (first < end) {
        blocks.add(new int[] {first, end});
      }
    }
    ImportLanes.Block block =
        (from, end) -> {
          loader.load(from, end);
          try {
            return runBlock(b, from, end, dryRun, p);
          } finally {
            loader.unload(from, end);
          }
        };
    if (!bulk || dryRun || !lanes.parallel() || blocks.size() < 2) {
      List<RowResult> out = new ArrayList<>(rows);
      for (int[] range : blocks) {
        out.addAll(block.run(range[0], range[1]));
      }
      return out;
    }
    return lanes.run(blocks, rows, block);
  }

  /** How many times a chunk the database aborted to break a deadlock is applied again. */
  static final int TRANSIENT_RETRIES = 5;

  /**
   * Rows [from, limit) in chunks, each in its own transaction; a failing row is rejected on its own
   * (see the class comment). A chunk the database aborted to break a deadlock (two writers waiting
   * for each other) is applied again: it wrote nothing, and its rows are not at fault.
   */
  private List<RowResult> runBlock(Batch b, int from0, int limit, boolean dryRun, Progress p) {
    List<RowResult> out = new ArrayList<>(limit - from0);
    int i = from0;
    int retries = 0;
    while (i < limit) {
      int end = Math.min(limit, i + (b.target() instanceof BulkImportTarget ? BULK_CHUNK : CHUNK));
      int from = i;
      try {
        out.addAll(applyRangeOrOneByOne(b, from, end, dryRun, p, null));
        i = end;
      } catch (RuntimeException e) {
        if (ImportFailures.transientFailure(e) && retries++ < TRANSIENT_RETRIES) {
          LOG.infof(
              "Rows %d to %d met another writer (%s); applying them again",
              from, end - 1, ImportFailures.cause(e));
          continue;
        }
        RowFailed f = ImportFailures.rowFailure(e);
        int failedAt = from + f.position;
        RowResult bad = ChunkApplier.rejected(b.rows().get(failedAt), f.violations);
        // the rows before the failing one again, with the failure recorded in the same transaction
        try {
          out.addAll(applyRangeOrOneByOne(b, from, failedAt, dryRun, p, bad));
          out.add(bad);
          i = failedAt + 1;
        } catch (RuntimeException again) {
          if (ImportFailures.transientFailure(again) && retries++ < TRANSIENT_RETRIES) {
            continue;
          }
          // something changed under us: the next turn of the loop finds the row that fails now
          ImportFailures.rowFailure(again);
        }
      }
    }
    return out;
  }

  /** {@link #applyRange}, set-based when the target can; one by one if that failed. */
  private List<RowResult> applyRangeOrOneByOne(
      Batch b, int from, int end, boolean dryRun, Progress p, RowResult extra) {
    boolean bulk = b.target() instanceof BulkImportTarget;
    try {
      return applyRange(b, new Span(from, end, from, dryRun, bulk, true), p, extra);
    } catch (RuntimeException e) {
      if (bulk
          && ImportFailures.find(e, BulkFailed.class) != null
          && !ImportFailures.transientFailure(e)) {
        LOG.warnf(
            "Set-based create failed (%s); applying rows %d to %d one at a time",
            ImportFailures.cause(e), from, end - 1);
        return applyRange(b, new Span(from, end, from, dryRun, false, true), p, extra);
      }
      throw e;
    }
  }

  /**
   * Applies the span's rows in one transaction (rolled back on a dry run); {@code extra}, a row
   * rejected right after them, is counted in the same transaction. Throws {@link RowFailed} with
   * the position relative to the span's start.
   */
  private List<RowResult> applyRange(Batch b, Span s, Progress p, RowResult extra) {
    int counted = extra == null ? s.end() : s.end() + 1;
    try {
      return QuarkusTransaction.requiringNew()
          .timeout(600)
          .call(
              () -> {
                List<RowResult> out = applier.apply(b, s);
                if (s.dryRun()) {
                  throw new DryRun(out);
                }
                List<RowResult> all = out;
                if (extra != null) {
                  all = new ArrayList<>(out);
                  all.add(extra);
                }
                p.committed(s.from(), counted, all);
                return out;
              });
    } catch (RuntimeException e) {
      DryRun dry = ImportFailures.find(e, DryRun.class);
      if (dry == null) {
        throw e;
      }
      p.tick(counted);
      return dry.rows;
    }
  }
}
