package vn.antq.integration;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.antq.api.IntegrationApi;
import vn.antq.api.model.ChangePage;
import vn.antq.api.model.FeedChange;
import vn.antq.api.model.FeedType;
import vn.antq.api.model.ImportBatch;
import vn.antq.api.model.ImportCounts;
import vn.antq.api.model.ImportJob;
import vn.antq.api.model.ImportJobInput;
import vn.antq.api.model.ImportJobPage;
import vn.antq.api.model.ImportJobState;
import vn.antq.api.model.ImportOutcome;
import vn.antq.api.model.ImportRecord;
import vn.antq.api.model.ImportResult;
import vn.antq.api.model.ImportRowResult;
import vn.antq.api.model.Violation;
import vn.antq.common.problem.ProblemException;
import vn.antq.common.problem.ProblemType;
import vn.antq.common.web.PageRequest;
import vn.antq.common.web.Pages;
import vn.antq.security.Roles;

/** Bulk import, import jobs and the change feed for provincial systems (and the SPA's uploads). */
@RolesAllowed({Roles.ADMIN, Roles.PROVINCE_OFFICER, Roles.COMMUNE_OFFICER, Roles.INTEGRATION})
public class IntegrationResource implements IntegrationApi {
  /** records in one synchronous batch */
  static final int MAX_BATCH = 1000;

  @Inject ImportEngine engine;
  @Inject ImportJobs jobs;
  @Inject ImportFiles files;
  @Inject Idempotency idempotency;
  @Inject ChangeFeed feed;
  @Inject ObjectMapper json;

  // ------------------------------------------------------------------ push

  @Override
  public Response importRecords(
      String resource, ImportBatch batch, String mode, Boolean dryRun, String idempotencyKey) {
    ImportTarget t = engine.target(resource);
    boolean partial = partial(mode);
    boolean dry = Boolean.TRUE.equals(dryRun);
    String hash =
        idempotencyKey == null
            ? null
            : idempotency.hash(
                "imports/" + resource + "?" + partial + "&" + dry, batch.getRecords());
    return idempotency.run(
        engine.client(),
        idempotencyKey,
        hash,
        () -> {
          ImportEngine.Result result =
              engine.run(t, rows(batch.getRecords(), MAX_BATCH), partial, dry);
          if (!partial && !result.applied() && !dry && result.counts().rejected() > 0) {
            throw rejectedBatch(result);
          }
          // a dry run answers what would happen, rows and all, even when some are bad
          return Response.ok(result(resource, partial, dry, result)).build();
        });
  }

  private static ProblemException rejectedBatch(ImportEngine.Result result) {
    List<Violation> violations = new ArrayList<>();
    for (ImportEngine.RowResult r : result.rows()) {
      if (r.outcome() == ImportEngine.Outcome.REJECTED) {
        for (Violation v : r.violations()) {
          violations.add(
              ProblemException.violation(
                  "records[" + r.index() + "]." + v.getField(), v.getMessage()));
        }
      }
    }
    int bad = result.counts().rejected();
    return new ProblemException(
        ProblemType.BUSINESS_RULE,
        "Có "
            + bad
            + " bản ghi không hợp lệ nên không bản ghi nào được lưu. Hãy sửa các dòng được chỉ ra"
            + " rồi gửi lại cả lô, hoặc gửi với mode=partial để lưu các dòng hợp lệ.",
        violations);
  }

  @Override
  public Response getImportTemplate(String resource) {
    ImportTarget t = engine.target(resource);
    String header = String.join(",", files.columns(t)) + "\r\n";
    return Response.ok("\uFEFF" + header)
        .type("text/csv; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"mau-nhap-" + resource + ".csv\"")
        .build();
  }

