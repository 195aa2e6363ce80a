package vn.antq.award;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.antq.common.audit.AuditService;
import vn.antq.common.db.BulkSql;
import vn.antq.common.problem.ProblemException;
import vn.antq.territory.Territory;

/** Award decisions recorded in bulk, one statement per table (imports of many decisions). */
@ApplicationScoped
public class AwardBulkWriter {
  @Inject EntityManager em;
  @Inject Territory territory;
  @Inject AuditService audit;
  @Inject AwardService service;
  @Inject AwardNotices notices;
  @Inject AwardPowerService powers;
  @Inject vn.antq.catalogue.CatalogueService catalogues;

  public record Created(Long id, ProblemException problem) {}

  /** A decision checked, with its recipients checked and named. */
  private record Prepared(int index, AwardDecisionEntity d, List<RecipientResolver.Resolved> to) {}

  /**
   * Records many decisions under the rules of {@link AwardService#create}: every command is checked
   * first (a number twice in the same batch is refused as it would be one after the other), then
   * the accepted ones are written with one statement for their audit records, one for the decisions
   * and one for their recipients; the triggers count them as for one, and one statement tells the
   * units named as each would have been told alone. A refused command writes nothing; the answers
   * are in the commands' order.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<Created> createAll(List<AwardService.Command> cmds) {
    Created[] out = new Created[cmds.size()];
    List<Prepared> accepted = new ArrayList<>();
    Set<String> numbers = new HashSet<>();
    AwardPowerService.Grants grants = powers.grants();
    for (int i = 0; i < cmds.size(); i++) {
      AwardDecisionEntity d = new AwardDecisionEntity();
      try {
        List<RecipientResolver.Resolved> to = service.prepareNew(d, cmds.get(i), false, grants);
        if (!numbers.add(AwardService.numberKey(d))) {
          throw ProblemException.conflict(
              "number",
              "Quyết định số "
                  + d.number
                  + " năm "
                  + d.decidedOn.getYear()
                  + " của "
                  + d.issuerName
                  + " có hai lần trong lô này");
        }
        accepted.add(new Prepared(i, d, to));
      } catch (ProblemException p) {
        out[i] = new Created(null, p);
      }
    }
    accepted = withFreeNumbers(accepted, out);
    if (accepted.isEmpty()) {
      return List.of(out);
    }
    List<Long> ids = BulkSql.nextIds(em, "award_decision", accepted.size());
    List<AuditService.Entry> trail = new ArrayList<>(accepted.size());
    for (int k = 0; k < accepted.size(); k++) {
      Prepared p = accepted.get(k);
      p.d().id = ids.get(k);
      p.d().version = 0L;
      trail.add(
          new AuditService.Entry(
              p.d().id,
              AuditService.diff(null, AwardService.snapshot(p.d(), AwardService.names(p.to()))),
              territory.placeOf(p.d().unitId).path()));
      out[p.index()] = new Created(p.d().id, null);
    }
    audit.recordAll("AWARD", "CREATE", trail);
    writeDecisions(accepted);
    writeRecipients(accepted);
    notices.decidedAll(
        accepted.stream()
            .map(
                p ->
                    new AwardNotices.Named(
                        p.d(),
                        p.to().stream()
                            .map(RecipientResolver.Resolved::unitId)
                            .distinct()
                            .toList()))
            .toList());
    return List.of(out);
  }

  /**
   * The decisions whose numbers are not recorded yet (one query for the batch); the others are
   * answered as {@link AwardService#create} answers them.
   */
  private List<Prepared> withFreeNumbers(List<Prepared> accepted, Created[] out) {
    if (accepted.isEmpty()) {
      return accepted;
    }
    int n = accepted.size();
    Object[][] c = new Object[5][n];
    for (int k = 0; k < n; k++) {
      AwardDecisionEntity d = accepted.get(k).d();
      c[0][k] = d.authorityId;
      c[1][k] = d.unitId;
      c[2][k] = d.decidedOn.getYear();
      c[3][k] = AwardService.numberKey(d.number);
      c[4][k] = k;
    }
    Set<Integer> taken = new HashSet<>();
    for (Object[] r :
        BulkSql.query(
            em,
            "SELECT u.k FROM unnest(?, ?, ?, ?, ?) AS u(a, un, y, nk, k) WHERE EXISTS (SELECT 1"
                + " FROM award_decision d WHERE d.authority_id = u.a AND d.unit_id = u.un"
                + " AND d.decided_year = u.y AND d.number_key = u.nk)",
            new BulkSql.Column("int8", c[0]),
            new BulkSql.Column("int8", c[1]),
            new BulkSql.Column("int4", c[2]),
            new BulkSql.Column("text", c[3]),
            new BulkSql.Column("int4", c[4]))) {
      taken.add(vn.antq.common.db.Rows.toInt(r[0]));
    }
    if (taken.isEmpty()) {
      return accepted;
    }
    List<Prepared> free = new ArrayList<>(accepted.size());
    for (int k = 0; k < n; k++) {
      Prepared p = accepted.get(k);
      AwardDecisionEntity d = p.d();
      if (taken.contains(k)) {
        out[p.index()] =
            new Created(
                null,
                AwardService.numberTaken(
                    d.number,
                    d.decidedOn.getYear(),
                    catalogues.find(d.authorityId).map(e -> e.name()).orElse(""),
                    territory.placeOf(d.unitId).name()));
      } else {
        free.add(p);
      }
    }
    return free;
  }

