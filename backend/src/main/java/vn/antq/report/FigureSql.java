package vn.antq.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.antq.common.db.ReadDatabase;
import vn.antq.territory.Paths;

/** Runs a report's figure queries where reports read (a replica when configured: ReadDatabase). */
@ApplicationScoped
class FigureSql {
  @Inject ReadDatabase reads;

  /**
   * A figures query given the expression of the unit a row counts for and the condition on the
   * joined unit ({@code u}) that keeps the report's territory.
   */
  @FunctionalInterface
  interface Template {
    String sql(String unit, String territory);
  }

  List<Object[]> run(Template template, ReportPeriod p, Map<String, Object> extra) {
    Map<String, Object> params = new HashMap<>(extra);
    // the unit a row counts for: its bucket (commune) in a province's or the country's report
    String unit = p.byBucket() ? "coalesce(u.commune_id, u.id)" : "u.id";
    // today's map: the unit's own path; an older one: where the unit stood on that day
    String territory =
        (p.map() == null
                ? Paths.underAny("u", p.prefixes(), "terr")
                : ReportMaps.underOnMap(p.prefixes(), p.map()))
            .bind(params);
    return reads.query(template.sql(unit, territory), params);
  }
}