  @Override
  public Response createImportJob(
      String resource, ImportJobInput in, String mode, Boolean dryRun, String idempotencyKey) {
    ImportTarget t = engine.target(resource);
    boolean partial = partial(mode);
    boolean dry = Boolean.TRUE.equals(dryRun);
    String hash =
        idempotencyKey == null
            ? null
            : idempotency.hash(
                "import-jobs/" + resource + "?" + partial + "&" + dry, in.getRecords());
    return idempotency.run(
        engine.client(),
        idempotencyKey,
        hash,
        () ->
            accepted(
                jobs.submit(t, rows(in.getRecords(), ImportJobs.MAX_ROWS), partial, dry, null)));
  }

  @Override
  public Response uploadImportFile(
      String resource,
      String xFileName,
      File body,
      String mode,
      Boolean dryRun,
      String idempotencyKey) {
    ImportTarget t = engine.target(resource);
    boolean partial = partial(mode);
    boolean dry = Boolean.TRUE.equals(dryRun);
    String name = URLDecoder.decode(xFileName, StandardCharsets.UTF_8).trim();
    byte[] content;
    try {
      if (body.length() > ImportFiles.MAX_BYTES) {
        throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "Tệp nhập tối đa 10 MB");
      }
      content = Files.readAllBytes(body.toPath());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String hash =
        Idempotency.hash(
            "import-file/" + resource + "?" + partial + "&" + dry + "&" + name, content);
    return idempotency.run(
        engine.client(),
        idempotencyKey,
        hash,
        () -> accepted(jobs.submit(t, files.parse(t, name, content), partial, dry, name)));
  }

  @Override
  public Response getImportJob(Long id) {
    return Response.ok(job(jobs.get(id))).build();
  }

  @Override
  public Response applyImportJob(Long id, String idempotencyKey) {
    return idempotency.run(
        engine.client(),
        idempotencyKey,
        Idempotency.hash("apply/" + id, new byte[0]),
        () -> accepted(jobs.apply(id)));
  }

  @Override
  public Response listImportJobs(Integer page, Integer size) {
    PageRequest p = PageRequest.of(page, size, null, Map.of("id", "id"), "id,desc");
    ImportJobs.Page result = jobs.list(p.page(), p.size());
    return Response.ok(
            Pages.of(
                ImportJobPage::new,
                result.content().stream().map(IntegrationResource::job).toList(),
                p,
                result.total()))
        .build();
  }

  // ------------------------------------------------------------------ pull

  @Override
  @RolesAllowed({
    Roles.ADMIN,
    Roles.PROVINCE_OFFICER,
    Roles.COMMUNE_OFFICER,
    Roles.VIEWER,
    Roles.INTEGRATION
  })
  public Response listChanges(String after, List<FeedType> types, Integer limit) {
    Set<String> wanted = new LinkedHashSet<>();
    if (types != null) {
      types.forEach(x -> wanted.add(x.toString()));
    }
    ChangeFeed.Page page = feed.read(after, wanted, limit);
    List<FeedChange> items = new ArrayList<>(page.items().size());
    for (ChangeFeed.Item i : page.items()) {
      FeedChange c =
          new FeedChange()
              .type(FeedType.fromValue(i.type()))
              .id(i.id())
              .op(i.deleted() ? FeedChange.OpEnum.DELETE : FeedChange.OpEnum.UPSERT)
              .changedAt(i.changedAt().atOffset(ZoneOffset.UTC));
      c.setData(i.data() == null ? null : json.convertValue(i.data(), new TypeReference<>() {}));
      items.add(c);
    }
    return Response.ok(new ChangePage().items(items).next(page.next()).more(page.more())).build();
  }

  // ------------------------------------------------------------------ mapping

  private static boolean partial(String mode) {
    if (mode == null || mode.equals("all")) {
      return false;
    }
    if (mode.equals("partial")) {
      return true;
    }
    throw ProblemException.badRequest("mode", "mode phải là all hoặc partial");
  }

