package vn.antq.integration;

import java.util.Collection;
import java.util.Map;

/** Records of one type as the change feed hands them out: what GET /api/…/{id} returns. */
public interface FeedSource {
  /** UNIT, MODEL, EVENT, AWARD */
  String type();

  /** The records among {@code ids} the caller may see; the others are left out. */
  Map<Long, Object> views(Collection<Long> ids);
}
