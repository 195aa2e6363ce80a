package vn.antq.award;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import vn.antq.common.problem.ProblemException;
import vn.antq.common.time.VietnamTime;
import vn.antq.model.ModelService;
import vn.antq.territory.Place;
import vn.antq.territory.Territory;

/**
 * Who an award decision names: each recipient checked (the caller's territory, the unit in force on
 * the decision's day, a model or a member visible to the caller, no one twice) and the snapshot of
 * their names taken.
 */
@ApplicationScoped
public class RecipientResolver {
  @Inject Territory territory;
  @Inject ModelService models;

  /** A recipient as checked: where it counts, what it names, and who it is (to tell doubles). */
  record Resolved(
      AwardService.Kind kind,
      long unitId,
      Long modelId,
      Long memberId,
      String name,
      String position,
      String unitName,
      String identity) {}

  /**
   * Checks every recipient (territory, the unit in force on the decision's day, no one twice) and
   * takes the snapshot of their names.
   */
  List<Resolved> resolve(
      List<AwardService.RecipientCommand> list, LocalDate day, List<String> existingIdentities) {
    if (list == null || list.isEmpty()) {
      throw ProblemException.unprocessable("recipients", "Ghi ít nhất một tập thể hoặc cá nhân");
    }
    if (list.size() > AwardService.MAX_RECIPIENTS) {
      throw ProblemException.unprocessable(
          "recipients",
          "Một quyết định ghi tối đa " + AwardService.MAX_RECIPIENTS + " người được khen");
    }
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < existingIdentities.size(); i++) {
      seen.put(existingIdentities.get(i), -1);
    }
    List<Resolved> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String field = "recipients[" + i + "]";
      Resolved r = resolveOne(Objects.requireNonNull(list.get(i), field), day, field);
      Integer earlier = seen.putIfAbsent(r.identity(), i);
      if (earlier != null) {
        throw ProblemException.unprocessable(
            field,
            "«"
                + r.name()
                + "» ("
                + r.unitName()
                + ") đã có "
                + (earlier < 0 ? "trong quyết định" : "ở dòng " + (earlier + 1))
                + "; mỗi tập thể, cá nhân chỉ ghi một lần trong một quyết định");
      }
      out.add(r);
    }
    return out;
  }

  private Resolved resolveOne(AwardService.RecipientCommand c, LocalDate day, String field) {
    if (c.kind() == null) {
      throw ProblemException.unprocessable(field + ".kind", "Chọn tập thể hay cá nhân");
    }
    if (c.kind() == AwardService.Kind.COLLECTIVE) {
      return collective(c, day, field);
    }
    if (c.modelId() != null) {
      throw ProblemException.unprocessable(field + ".modelId", "Cá nhân không gắn với mô hình");
    }
    return individual(c, day, field);
  }

  /** A unit, or a model (counted for its unit), active on the decision's day. */
  private Resolved collective(AwardService.RecipientCommand c, LocalDate day, String field) {
    if (c.memberId() != null || c.fullName() != null || c.position() != null) {
      throw ProblemException.unprocessable(
          field, "Tập thể không có họ tên, chức vụ hay thành viên");
    }
    if ((c.unitId() == null) == (c.modelId() == null)) {
      throw ProblemException.unprocessable(
          field, "Tập thể là một đơn vị hoặc một mô hình: chọn đúng một trong hai");
    }
    if (c.modelId() != null) {
      ModelService.ModelRef m = model(c.modelId(), field + ".modelId");
      Place u = territory.requireActiveOn(m.unitId(), field + ".modelId", day);
      if (m.establishedOn().isAfter(day)) {
        throw ProblemException.unprocessable(
            field + ".modelId",
            "Mô hình «"
                + m.name()
                + "» thành lập ngày "
                + VietnamTime.format(m.establishedOn())
                + ", sau ngày quyết định");
      }
      return new Resolved(
          AwardService.Kind.COLLECTIVE,
          u.id(),
          m.id(),
          null,
          m.name(),
          null,
          u.name(),
          "M" + m.id());
    }
    Place u = territory.requireActiveOn(c.unitId(), field + ".unitId", day);
    return new Resolved(
        AwardService.Kind.COLLECTIVE, u.id(), null, null, u.name(), null, u.name(), "U" + u.id());
  }

  /** A person: a member of a model, or a name with the unit they work or live in. */
  private Resolved individual(AwardService.RecipientCommand c, LocalDate day, String field) {
    ModelService.MemberRef member = null;
    Long unitId = c.unitId();
    if (c.memberId() != null) {
      member =
          models
              .member(c.memberId())
              .orElseThrow(
                  () ->
                      ProblemException.unprocessable(
                          field + ".memberId", "Không tìm thấy thành viên " + c.memberId()));
      model(member.modelId(), field + ".memberId");
      if (unitId == null) {
        unitId = member.teamUnitId();
      }
    }
    String name = AwardService.blankToNull(c.fullName());
    if (name == null && member != null) {
      name = member.fullName();
    }
    if (name == null) {
      throw ProblemException.unprocessable(field + ".fullName", "Ghi họ và tên người được khen");
    }
    if (unitId == null) {
      throw ProblemException.unprocessable(
          field + ".unitId", "Chọn đơn vị công tác hoặc nơi ở của «" + name + "»");
    }
    Place u = territory.requireActiveOn(unitId, field + ".unitId", day);
    name = name.replaceAll("\\s+", " ");
    String identity = member != null ? "P" + member.id() : "N" + u.id() + ":" + key(name);
    return new Resolved(
        AwardService.Kind.INDIVIDUAL,
        u.id(),
        null,
        member == null ? null : member.id(),
        name,
        AwardService.blankToNull(c.position()),
        u.name(),
        identity);
  }

  private ModelService.ModelRef model(long id, String field) {
    try {
      return models.requireVisible(id);
    } catch (ProblemException e) {
      throw ProblemException.unprocessable(field, "Không tìm thấy mô hình " + id);
    }
  }

  /** A name without case, diacritics or extra spaces, to tell the same person twice. */
  static String key(String s) {
    String d = s.replace('đ', 'd').replace('Đ', 'D');
    return java.text.Normalizer.normalize(d, java.text.Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT)
        .replaceAll("\\s+", " ")
        .trim();
  }
}
