package vn.antq.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.antq.catalogue.CatalogueItemEntity;
import vn.antq.unit.UnitService;

/** What the model service answers: entities with the names and counts around them. */
public final class ModelViews {
  private ModelViews() {}

  public record Summary(
      CommunityModelEntity model,
      CatalogueItemEntity type,
      CatalogueItemEntity field,
      UnitService.Summary unit,
      int teamCount,
      int memberCount) {}

  public record StatusChange(
      ModelStatus from,
      ModelStatus to,
      LocalDate date,
      String reason,
      String note,
      Instant at,
      String actorName) {}

  public record Recognition(
      long id,
      RecognitionLevel level,
      String decisionNumber,
      LocalDate decisionDate,
      String authority) {}

  public record Site(UnitService.Summary unit, LocalDate since) {}

  public record Detail(
      Summary summary,
      List<StatusChange> history,
      List<Recognition> recognitions,
      List<Site> sites) {}

  /** A page of models; {@code next} continues after its last row (keyset), null on the last. */
  public record Page(List<Summary> content, long total, String next) {}

  public record TeamView(
      TeamEntity team,
      UnitService.Summary unit,
      MemberEntity leader,
      MemberEntity deputy,
      int memberCount) {}

  public record MemberView(
      MemberEntity member, String teamName, String modelName, boolean masked) {}

  /** A page of found members; {@code capped}: more matched than the search counts. */
  public record MemberPage(List<MemberView> content, long total, boolean capped) {}
}
