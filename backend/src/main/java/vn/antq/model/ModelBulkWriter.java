package vn.antq.model;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import vn.antq.common.audit.AuditService;
import vn.antq.common.db.BulkSql;
import vn.antq.common.problem.ProblemException;
import vn.antq.territory.Place;

/** Models registered in bulk, one statement per table (imports of tens of thousands of rows). */
@ApplicationScoped
public class ModelBulkWriter {
  private static final String[] TYPES = {
    "int8", "text", "int8", "int8", "int8", "text", "text", "text", "text", "text", "text", "int4",
    "int4", "int8", "int8", "float8", "float8", "float8"
  };

  @Inject EntityManager em;
  @Inject AuditService audit;
  @Inject ModelService service;

  public record Created(Long id, ProblemException problem) {}

  /**
   * Registers many models under the rules of {@link ModelService#create}: every command is checked
   * first (units and catalogue items come from the persistence context after their first read),
   * then the accepted ones are written with one statement for the models and one for their audit
   * records; the triggers fill in province and report bucket and count them into the stocks and the
   * change log as for one. A refused command writes nothing; the answers are in the commands'
   * order.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<Created> createAll(List<ModelService.Command> cmds) {
    Created[] out = new Created[cmds.size()];
    List<Integer> accepted = new ArrayList<>();
    List<CommunityModelEntity> models = new ArrayList<>();
    List<Place> places = new ArrayList<>();
    for (int i = 0; i < cmds.size(); i++) {
      CommunityModelEntity m = new CommunityModelEntity();
      try {
        places.add(service.prepareNew(m, cmds.get(i)));
        accepted.add(i);
        models.add(m);
      } catch (ProblemException p) {
        out[i] = new Created(null, p);
      }
    }
    if (models.isEmpty()) {
      return List.of(out);
    }
    List<Long> ids = BulkSql.nextIds(em, "community_model", models.size());
    List<AuditService.Entry> trail = new ArrayList<>(models.size());
    for (int k = 0; k < models.size(); k++) {
      CommunityModelEntity m = models.get(k);
      m.id = ids.get(k);
      m.version = 0L;
      trail.add(
          new AuditService.Entry(
              m.id, AuditService.diff(null, ModelService.snapshot(m)), places.get(k).path()));
      out[accepted.get(k)] = new Created(m.id, null);
    }
    // the audit records first, as for events: the insert locks the models' stock rows (V21)
    audit.recordAll("MODEL", "CREATE", trail);
    write(models);
    return List.of(out);
  }

  /** The models' rows, one statement: columns passed as arrays. */
  private void write(List<CommunityModelEntity> models) {
    Object[][] columns = new Object[TYPES.length][models.size()];
    for (int k = 0; k < models.size(); k++) {
      CommunityModelEntity m = models.get(k);
      Object[] values = {
        m.id,
        m.name,
        m.typeId,
        m.fieldId,
        m.unitId,
        arrayLiteral(m.leadOrgs),
        arrayLiteral(m.targetCommunities),
        m.establishedOn.toString(),
        m.description,
        m.status.name(),
        m.statusSince.toString(),
        m.declaredTeams,
        m.declaredMembers,
        m.ethnicGroupId,
        m.religionId,
        m.latitude,
        m.longitude,
        m.positionAccuracy
      };
      for (int c = 0; c < values.length; c++) {
        columns[c][k] = values[c];
      }
    }
    Object[] params = new Object[TYPES.length];
    for (int c = 0; c < TYPES.length; c++) {
      params[c] = new BulkSql.Column(TYPES[c], columns[c]);
    }
    BulkSql.execute(
        em,
        "INSERT INTO community_model (id, name, type_id, field_id, unit_id, lead_orgs,"
            + " target_communities, established_on, description, status, status_since,"
            + " declared_teams, declared_members, ethnic_group_id, religion_id, latitude,"
            + " longitude, position_accuracy, version, created_at, updated_at)"
            + " SELECT id, name, type_id, field_id, unit_id, CAST(lead_orgs AS varchar(40)[]),"
            + " CAST(target_communities AS varchar(40)[]), CAST(established_on AS date),"
            + " description, status, CAST(status_since AS date), declared_teams,"
            + " declared_members, ethnic_group_id, religion_id, latitude, longitude,"
            + " position_accuracy, 0, now(), now()"
            + " FROM unnest(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) AS u(id, name,"
            + " type_id, field_id, unit_id, lead_orgs, target_communities, established_on,"
            + " description, status, status_since, declared_teams, declared_members,"
            + " ethnic_group_id, religion_id, latitude, longitude, position_accuracy)",
        params);
  }

  /**
   * A text array as PostgreSQL reads it ({@code {"a","b"}}): one value per row of an array column
   * (an array of arrays would be one two-dimensional array).
   */
  static String arrayLiteral(String[] values) {
    return java.util.Arrays.stream(values)
        .map(v -> '"' + v.replace("\\", "\\\\").replace("\"", "\\\"") + '"')
        .collect(Collectors.joining(",", "{", "}"));
  }
}
