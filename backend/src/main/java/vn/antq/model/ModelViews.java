package vn.antq.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.antq.catalogue.CatalogueEntry;
import vn.antq.territory.Position;
import vn.antq.territory.UnitSummary;

/** What the model service answers: values for lists, the entity with its history for one model. */
public final class ModelViews {
  private ModelViews() {}

  /** A catalogue item as a model shows it. */
  public record Item(long id, String code, String name) {
    static Item of(CatalogueEntry e) {
      return e == null ? null : new Item(e.id(), e.code(), e.name());
    }
  }

  /**
   * A model as lists show it: values, not entities (a page is read in one statement, {@link
   * ModelService#list}).
   */
  public record Summary(
      long id,
      String name,
      Item type,
      Item field,
      UnitSummary unit,
      ModelStatus status,
      LocalDate statusSince,
      Short recognitionLevel,
      LocalDate establishedOn,
      int teamCount,
      int memberCount,
      Integer declaredTeams,
      Integer declaredMembers,
      Position position,
      long version) {
    static Summary of(
        CommunityModelEntity m,
        CatalogueEntry type,
        CatalogueEntry field,
        UnitSummary unit,
        int teamCount,
        int memberCount) {
      return new Summary(
          m.id,
          m.name,
          Item.of(type),
          Item.of(field),
          unit,
          m.status,
          m.statusSince,
          m.recognitionLevel,
          m.establishedOn,
          teamCount,
          memberCount,
          m.declaredTeams,
          m.declaredMembers,
          Position.of(m.latitude, m.longitude, m.positionAccuracy),
          m.version);
    }
  }

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

  public record Site(UnitSummary unit, LocalDate since) {}

  public record Detail(
      CommunityModelEntity model,
      Summary summary,
      List<StatusChange> history,
      List<Recognition> recognitions,
      List<Site> sites,
      Item ethnicGroup,
      Item religion) {}

  /** A page of models; {@code next} continues after its last row (keyset), null on the last. */
  public record Page(List<Summary> content, long total, boolean capped, String next) {}

  public record TeamView(
      TeamEntity team,
      UnitSummary unit,
      MemberEntity leader,
      MemberEntity deputy,
      int memberCount) {}

  public record MemberView(
      MemberEntity member, String teamName, String modelName, boolean masked) {}

  /** A page of found members; {@code capped}: more matched than the search counts. */
  public record MemberPage(List<MemberView> content, long total, boolean capped) {}
}
