package vn.antq.model;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.antq.api.model.ModelImportInput;
import vn.antq.api.model.ModelInput;
import vn.antq.api.model.ModelTransition;
import vn.antq.api.model.RecognitionInput;
import vn.antq.common.problem.ProblemException;
import vn.antq.common.time.VietnamTime;
import vn.antq.integration.BulkImportTarget;
import vn.antq.integration.FeedSource;
import vn.antq.integration.StoredVersions;
import vn.antq.security.Caller;
import vn.antq.security.Role;

/** Models pushed in bulk and handed out by the change feed, through {@link ModelService}. */
@ApplicationScoped
public class ModelIntegration implements BulkImportTarget, FeedSource {
  @Inject ModelService models;
  @Inject ModelDetails details;
  @Inject StoredVersions versions;
  @Inject Caller caller;
  @Inject ModelBulkWriter bulk;

  @Override
  public String name() {
    return "models";
  }

  @Override
  public String resource() {
    return "MODEL";
  }

  @Override
  public String type() {
    return "MODEL";
  }

  @Override
  public Class<?> inputType() {
    return ModelImportInput.class;
  }

  @Override
  public Optional<Long> storedVersion(long id) {
    return versions.of("community_model", id);
  }

  @Override
  public boolean visible(long id) {
    try {
      models.require(id);
      return true;
    } catch (ProblemException e) {
      return false;
    }
  }

  @Override
  public long create(Object input) {
    ModelImportInput in = (ModelImportInput) input;
    long id = models.create(ModelResource.command(base(in))).summary().id();
    catchUp(id, in);
    return id;
  }

  /** A model sent with steps of its history or recognitions is created on its own. */
  @Override
  public boolean creatableTogether(Object input) {
    ModelImportInput in = (ModelImportInput) input;
    return (in.getHistory() == null || in.getHistory().isEmpty())
        && (in.getRecognitions() == null || in.getRecognitions().isEmpty());
  }

  @Override
  public List<Created> createAll(List<Object> inputs) {
    return bulk
        .createAll(
            inputs.stream().map(i -> ModelResource.command(base((ModelImportInput) i))).toList())
        .stream()
        .map(c -> new Created(c.id(), 0L, c.problem()))
        .toList();
  }

  @Override
  public void update(long id, long expected, Object input) {
    ModelImportInput in = (ModelImportInput) input;
    models.update(id, expected, ModelResource.command(base(in)));
    catchUp(id, in);
  }

  /**
   * The status history and recognitions the sender has that the server has not: the server's steps
   * must begin the sent history (each then taken through {@link ModelService#transition}, under its
   * rules); recognitions already recorded (same level and number) are skipped.
   */
  private void catchUp(long id, ModelImportInput in) {
    ModelViews.Detail d = models.get(id);
    List<ModelTransition> sent = in.getHistory() == null ? List.of() : in.getHistory();
    List<ModelViews.StatusChange> stored = d.history();
    for (int i = 0; i < Math.min(stored.size(), sent.size()); i++) {
      ModelViews.StatusChange had = stored.get(i);
      ModelTransition now = sent.get(i);
      if (had.to().name().equals(now.getToStatus().name()) && had.date().equals(now.getDate())) {
        continue;
      }
      throw ProblemException.conflict(
          "history[" + i + "]",
          "Bước "
              + (i + 1)
              + " trên máy chủ là «"
              + had.to().label()
              + "» ngày "
              + VietnamTime.format(had.date())
              + ": lịch sử gửi lên phải bắt đầu bằng các bước đã có; chỉ thêm được các bước sau");
    }
    for (int i = stored.size(); i < sent.size(); i++) {
      try {
        d = models.transition(id, d.model().version, ModelResource.transition(sent.get(i)));
      } catch (ProblemException e) {
        throw e.under("history[" + i + "]");
      }
    }
    List<RecognitionInput> recognitions =
        in.getRecognitions() == null ? List.of() : in.getRecognitions();
    for (int i = 0; i < recognitions.size(); i++) {
      RecognitionInput r = recognitions.get(i);
      boolean recorded =
          d.recognitions().stream()
              .anyMatch(
                  x ->
                      x.level().name().equals(r.getLevel().name())
                          && x.decisionNumber().equalsIgnoreCase(r.getDecisionNumber().trim()));
      if (recorded) {
        continue;
      }
      if (caller.role() == Role.INTEGRATION) {
        throw ProblemException.unprocessable(
            "recognitions[" + i + "]",
            "Khóa tích hợp không ghi nhận điển hình được (như POST /api/models/{id}/recognitions);"
                + " cán bộ có quyền ghi nhận hãy nhập");
      }
      if (caller.role() == Role.COMMUNE_OFFICER && !"COMMUNE".equals(r.getLevel().name())) {
        throw ProblemException.unprocessable(
            "recognitions[" + i + "].level",
            "Cán bộ cấp xã chỉ ghi nhận điển hình cấp xã; cấp tỉnh, cấp Bộ do cán bộ cấp tỉnh ghi");
      }
      try {
        d = models.recognize(id, d.model().version, ModelResource.recognition(r));
      } catch (ProblemException e) {
        throw e.under("recognitions[" + i + "]");
      }
    }
  }

  /** The model's own fields, as the single-record endpoints take them. */
  private static ModelInput base(ModelImportInput in) {
    return new ModelInput()
        .name(in.getName())
        .typeId(in.getTypeId())
        .unitId(in.getUnitId())
        .leadOrganisations(in.getLeadOrganisations())
        .establishedOn(in.getEstablishedOn())
        .description(in.getDescription())
        .targetCommunities(in.getTargetCommunities())
        .declaredTeams(in.getDeclaredTeams())
        .declaredMembers(in.getDeclaredMembers())
        .ethnicGroupId(in.getEthnicGroupId())
        .religionId(in.getReligionId())
        .position(in.getPosition());
  }

  @Override
  public String notDeletable() {
    return "Mô hình không xóa được; hãy chuyển sang trạng thái thanh loại (POST /api/models/{id}/transitions)";
  }

  @Override
  public void delete(long id, long expected) {
    // never reached: rows asking to delete a model are refused before anything runs
    throw ProblemException.unprocessable("deleted", notDeletable());
  }

  @Override
  public Map<Long, Object> views(Collection<Long> ids) {
    Map<Long, Object> out = new LinkedHashMap<>();
    // gone or outside the caller's territory: left out, the feed answers DELETE
    for (ModelViews.Detail d : details.visible(ids)) {
      out.put(d.model().id, ModelMapper.detail(d));
    }
    return out;
  }
}
