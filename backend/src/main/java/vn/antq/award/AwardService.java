package vn.antq.award;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.antq.catalogue.Catalogue;
import vn.antq.catalogue.CatalogueEntry;
import vn.antq.catalogue.CatalogueService;
import vn.antq.common.audit.AuditService;
import vn.antq.common.db.Rows;
import vn.antq.common.problem.ProblemException;
import vn.antq.common.time.VietnamTime;
import vn.antq.common.web.Etags;
import vn.antq.event.EventService;
import vn.antq.event.ProgrammeService;
import vn.antq.territory.Place;
import vn.antq.territory.Territory;
import vn.antq.territory.UnitSummary;

/**
 * Award decisions and their recipients. A decision is kept in the register of the unit in whose
 * name the authority acted; it is seen by those whose territory holds that unit or any recipient
 * (an award decision is a public act: a ward sees the province's decision that names its people).
 * Only officers of the decision's unit change it, and only with recipients of their territory.
 */
@ApplicationScoped
public class AwardService {
  public static final Map<String, String> SORTABLE =
      Map.of("decidedOn", "d.decided_on", "number", "d.number_key");

  public static final int MAX_RECIPIENTS = 1000;

  @Inject AwardNotices notices;
  @Inject EntityManager em;
  @Inject Territory territory;
  @Inject CatalogueService catalogues;
  @Inject EventService events;
  @Inject ProgrammeService programmes;
  @Inject AwardPowerService powers;
  @Inject AuditService audit;
  @Inject AwardQueries queries;
  @Inject RecipientResolver resolver;

  public enum Kind {
    COLLECTIVE,
    INDIVIDUAL
  }

  public record RecipientCommand(
      Kind kind, Long unitId, Long modelId, Long memberId, String fullName, String position) {}

  public record Command(
      String number,
      LocalDate decidedOn,
      Long authorityId,
      Long unitId,
      String issuerName,
      String signer,
      Long formId,
      Long typeId,
      String reason,
      Long eventId,
      Long programmeId,
      List<RecipientCommand> recipients) {}

  public record Filter(
      String q,
      Long formId,
      Long typeId,
      Long authorityId,
      Kind kind,
      Long unitId,
      Long eventId,
      Long programmeId,
      LocalDate from,
      LocalDate to) {}

  public record RecipientView(
      long id,
      Kind kind,
      String name,
      String position,
      String unitName,
      UnitSummary unit,
      Long modelId,
      String modelName,
      Long memberId) {}

  public record View(
      AwardDecisionEntity decision,
      CatalogueEntry authority,
      UnitSummary unit,
      CatalogueEntry form,
      CatalogueEntry type,
      EventService.EventRef event,
      ProgrammeService.ProgrammeRef programme,
      int collectives,
      int individuals,
      List<RecipientView> recipients) {}

  public record Page(List<View> content, long total) {}

  public record Hit(RecipientView recipient, View award) {}

  public record HitPage(List<Hit> content, long total) {}

  public record FormCount(
      CatalogueEntry form, long decisions, long collectives, long individuals) {}

  public record Counts(
      long decisions, long collectives, long individuals, List<FormCount> byForm) {}

  /** A recipient checked and named, ready to be stored. */

  /** A decision the caller may change: seen, and kept in a unit of the caller's territory. */
  private AwardDecisionEntity requireWritable(long id) {
    AwardDecisionEntity d = queries.require(id);
    if (!territory.contains(d.unitId)) {
      throw new ProblemException(
          vn.antq.common.problem.ProblemType.FORBIDDEN,
          "Quyết định này do «"
              + d.issuerName
              + "» ban hành, thuộc hồ sơ của đơn vị khác: chỉ cán bộ của đơn vị đó được sửa.");
    }
    return d;
  }

  // ------------------------------------------------------------------ writing

  @Transactional
  public View create(Command cmd) {
    AwardDecisionEntity d = new AwardDecisionEntity();
    List<RecipientResolver.Resolved> resolved = prepareNew(d, cmd, true, powers.grants());
    d.persist();
    insertRecipients(d.id, resolved, 0);
    audit.record(
        "AWARD",
        d.id,
        "CREATE",
        AuditService.diff(null, snapshot(d, names(resolved))),
        territory.placeOf(d.unitId).path());
    em.flush();
    notices.decided(d);
    return queries.views(List.of(d.id), true).get(0);
  }

