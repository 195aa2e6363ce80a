package vn.antq.integration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.antq.api.model.Violation;
import vn.antq.integration.ExternalRefs.Link;
import vn.antq.integration.ExternalRefs.Ref;
import vn.antq.integration.ImportEngine.Outcome;
import vn.antq.integration.ImportEngine.Row;
import vn.antq.integration.ImportEngine.RowResult;
import vn.antq.integration.ImportFailures.BulkFailed;
import vn.antq.integration.ImportFailures.RowFailed;
import vn.antq.integration.RowPreparer.Prepared;

/**
 * Applies a chunk of checked rows in the caller's transaction: each row created, updated, deleted
 * or left alone through the target, and its external id linked to the record it stands for.
 */
@ApplicationScoped
class ChunkApplier {
  @Inject EntityManager em;
  @Inject ExternalRefs refs;

  /** One run's rows: where they go, whose external ids they carry, and the rows checked. */
  record Batch(ImportTarget target, String client, List<Prepared> rows) {
    String resource() {
      return target.resource();
    }
  }

  /** Which rows of a batch, and how: see {@link #apply(Batch, Span)}. */
  record Span(int from, int end, int base, boolean dryRun, boolean bulk, boolean partial) {}

  /**
   * Applies rows [from, end) in the current transaction, answering in their order: the records
   * already pushed are found with one query; with {@code bulk}, the new ones are created together
   * by the target's set-based path ({@link BulkImportTarget}) and their external ids written with
   * one statement; the rest go one by one. A row that fails throws {@link RowFailed} (position
   * {@code i - base}), except a new row refused by the set-based path in a {@code partial} run,
   * which is answered as rejected (it wrote nothing). Throws {@link BulkFailed} when the set-based
   * path failed in the database.
   */
  List<RowResult> apply(Batch b, Span s) {
    RowResult[] out = new RowResult[s.end() - s.from()];
    List<String> exts = new ArrayList<>(s.end() - s.from());
    for (int i = s.from(); i < s.end(); i++) {
      if (b.rows().get(i).problems().isEmpty()) {
        exts.add(b.rows().get(i).externalId());
      }
    }
    Map<String, Ref> known = refs.lookupAll(b.client(), b.resource(), exts);
    List<Integer> creates = new ArrayList<>();
    for (int i = s.from(); i < s.end(); i++) {
      Prepared x = b.rows().get(i);
      if (!x.problems().isEmpty()) {
        out[i - s.from()] = rejected(x);
        continue;
      }
      Ref ref = known.get(x.externalId());
      if (s.bulk()
          && ref == null
          && !x.row().deleted()
          && ((BulkImportTarget) b.target()).creatableTogether(x.input())) {
        creates.add(i);
        continue;
      }
      out[i - s.from()] = applyOrFail(b, x, ref, i - s.base(), s.dryRun());
    }
    if (!creates.isEmpty()) {
      createAll(b, s, creates, out);
    }
    return Arrays.asList(out);
  }

  private void createAll(Batch b, Span s, List<Integer> creates, RowResult[] out) {
    List<BulkImportTarget.Created> made;
    try {
      made =
          ((BulkImportTarget) b.target())
              .createAll(creates.stream().map(i -> b.rows().get(i).input()).toList());
      em.flush();
    } catch (RuntimeException e) {
      throw new BulkFailed(e);
    }
    List<Link> links = new ArrayList<>(creates.size());
    for (int k = 0; k < creates.size(); k++) {
      int i = creates.get(k);
      Prepared x = b.rows().get(i);
      BulkImportTarget.Created c = made.get(k);
      if (c.problem() != null) {
        List<Violation> problems = RowProblems.of(c.problem());
        if (!s.partial()) {
          throw new RowFailed(i - s.base(), problems);
        }
        out[i - s.from()] = rejected(x, problems);
        continue;
      }
      links.add(new Link(x.externalId(), c.id(), x.hash(), c.version()));
      out[i - s.from()] =
          s.dryRun()
              ? new RowResult(x.row().index(), x.externalId(), Outcome.CREATED, null, null, null)
              : result(x.row(), Outcome.CREATED, c.id(), c.version());
    }
    try {
      refs.rememberAll(b.client(), b.resource(), links);
    } catch (RuntimeException e) {
      throw new BulkFailed(e);
    }
  }

  private RowResult applyOrFail(Batch b, Prepared x, Ref ref, int position, boolean dryRun) {
    try {
      RowResult r = apply(b, x, ref);
      em.flush();
      if (dryRun && r.outcome() == Outcome.CREATED) {
        return new RowResult(r.index(), r.externalId(), r.outcome(), null, null, null);
      }
      return r;
    } catch (RuntimeException e) {
      if (ImportFailures.transientFailure(e)) {
        throw e;
      }
      throw new RowFailed(position, RowProblems.of(e));
    }
  }

  static RowResult rejected(Prepared x) {
    return rejected(x, x.problems());
  }

  static RowResult rejected(Prepared x, List<Violation> problems) {
    return new RowResult(
        x.row().index(), x.row().externalId(), Outcome.REJECTED, null, null, problems);
  }

  /** One row; {@code ref} is its link to a record, or null. */
  private RowResult apply(Batch b, Prepared x, Ref ref) {
    ImportTarget t = b.target();
    Row r = x.row();
    String ext = x.externalId();
    Long id = ref == null ? null : ref.entityId();
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
      if (stored.isPresent()) {
        t.delete(id, stored.get());
      }
      refs.forget(b.client(), b.resource(), ext);
      return result(r, stored.isPresent() ? Outcome.DELETED : Outcome.UNCHANGED, id, null);
    }
    if (stored.isPresent()) {
      long version = stored.get();
      if (x.hash().equals(ref.hash()) && version == ref.version()) {
        return result(r, Outcome.UNCHANGED, id, version);
      }
      long replaced = t.replace(id, version, x.input());
      em.flush();
      long now = t.storedVersion(replaced).orElse(version);
      refs.remember(b.client(), b.resource(), new Link(ext, replaced, x.hash(), now));
      return result(r, Outcome.UPDATED, replaced, now);
    }
    long created = t.create(x.input());
    em.flush();
    long now = t.storedVersion(created).orElse(0L);
    refs.remember(b.client(), b.resource(), new Link(ext, created, x.hash(), now));
    return result(r, Outcome.CREATED, created, now);
  }

  private static RowResult result(Row r, Outcome o, Long id, Long version) {
    return new RowResult(r.index(), r.externalId().trim(), o, id, version, null);
  }
}
