package vn.antq.unit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.antq.common.problem.ProblemException;
import vn.antq.integration.FeedSource;

/** Units as the change feed hands them out (what GET /api/units/{id} returns). */
@ApplicationScoped
public class UnitFeed implements FeedSource {
  @Inject UnitService units;

  @Override
  public String type() {
    return "UNIT";
  }

  @Override
  public Map<Long, Object> views(Collection<Long> ids) {
    Map<Long, Object> out = new LinkedHashMap<>();
    for (Long id : ids) {
      try {
        out.put(id, UnitMapper.toDetail(units.get(id)));
      } catch (ProblemException e) {
        // gone: the feed answers DELETE
      }
    }
    return out;
  }
}