  /**
   * A new decision as {@link #create} makes it, not yet written, under the same checks; its
   * recipients checked and named. Also for {@link AwardBulkWriter}, which checks the numbers of a
   * whole batch with one query ({@code checkNumber} false).
   */
  List<RecipientResolver.Resolved> prepareNew(
      AwardDecisionEntity d, Command cmd, boolean checkNumber, AwardPowerService.Grants grants) {
    apply(d, cmd, checkNumber, grants);
    List<RecipientResolver.Resolved> resolved =
        resolver.resolve(cmd.recipients(), cmd.decidedOn(), List.of());
    d.createdAt = Instant.now();
    d.updatedAt = d.createdAt;
    return resolved;
  }

  @Transactional
  public View update(long id, long expected, Command cmd) {
    AwardDecisionEntity d = requireWritable(id);
    Etags.check(expected, d.version);
    Map<String, Object> before = snapshot(d, storedNames(d.id));
    apply(d, cmd, true, powers.grants());
    List<RecipientResolver.Resolved> resolved =
        resolver.resolve(cmd.recipients(), cmd.decidedOn(), List.of());
    d.updatedAt = Instant.now();
    em.createNativeQuery("DELETE FROM award_recipient WHERE decision_id = ?1")
        .setParameter(1, d.id)
        .executeUpdate();
    insertRecipients(d.id, resolved, 0);
    audit.record(
        "AWARD",
        d.id,
        "UPDATE",
        AuditService.diff(before, snapshot(d, names(resolved))),
        territory.placeOf(d.unitId).path());
    em.flush();
    notices.decided(d);
    return queries.views(List.of(d.id), true).get(0);
  }

  @Transactional
  public void delete(long id, long expected) {
    AwardDecisionEntity d = requireWritable(id);
    Etags.check(expected, d.version);
    Map<String, AuditService.Change> changes = new LinkedHashMap<>();
    snapshot(d, storedNames(d.id))
        .forEach((k, v) -> changes.put(k, new AuditService.Change(v, null)));
    String path = territory.placeOf(d.unitId).path();
    d.delete();
    audit.record("AWARD", id, "DELETE", changes, path);
  }

  @Transactional
  public View addRecipients(long id, long expected, List<RecipientCommand> added) {
    AwardDecisionEntity d = requireWritable(id);
    Etags.check(expected, d.version);
    List<String> before = storedNames(d.id);
    if (before.size() + added.size() > MAX_RECIPIENTS) {
      throw ProblemException.unprocessable(
          "recipients", "Một quyết định ghi tối đa " + MAX_RECIPIENTS + " người được khen");
    }
    List<RecipientResolver.Resolved> resolved =
        resolver.resolve(added, d.decidedOn, storedIdentities(d.id));
    Long last =
        Rows.toLongOrNull(
            em.createNativeQuery(
                    "SELECT coalesce(max(position_no), 0) FROM award_recipient WHERE decision_id = ?1")
                .setParameter(1, d.id)
                .getSingleResult());
    insertRecipients(d.id, resolved, last.intValue());
    d.updatedAt = Instant.now();
    List<String> after = new ArrayList<>(before);
    after.addAll(names(resolved));
    audit.record(
        "AWARD",
        d.id,
        "UPDATE",
        AuditService.diff(Map.of("recipients", before), Map.of("recipients", after)),
        territory.placeOf(d.unitId).path());
    em.flush();
    notices.decided(d);
    return queries.views(List.of(d.id), true).get(0);
  }

