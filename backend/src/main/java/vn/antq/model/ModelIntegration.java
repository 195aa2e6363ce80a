package vn.antq.model;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import vn.antq.api.model.ModelInput;
import vn.antq.common.problem.ProblemException;
import vn.antq.integration.FeedSource;
import vn.antq.integration.ImportTarget;
import vn.antq.integration.StoredVersions;

/** Models pushed in bulk and handed out by the change feed, through {@link ModelService}. */
@ApplicationScoped
public class ModelIntegration implements ImportTarget, FeedSource {
  @Inject ModelService models;
  @Inject StoredVersions versions;

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
    return ModelInput.class;
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
    return models.create(ModelResource.command((ModelInput) input)).summary().id();
  }

  @Override
  public void update(long id, long expected, Object input) {
    models.update(id, expected, ModelResource.command((ModelInput) input));
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
    for (Long id : ids) {
      try {
        out.put(id, ModelMapper.detail(models.get(id)));
      } catch (ProblemException e) {
        // gone or outside the caller's territory: the feed answers DELETE
      }
    }
    return out;
  }
}