  /**
   * The constraint of the records' external ids (required, 1–100 characters), checked here in one
   * pass rather than by Bean Validation record by record ({@code ApiTraversal}), answered as Bean
   * Validation answers: a 400 naming {@code records[i].externalId}.
   */
  private static void checkExternalIds(List<ImportRecord> records) {
    List<Violation> bad = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      String id = records.get(i).getExternalId();
      if (id == null || id.isEmpty() || id.length() > 100) {
        bad.add(
            ProblemException.violation(
                "records[" + i + "].externalId",
                id == null ? "Bắt buộc nhập" : "Độ dài phải từ 1 đến 100"));
      }
    }
    if (!bad.isEmpty()) {
      throw new ProblemException(
          ProblemType.VALIDATION,
          "Vui lòng kiểm tra lại: "
              + bad.stream()
                  .limit(20)
                  .map(v -> v.getField() + " — " + v.getMessage())
                  .collect(java.util.stream.Collectors.joining("; "))
              + (bad.size() > 20 ? "; và " + (bad.size() - 20) + " bản ghi khác" : ""),
          bad);
    }
  }

  private static List<ImportEngine.Row> rows(List<ImportRecord> records, int max) {
    if (records.isEmpty() || records.size() > max) {
      throw ProblemException.unprocessable(
          "records",
          records.isEmpty()
              ? "Lô không có bản ghi nào"
              : "Mỗi lần gửi tối đa "
                  + String.format(java.util.Locale.GERMANY, "%,d", max)
                  + " bản ghi (lô này có "
                  + String.format(java.util.Locale.GERMANY, "%,d", records.size())
                  + ")"
                  + (max == MAX_BATCH ? "; lô lớn hơn hãy gửi qua /api/import-jobs" : ""));
    }
    checkExternalIds(records);
    List<ImportEngine.Row> rows = new ArrayList<>(records.size());
    for (int i = 0; i < records.size(); i++) {
      ImportRecord r = records.get(i);
      rows.add(
          new ImportEngine.Row(
              i,
              r.getExternalId(),
              r.getVersion(),
              Boolean.TRUE.equals(r.getDeleted()),
              r.getData()));
    }
    return rows;
  }

  private static ImportResult result(
      String resource, boolean partial, boolean dry, ImportEngine.Result r) {
    return new ImportResult()
        .resource(resource)
        .mode(partial ? ImportResult.ModeEnum.PARTIAL : ImportResult.ModeEnum.ALL)
        .dryRun(dry)
        .applied(r.applied())
        .counts(counts(r.counts()))
        .rows(r.rows().stream().map(IntegrationResource::row).toList());
  }

  private static ImportCounts counts(ImportEngine.Counts c) {
    return new ImportCounts()
        .total(c.total())
        .created(c.created())
        .updated(c.updated())
        .unchanged(c.unchanged())
        .deleted(c.deleted())
        .rejected(c.rejected());
  }

  private static ImportRowResult row(ImportEngine.RowResult r) {
    ImportRowResult out =
        new ImportRowResult()
            .index(r.index())
            .externalId(r.externalId() == null ? "" : r.externalId())
            .outcome(ImportOutcome.fromValue(r.outcome().name()))
            .id(r.id())
            .version(r.version());
    out.setViolations(r.violations());
    return out;
  }

  private static Response accepted(ImportJobs.Job j) {
    return Response.accepted(job(j)).location(URI.create("/api/import-jobs/" + j.id())).build();
  }

  static ImportJob job(ImportJobs.Job j) {
    return new ImportJob()
        .id(j.id())
        .resource(j.resource())
        .mode(j.partial() ? ImportJob.ModeEnum.PARTIAL : ImportJob.ModeEnum.ALL)
        .dryRun(j.dryRun())
        .state(ImportJobState.fromValue(j.state()))
        .sourceName(j.sourceName())
        .total(j.total())
        .done(j.done())
        .counts(counts(j.counts()))
        .errors(j.errors().stream().map(IntegrationResource::row).toList())
        .message(j.message())
        .createdAt(at(j.createdAt()))
        .createdBy(j.createdBy())
        .startedAt(at(j.startedAt()))
        .finishedAt(at(j.finishedAt()));
  }

  private static java.time.OffsetDateTime at(Instant i) {
    return i == null ? null : i.atOffset(ZoneOffset.UTC);
  }
}
