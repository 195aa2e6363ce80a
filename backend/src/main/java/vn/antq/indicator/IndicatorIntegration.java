package vn.antq.indicator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import vn.antq.api.model.IndicatorImportInput;
import vn.antq.api.model.IndicatorValueInput;
import vn.antq.common.problem.ProblemException;
import vn.antq.indicator.IndicatorService.Action;
import vn.antq.indicator.IndicatorService.ValueCommand;
import vn.antq.integration.ImportEngine;
import vn.antq.integration.ImportTarget;
import vn.antq.integration.StoredVersions;

/**
 * Figures periods pushed in bulk with the state they should reach (a province's years of approved
 * figures in one job instead of create, submit and approve for each), step by step through {@link
 * IndicatorService}: each step meets its own rules (who may submit, who may approve) and leaves its
 * line in the audit trail. A period sent again with other figures is edited while it is a draft or
 * returned, corrected by a new revision once approved (with the sender's reason), and refused while
 * it waits for approval.
 */
@ApplicationScoped
public class IndicatorIntegration implements ImportTarget {
  private static final List<String> STATES = List.of("DRAFT", "SUBMITTED", "APPROVED");

  @Inject IndicatorService indicators;
  @Inject IndicatorQueries queries;
  @Inject StoredVersions versions;
  @Inject ImportEngine engine;

  @Override
  public String name() {
    return "indicator-reports";
  }

  @Override
  public String resource() {
    return "INDICATOR_REPORT";
  }

  @Override
  public Class<?> inputType() {
    return IndicatorImportInput.class;
  }

  @Override
  public Optional<Long> storedVersion(long id) {
    return versions.of("indicator_report", id);
  }

  @Override
  public boolean visible(long id) {
    try {
      queries.require(id);
      return true;
    } catch (ProblemException e) {
      return false;
    }
  }

  @Override
  public long create(Object input) {
    IndicatorImportInput in = (IndicatorImportInput) input;
    IndicatorQueries.View v =
        indicators.create(
            new IndicatorService.Command(unitOf(in), period(in), in.getNote(), values(in)));
    return advance(v, state(in)).id();
  }

  @Override
  public void update(long id, long expected, Object input) {
    replace(id, expected, input);
  }

  @Override
  public long replace(long id, long expected, Object input) {
    IndicatorImportInput in = (IndicatorImportInput) input;
    IndicatorQueries.View v = queries.get(id);
    if (v.report().unitId != unitOf(in) || !v.period().equals(period(in))) {
      throw ProblemException.unprocessable(
          "unitId",
          "Mã này đã dùng cho kỳ "
              + v.period().label()
              + " của «"
              + v.unit().name()
              + "»: không đổi được đơn vị hay kỳ của một kỳ đã nhập; hãy dùng mã khác");
    }
    String target = state(in);
    boolean same = sameFigures(v, in);
    switch (v.report().status) {
      case "DRAFT", "RETURNED" -> {
        if (!same) {
          v = indicators.update(id, expected, in.getNote(), values(in));
        }
      }
      case "SUBMITTED" -> {
        if (!same) {
          throw ProblemException.conflict(
              "values",
              v.period().label()
                  + " đã gửi, đang chờ duyệt: không sửa được cho đến khi cấp tỉnh trả lại");
        }
      }
      case "APPROVED" -> {
        if (same) {
          return id;
        }
        v = revise(v, in);
      }
      default ->
          throw ProblemException.conflict(
              "state", "Bản này đã được thay bằng một bản điều chỉnh; không sửa được nữa");
    }
    if (STATES.indexOf(target) < STATES.indexOf(v.report().status)) {
      throw ProblemException.conflict(
          "state",
          v.period().label()
              + " đã ở trạng thái "
              + IndicatorService.statusLabel(v.report().status)
              + ", không trở lại "
              + IndicatorService.statusLabel(target)
              + " được");
    }
    return advance(v, target).id();
  }

  @Override
  public void delete(long id, long expected) {
    indicators.delete(id, expected);
  }

  /** An approved period corrected: a new revision (the reason required) with the new figures. */
  private IndicatorQueries.View revise(IndicatorQueries.View v, IndicatorImportInput in) {
    String reason = in.getRevisionReason();
    if (reason == null || reason.isBlank()) {
      throw ProblemException.unprocessable(
          "revisionReason",
          v.period().label()
              + " đã duyệt: số liệu khác chỉ vào được bằng một lần điều chỉnh; hãy ghi lý do"
              + " (revisionReason)");
    }
    IndicatorQueries.View draft = indicators.revise(v.id(), v.version(), reason);
    return indicators.update(draft.id(), draft.version(), in.getNote(), values(in));
  }

  /** Submits, then approves, as far as the state asked for. */
  private IndicatorQueries.View advance(IndicatorQueries.View v, String target) {
    boolean editable = "DRAFT".equals(v.report().status) || "RETURNED".equals(v.report().status);
    if (editable && !"DRAFT".equals(target)) {
      v = indicators.transition(v.id(), v.version(), Action.SUBMIT, null);
    }
    if ("APPROVED".equals(target) && "SUBMITTED".equals(v.report().status)) {
      v = indicators.transition(v.id(), v.version(), Action.APPROVE, null);
    }
    return v;
  }

  private static boolean sameFigures(IndicatorQueries.View v, IndicatorImportInput in) {
    Map<Long, Long> stored = new TreeMap<>();
    v.values().forEach(x -> stored.put(x.indicator().id(), x.value()));
    Map<Long, Long> sent = new TreeMap<>();
    values(in).forEach(x -> sent.put(x.indicatorId(), x.value()));
    return stored.equals(sent)
        && Objects.equals(blankToNull(v.report().note), blankToNull(in.getNote()));
  }

  private long unitOf(IndicatorImportInput in) {
    String ext = in.getUnitExternalId();
    if (ext == null || ext.isBlank()) {
      if (in.getUnitId() == null) {
        throw ProblemException.unprocessable("unitId", "Hãy chọn đơn vị báo cáo");
      }
      return in.getUnitId();
    }
    if (in.getUnitId() != null) {
      throw ProblemException.unprocessable(
          "unitExternalId", "Chỉ dùng một trong unitId và unitExternalId");
    }
    return engine
        .recordOf(ImportTarget.UNIT, ext.trim())
        .orElseThrow(
            () ->
                ProblemException.unprocessable(
                    "unitExternalId",
                    "Không có đơn vị nào mang mã \""
                        + ext.trim()
                        + "\" của bên gửi; hãy nhập đơn vị trước (POST /api/imports/units)"));
  }

  private static Period period(IndicatorImportInput in) {
    return Period.of(Period.Kind.valueOf(in.getPeriodKind().name()), in.getYear(), in.getNumber());
  }

  private static String state(IndicatorImportInput in) {
    return in.getState() == null ? "DRAFT" : in.getState().name();
  }

  private static List<ValueCommand> values(IndicatorImportInput in) {
    List<IndicatorValueInput> values = in.getValues() == null ? List.of() : in.getValues();
    return values.stream().map(v -> new ValueCommand(v.getIndicatorId(), v.getValue())).toList();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
