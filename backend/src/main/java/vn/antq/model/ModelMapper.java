package vn.antq.model;

import java.util.Arrays;
import java.util.List;
import vn.antq.api.model.CatalogueRef;
import vn.antq.api.model.Gender;
import vn.antq.api.model.LeadOrganisation;
import vn.antq.api.model.Member;
import vn.antq.api.model.MemberRef;
import vn.antq.api.model.MemberRole;
import vn.antq.api.model.ModelDetail;
import vn.antq.api.model.ModelSite;
import vn.antq.api.model.ModelStatusChange;
import vn.antq.api.model.ModelSummary;
import vn.antq.api.model.Recognition;
import vn.antq.api.model.TargetCommunity;
import vn.antq.api.model.Team;
import vn.antq.api.model.UnitRef;
import vn.antq.territory.Places;
import vn.antq.territory.Position;
import vn.antq.territory.UnitSummary;

/** Service views → the contract's models. */
final class ModelMapper {
  private ModelMapper() {}

  static UnitRef unit(UnitSummary s) {
    return Places.ref(s);
  }

  static vn.antq.api.model.ModelStatus status(ModelStatus s) {
    return vn.antq.api.model.ModelStatus.fromValue(s.name());
  }

  static vn.antq.api.model.RecognitionLevel level(RecognitionLevel l) {
    return l == null ? null : vn.antq.api.model.RecognitionLevel.fromValue(l.name());
  }

  static CatalogueRef ref(ModelViews.Item i) {
    return i == null ? null : new CatalogueRef().id(i.id()).code(i.code()).name(i.name());
  }

  static ModelSummary summary(ModelViews.Summary v) {
    return new ModelSummary()
        .id(v.id())
        .name(v.name())
        .type(ref(v.type()))
        .field(ref(v.field()))
        .unit(unit(v.unit()))
        .status(status(v.status()))
        .statusSince(v.statusSince())
        .recognitionLevel(level(RecognitionLevel.of(v.recognitionLevel())))
        .establishedOn(v.establishedOn())
        .teamCount(v.teamCount())
        .memberCount(v.memberCount())
        .declaredTeams(v.declaredTeams())
        .declaredMembers(v.declaredMembers())
        .position(Position.toApi(v.position()))
        .version(v.version());
  }

  static ModelDetail detail(ModelViews.Detail d) {
    ModelViews.Summary v = d.summary();
    CommunityModelEntity m = d.model();
    return new ModelDetail()
        .id(v.id())
        .name(v.name())
        .type(ref(v.type()))
        .field(ref(v.field()))
        .unit(unit(v.unit()))
        .status(status(v.status()))
        .statusSince(v.statusSince())
        .recognitionLevel(level(RecognitionLevel.of(v.recognitionLevel())))
        .establishedOn(v.establishedOn())
        .teamCount(v.teamCount())
        .memberCount(v.memberCount())
        .declaredTeams(v.declaredTeams())
        .declaredMembers(v.declaredMembers())
        .position(Position.toApi(v.position()))
        .version(v.version())
        .leadOrganisations(Arrays.stream(m.leadOrgs).map(LeadOrganisation::fromValue).toList())
        .targetCommunities(
            Arrays.stream(m.targetCommunities).map(TargetCommunity::fromValue).toList())
        .description(m.description)
        .ethnicGroup(ref(d.ethnicGroup()))
        .religion(ref(d.religion()))
        .statusHistory(
            d.history().stream()
                .map(
                    h ->
                        new ModelStatusChange()
                            .fromStatus(status(h.from()))
                            .toStatus(status(h.to()))
                            .date(h.date())
                            .reason(h.reason())
                            .note(h.note())
                            .at(h.at().atOffset(java.time.ZoneOffset.UTC))
                            .actorName(h.actorName()))
                .toList())
        .recognitions(
            d.recognitions().stream()
                .map(
                    r ->
                        new Recognition()
                            .id(r.id())
                            .level(level(r.level()))
                            .decisionNumber(r.decisionNumber())
                            .decisionDate(r.decisionDate())
                            .authority(r.authority()))
                .toList())
        .sites(
            d.sites().stream()
                .map(s -> new ModelSite().unit(unit(s.unit())).since(s.since()))
                .toList())
        .allowedTransitions(m.status.next().stream().map(ModelMapper::status).toList());
  }

  static Team team(ModelViews.TeamView v) {
    TeamEntity t = v.team();
    return new Team()
        .id(t.id)
        .modelId(t.modelId)
        .name(t.name)
        .unit(unit(v.unit()))
        .establishedOn(t.establishedOn)
        .dissolvedOn(t.dissolvedOn)
        .leader(ref(v.leader()))
        .deputy(ref(v.deputy()))
        .memberCount(v.memberCount())
        .version(t.version);
  }

  private static MemberRef ref(MemberEntity m) {
    return m == null ? null : new MemberRef().id(m.id).fullName(m.fullName);
  }

  static Member member(ModelViews.MemberView v) {
    MemberEntity m = v.member();
    return new Member()
        .id(m.id)
        .teamId(m.teamId)
        .teamName(v.teamName())
        .modelId(m.modelId)
        .modelName(v.modelName())
        .fullName(m.fullName)
        .gender(Gender.fromValue(m.gender.name()))
        .birthYear(m.birthYear == null ? null : m.birthYear.intValue())
        .role(MemberRole.fromValue(m.role.name()))
        .phone(v.masked() ? PersonalData.maskPhone(m.phone) : m.phone)
        .address(v.masked() ? PersonalData.maskAddress(m.address) : m.address)
        .masked(v.masked())
        .joinedOn(m.joinedOn)
        .leftOn(m.leftOn)
        .version(m.version);
  }

  static List<String> names(java.util.Collection<? extends Enum<?>> values) {
    return values == null ? null : values.stream().map(Enum::name).toList();
  }
}
