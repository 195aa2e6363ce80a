package vn.antq.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.antq.api.model.EventInput;
import vn.antq.common.problem.ProblemException;
import vn.antq.integration.BulkImportTarget;
import vn.antq.integration.FeedSource;
import vn.antq.integration.StoredVersions;

/** Events pushed in bulk and handed out by the change feed, through {@link EventService}. */
@ApplicationScoped
public class EventIntegration implements BulkImportTarget, FeedSource {
  @Inject EventService events;
  @Inject EventBulkWriter bulk;
  @Inject StoredVersions versions;

  @Override
  public String name() {
    return "events";
  }

  @Override
  public String resource() {
    return "EVENT";
  }

  @Override
  public String type() {
    return "EVENT";
  }

  @Override
  public Class<?> inputType() {
    return EventInput.class;
  }

  @Override
  public Optional<Long> storedVersion(long id) {
    return versions.of("event", id);
  }

  @Override
  public boolean visible(long id) {
    try {
      events.require(id);
      return true;
    } catch (ProblemException e) {
      return false;
    }
  }

  @Override
  public long create(Object input) {
    return events.create(EventResource.command((EventInput) input)).event().id;
  }

  @Override
  public List<Created> createAll(List<Object> inputs) {
    return bulk
        .createAll(inputs.stream().map(i -> EventResource.command((EventInput) i)).toList())
        .stream()
        .map(c -> new Created(c.id(), 0L, c.problem()))
        .toList();
  }

  @Override
  public void update(long id, long expected, Object input) {
    events.update(id, expected, EventResource.command((EventInput) input));
  }

  @Override
  public void delete(long id, long expected) {
    events.delete(id, expected);
  }

  @Override
  public Map<Long, Object> views(Collection<Long> ids) {
    Map<Long, Object> out = new LinkedHashMap<>();
    for (var v : events.visible(ids)) {
      out.put(v.event().id, EventResource.toApi(v));
    }
    return out;
  }
}
