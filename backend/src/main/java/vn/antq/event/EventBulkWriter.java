package vn.antq.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import vn.antq.common.audit.AuditService;
import vn.antq.common.db.BulkSql;
import vn.antq.common.problem.ProblemException;
import vn.antq.territory.Territory;

/** Events written in bulk, one statement per table (imports of tens of thousands of rows). */
@ApplicationScoped
public class EventBulkWriter {
  @Inject EntityManager em;
  @Inject Territory territory;
  @Inject AuditService audit;
  @Inject EventService service;

  public record Created(Long id, ProblemException problem) {}

  /**
   * Creates many events under the rules of {@link EventService#create}: every command is checked
   * first (the caller's territory read once; units and catalogue items come from the persistence
   * context after their first read), then the accepted ones are written with one statement per
   * table — events, organisers, models, materials, audit records — and the statement-level triggers
   * (V18) fold them into the pre-aggregates and the change log. A refused command writes nothing;
   * the answers are in the commands' order.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<Created> createAll(List<EventService.Command> cmds) {
    Created[] out = new Created[cmds.size()];
    List<Integer> accepted = new ArrayList<>();
    List<EventEntity> events = new ArrayList<>();
    for (int i = 0; i < cmds.size(); i++) {
      EventEntity e = new EventEntity();
      try {
        service.apply(e, cmds.get(i));
        accepted.add(i);
        events.add(e);
      } catch (ProblemException p) {
        out[i] = new Created(null, p);
      }
    }
    if (events.isEmpty()) {
      return List.of(out);
    }
    List<Long> ids = BulkSql.nextIds(em, "event", events.size());
    Rows rows = new Rows(events.size());
    List<AuditService.Entry> trail = new ArrayList<>(events.size());
    for (int k = 0; k < events.size(); k++) {
      EventEntity e = events.get(k);
      EventService.Command cmd = cmds.get(accepted.get(k));
      e.id = ids.get(k);
      e.version = 0L;
      rows.add(k, e, cmd);
      trail.add(
          new AuditService.Entry(
              e.id,
              AuditService.diff(null, EventService.snapshot(e, cmd)),
              territory.placeOf(e.unitId).path()));
      out[accepted.get(k)] = new Created(e.id, null);
    }
    // the audit records first: the events' insert locks their pre-aggregate rows (V22), which
    // another import lane then waits for until this transaction commits
    audit.recordAll("EVENT", "CREATE", trail);
    rows.write(em);
    return List.of(out);
  }

  /**
   * The new events' rows, column by column, and the rows of their organisers, models, materials.
   */
  private static final class Rows {
    private static final String[] TYPES = {
      "int8", "int8", "text", "text", "text", "text", "int8", "int8", "int8", "int4", "int4", "text"
    };
    final Object[][] events;
    final List<Object> orgEvent = new ArrayList<>();
    final List<Object> orgUnit = new ArrayList<>();
    final List<Object> modelEvent = new ArrayList<>();
    final List<Object> modelId = new ArrayList<>();
    final List<Object> materialEvent = new ArrayList<>();
    final List<Object> materialType = new ArrayList<>();
    final List<Object> materialQuantity = new ArrayList<>();

    Rows(int n) {
      events = new Object[TYPES.length][n];
    }

    void add(int k, EventEntity e, EventService.Command cmd) {
      Object[] values = {
        e.id,
        e.typeId,
        e.title,
        e.startsAt.toString(),
        e.endsAt.toString(),
        e.location,
        e.unitId,
        e.leadUnitId,
        e.programmeId,
        e.attendance,
        e.sessions,
        e.outcome
      };
      for (int c = 0; c < values.length; c++) {
        events[c][k] = values[c];
      }
      for (Long id : cmd.coOrganiserIds() == null ? Set.<Long>of() : cmd.coOrganiserIds()) {
        orgEvent.add(e.id);
        orgUnit.add(id);
      }
      for (Long m : cmd.modelIds() == null ? Set.<Long>of() : cmd.modelIds()) {
        modelEvent.add(e.id);
        modelId.add(m);
      }
      for (EventService.Material m :
          cmd.materials() == null ? List.<EventService.Material>of() : cmd.materials()) {
        materialEvent.add(e.id);
        materialType.add(m.typeId());
        materialQuantity.add(m.quantity());
      }
    }

    /** One statement per table. */
    void write(EntityManager em) {
      Object[] columns = new Object[TYPES.length];
      for (int c = 0; c < TYPES.length; c++) {
        columns[c] = new BulkSql.Column(TYPES[c], events[c]);
      }
      BulkSql.execute(
          em,
          "INSERT INTO event (id, type_id, title, starts_at, ends_at, location, unit_id,"
              + " lead_unit_id, programme_id, attendance, sessions, outcome, version, created_at,"
              + " updated_at)"
              + " SELECT id, type_id, title, CAST(starts_at AS timestamptz),"
              + " CAST(ends_at AS timestamptz), location, unit_id, lead_unit_id, programme_id,"
              + " attendance, sessions, outcome, 0, now(), now()"
              + " FROM unnest(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) AS u(id, type_id, title,"
              + " starts_at, ends_at, location, unit_id, lead_unit_id, programme_id, attendance,"
              + " sessions, outcome)",
          columns);
      if (!orgEvent.isEmpty()) {
        BulkSql.execute(
            em,
            "INSERT INTO event_organiser (event_id, unit_id) SELECT * FROM unnest(?, ?)",
            BulkSql.Column.of("int8", orgEvent),
            BulkSql.Column.of("int8", orgUnit));
      }
      if (!modelEvent.isEmpty()) {
        BulkSql.execute(
            em,
            "INSERT INTO event_model (event_id, model_id) SELECT * FROM unnest(?, ?)",
            BulkSql.Column.of("int8", modelEvent),
            BulkSql.Column.of("int8", modelId));
      }
      if (!materialEvent.isEmpty()) {
        BulkSql.execute(
            em,
            "INSERT INTO event_material (event_id, material_type_id, quantity)"
                + " SELECT * FROM unnest(?, ?, ?)",
            BulkSql.Column.of("int8", materialEvent),
            BulkSql.Column.of("int8", materialType),
            BulkSql.Column.of("int4", materialQuantity));
      }
    }
  }
}
