package vn.antq.unit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.antq.integration.FeedSource;

/** Units as the change feed hands them out (what GET /api/units/{id} returns). */
@ApplicationScoped
public class UnitFeed implements FeedSource {
  @Inject UnitDetails details;

  @Override
  public String type() {
    return "UNIT";
  }

  /** Gone or outside the caller's territory: left out, the feed answers DELETE. */
  @Override
  public Map<Long, Object> views(Collection<Long> ids) {
    Map<Long, Object> out = new LinkedHashMap<>();
    for (UnitViews.Detail d : details.visible(ids)) {
      out.put(d.id(), UnitMapper.toDetail(d));
    }
    return out;
  }
}
