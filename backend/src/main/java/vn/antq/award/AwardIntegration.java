package vn.antq.award;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.antq.api.model.AwardInput;
import vn.antq.common.problem.ProblemException;
import vn.antq.integration.BulkImportTarget;
import vn.antq.integration.FeedSource;
import vn.antq.integration.StoredVersions;

/**
 * Award decisions pushed in bulk and handed out by the change feed, through {@link AwardService}.
 */
@ApplicationScoped
public class AwardIntegration implements BulkImportTarget, FeedSource {
  @Inject AwardService awards;
  @Inject AwardQueries queries;
  @Inject StoredVersions versions;
  @Inject AwardBulkWriter bulk;

  @Override
  public String name() {
    return "awards";
  }

  @Override
  public String resource() {
    return "AWARD";
  }

  @Override
  public String type() {
    return "AWARD";
  }

  @Override
  public Class<?> inputType() {
    return AwardInput.class;
  }

  @Override
  public Optional<Long> storedVersion(long id) {
    return versions.of("award_decision", id);
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
    return awards.create(AwardResource.command((AwardInput) input)).decision().id;
  }

  @Override
  public List<Created> createAll(List<Object> inputs) {
    return bulk
        .createAll(inputs.stream().map(i -> AwardResource.command((AwardInput) i)).toList())
        .stream()
        .map(c -> new Created(c.id(), 0L, c.problem()))
        .toList();
  }

  @Override
  public void update(long id, long expected, Object input) {
    awards.update(id, expected, AwardResource.command((AwardInput) input));
  }

  @Override
  public void delete(long id, long expected) {
    awards.delete(id, expected);
  }

  @Override
  public Map<Long, Object> views(Collection<Long> ids) {
    Map<Long, Object> out = new LinkedHashMap<>();
    for (var v : queries.visible(ids)) {
      out.put(v.decision().id, AwardResource.toApi(v));
    }
    return out;
  }
}