  @Transactional
  public View removeRecipient(long id, long expected, long recipientId) {
    AwardDecisionEntity d = requireWritable(id);
    Etags.check(expected, d.version);
    List<String> before = storedNames(d.id);
    int removed =
        em.createNativeQuery("DELETE FROM award_recipient WHERE id = ?1 AND decision_id = ?2")
            .setParameter(1, recipientId)
            .setParameter(2, d.id)
            .executeUpdate();
    if (removed == 0) {
      throw ProblemException.notFound(
          "Quyết định không có người được khen " + recipientId + " trong danh sách");
    }
    if (before.size() == 1) {
      throw ProblemException.unprocessable(
          "recipientId",
          "Quyết định phải còn ít nhất một người được khen; hãy xóa cả quyết định nếu ghi nhầm");
    }
    d.updatedAt = Instant.now();
    audit.record(
        "AWARD",
        d.id,
        "UPDATE",
        AuditService.diff(Map.of("recipients", before), Map.of("recipients", storedNames(d.id))),
        territory.placeOf(d.unitId).path());
    em.flush();
    notices.decided(d);
    return queries.views(List.of(d.id), true).get(0);
  }

  private void apply(
      AwardDecisionEntity d, Command cmd, boolean checkNumber, AwardPowerService.Grants grants) {
    LocalDate day = cmd.decidedOn();
    if (day.isAfter(VietnamTime.today())) {
      throw ProblemException.unprocessable("decidedOn", "Ngày quyết định không được sau hôm nay");
    }
    CatalogueEntry authority =
        catalogueOn(Catalogue.AWARD_AUTHORITY, cmd.authorityId(), "authorityId", day);
    CatalogueEntry form = catalogueOn(Catalogue.AWARD_FORM, cmd.formId(), "formId", day);
    catalogueOn(Catalogue.AWARD_TYPE, cmd.typeId(), "typeId", day);
    grants.require(authority, form, day);
    Place unit = territory.requireActiveOn(cmd.unitId(), "unitId", day);
    String number = cmd.number().trim().replaceAll("\\s+", " ");
    if (checkNumber) {
      checkNumberFree(d, number, day, authority, unit);
    }
    checkLinks(cmd);
    d.number = number;
    d.decidedOn = day;
    d.authorityId = authority.id();
    d.unitId = unit.id();
    String issuer = blankToNull(cmd.issuerName());
    d.issuerName = issuer != null ? issuer : authority.name() + " (" + unit.name() + ")";
    d.signer = blankToNull(cmd.signer());
    d.formId = form.id();
    d.typeId = cmd.typeId();
    d.reason = blankToNull(cmd.reason());
    d.eventId = cmd.eventId();
    d.programmeId = cmd.programmeId();
  }

  /** One decision per number, year, authority and unit. */
  private void checkNumberFree(
      AwardDecisionEntity d, String number, LocalDate day, CatalogueEntry authority, Place unit) {
    String numberKey = numberKey(number);
    Long same =
        Rows.toLongOrNull(
            em.createNativeQuery(
                    "SELECT count(*) FROM award_decision WHERE authority_id = ?1 AND unit_id = ?2"
                        + " AND decided_year = ?3 AND number_key = ?4 AND id <> ?5")
                .setParameter(1, authority.id())
                .setParameter(2, unit.id())
                .setParameter(3, day.getYear())
                .setParameter(4, numberKey)
                .setParameter(5, d.id == null ? -1L : d.id)
                .getSingleResult());
    if (same.longValue() > 0) {
      throw numberTaken(number, day.getYear(), authority.name(), unit.name());
    }
  }

  /** The decision number is already recorded for that authority, unit and year. */
  static ProblemException numberTaken(String number, int year, String authority, String unit) {
    return ProblemException.conflict(
        "number",
        "Quyết định số "
            + number
            + " năm "
            + year
            + " của "
            + authority
            + " ("
            + unit
            + ") đã được ghi");
  }

  /** The event or programme a decision rewards, when it names one, is one the caller sees. */
  private void checkLinks(Command cmd) {
    if (cmd.eventId() != null) {
      try {
        events.requireRef(cmd.eventId());
      } catch (ProblemException e) {
        throw ProblemException.unprocessable("eventId", "Không tìm thấy sự kiện " + cmd.eventId());
      }
    }
    if (cmd.programmeId() != null) {
      try {
        programmes.requireRef(cmd.programmeId());
      } catch (ProblemException e) {
        throw ProblemException.unprocessable(
            "programmeId", "Không tìm thấy chương trình " + cmd.programmeId());
      }
    }
  }