  private void writeDecisions(List<Prepared> accepted) {
    int n = accepted.size();
    Object[][] c = new Object[11][n];
    for (int k = 0; k < n; k++) {
      AwardDecisionEntity d = accepted.get(k).d();
      Object[] row = {
        d.id,
        d.number,
        d.decidedOn.toString(),
        d.authorityId,
        d.unitId,
        d.issuerName,
        d.signer,
        d.formId,
        d.typeId,
        d.reason,
        d.eventId
      };
      for (int i = 0; i < row.length; i++) {
        c[i][k] = row[i];
      }
    }
    Object[] programmes = accepted.stream().map(p -> p.d().programmeId).toArray();
    BulkSql.execute(
        em,
        "INSERT INTO award_decision (id, number, decided_on, authority_id, unit_id, issuer_name,"
            + " signer, form_id, type_id, reason, event_id, programme_id, version, created_at,"
            + " updated_at)"
            + " SELECT id, number, CAST(decided_on AS date), authority_id, unit_id, issuer_name,"
            + " signer, form_id, type_id, reason, event_id, programme_id, 0, now(), now()"
            + " FROM unnest(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) AS u(id, number, decided_on,"
            + " authority_id, unit_id, issuer_name, signer, form_id, type_id, reason, event_id,"
            + " programme_id)",
        new BulkSql.Column("int8", c[0]),
        new BulkSql.Column("text", c[1]),
        new BulkSql.Column("text", c[2]),
        new BulkSql.Column("int8", c[3]),
        new BulkSql.Column("int8", c[4]),
        new BulkSql.Column("text", c[5]),
        new BulkSql.Column("text", c[6]),
        new BulkSql.Column("int8", c[7]),
        new BulkSql.Column("int8", c[8]),
        new BulkSql.Column("text", c[9]),
        new BulkSql.Column("int8", c[10]),
        new BulkSql.Column("int8", programmes));
  }

  /** Every accepted decision's recipients, in their order, one statement. */
  private void writeRecipients(List<Prepared> accepted) {
    List<Object> decision = new ArrayList<>();
    List<Object> kind = new ArrayList<>();
    List<Object> unit = new ArrayList<>();
    List<Object> model = new ArrayList<>();
    List<Object> member = new ArrayList<>();
    List<Object> name = new ArrayList<>();
    List<Object> position = new ArrayList<>();
    List<Object> unitName = new ArrayList<>();
    List<Object> no = new ArrayList<>();
    for (Prepared p : accepted) {
      int at = 0;
      for (RecipientResolver.Resolved r : p.to()) {
        decision.add(p.d().id);
        kind.add(r.kind().name());
        unit.add(r.unitId());
        model.add(r.modelId());
        member.add(r.memberId());
        name.add(r.name());
        position.add(r.position());
        unitName.add(r.unitName());
        no.add(++at);
      }
    }
    if (decision.isEmpty()) {
      return;
    }
    BulkSql.execute(
        em,
        "INSERT INTO award_recipient (decision_id, kind, unit_id, model_id, member_id, name,"
            + " position, unit_name, position_no) SELECT * FROM unnest(?, ?, ?, ?, ?, ?, ?, ?, ?)",
        BulkSql.Column.of("int8", decision),
        BulkSql.Column.of("text", kind),
        BulkSql.Column.of("int8", unit),
        BulkSql.Column.of("int8", model),
        BulkSql.Column.of("int8", member),
        BulkSql.Column.of("text", name),
        BulkSql.Column.of("text", position),
        BulkSql.Column.of("text", unitName),
        BulkSql.Column.of("int4", no));
  }
}