  /** A catalogue item in force on the decision's day (old decisions use the old lists). */
  private CatalogueEntry catalogueOn(Catalogue catalogue, Long id, String field, LocalDate day) {
    CatalogueEntry item = id == null ? null : catalogues.find(id).orElse(null);
    if (item == null || !item.catalogue().equals(catalogue.name())) {
      throw ProblemException.unprocessable(field, "Không có " + catalogue.label() + " này");
    }
    if (!item.activeOn(day)) {
      throw ProblemException.unprocessable(
          field,
          "«"
              + item.name()
              + "» không có hiệu lực vào ngày "
              + VietnamTime.format(day)
              + " (hiệu lực "
              + AwardPowerService.range(item.validFrom(), item.validTo())
              + ")");
    }
    return item;
  }

  private void insertRecipients(long decisionId, List<RecipientResolver.Resolved> list, int after) {
    int position = after;
    for (RecipientResolver.Resolved r : list) {
      position++;
      em.createNativeQuery(
              "INSERT INTO award_recipient (decision_id, kind, unit_id, model_id, member_id, name,"
                  + " position, unit_name, position_no) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
          .setParameter(1, decisionId)
          .setParameter(2, r.kind().name())
          .setParameter(3, r.unitId())
          .setParameter(4, r.modelId() == null ? null : r.modelId())
          .setParameter(5, r.memberId() == null ? null : r.memberId())
          .setParameter(6, r.name())
          .setParameter(7, r.position())
          .setParameter(8, r.unitName())
          .setParameter(9, position)
          .executeUpdate();
    }
  }

  /** The identities of the stored recipients (same keys as {@link Resolved#identity()}). */
  private List<String> storedIdentities(long decisionId) {
    List<Object[]> rows =
        Rows.of(
            em.createNativeQuery(
                    "SELECT kind, unit_id, model_id, member_id, name_key FROM award_recipient"
                        + " WHERE decision_id = ?1")
                .setParameter(1, decisionId));
    return rows.stream()
        .map(
            r -> {
              if ("COLLECTIVE".equals(r[0])) {
                return r[2] != null ? "M" + Rows.toLong(r[2]) : "U" + Rows.toLong(r[1]);
              }
              return r[3] != null
                  ? "P" + Rows.toLong(r[3])
                  : "N" + Rows.toLong(r[1]) + ":" + RecipientResolver.key((String) r[4]);
            })
        .toList();
  }

  private List<String> storedNames(long decisionId) {
    List<Object[]> rows =
        Rows.of(
            em.createNativeQuery(
                    "SELECT name, unit_name FROM award_recipient WHERE decision_id = ?1"
                        + " ORDER BY position_no")
                .setParameter(1, decisionId));
    return rows.stream().map(r -> r[0] + " — " + r[1]).toList();
  }

  static List<String> names(List<RecipientResolver.Resolved> list) {
    return list.stream().map(r -> r.name() + " — " + r.unitName()).toList();
  }

  /** The key a decision's number is unique under: authority, unit, year, number without spaces. */
  static String numberKey(AwardDecisionEntity d) {
    return d.authorityId + "/" + d.unitId + "/" + d.decidedOn.getYear() + "/" + numberKey(d.number);
  }

  /** A number as {@code award_decision.number_key} keeps it. */
  static String numberKey(String number) {
    return number.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
  }

  static Map<String, Object> snapshot(AwardDecisionEntity d, List<String> recipients) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("number", d.number);
    s.put("decidedOn", d.decidedOn == null ? null : d.decidedOn.toString());
    s.put("authorityId", d.authorityId);
    s.put("unitId", d.unitId);
    s.put("issuerName", d.issuerName);
    s.put("signer", d.signer);
    s.put("formId", d.formId);
    s.put("typeId", d.typeId);
    s.put("reason", d.reason);
    s.put("eventId", d.eventId);
    s.put("programmeId", d.programmeId);
    s.put("recipients", recipients);
    return s;
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
