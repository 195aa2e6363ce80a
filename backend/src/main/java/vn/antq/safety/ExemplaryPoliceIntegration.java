package vn.antq.safety;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import vn.antq.api.model.ExemplaryPoliceInput;
import vn.antq.common.problem.ProblemException;
import vn.antq.integration.ImportTarget;
import vn.antq.integration.StoredVersions;

/**
 * "Công an phường điển hình, kiểu mẫu" designations pushed in bulk through {@link
 * ExemplaryPoliceService} (a province's years of designations with its models): a designation is
 * not edited but replaced — sent again with other data, the old one is deleted and the new one
 * recorded, both in the audit trail, and the sender's id follows the new one.
 */
@ApplicationScoped
public class ExemplaryPoliceIntegration implements ImportTarget {
  @Inject ExemplaryPoliceService police;
  @Inject StoredVersions versions;

  @Override
  public String name() {
    return "exemplary-police";
  }

  @Override
  public String resource() {
    return "EXEMPLARY_POLICE";
  }

  @Override
  public Class<?> inputType() {
    return ExemplaryPoliceInput.class;
  }

  @Override
  public Optional<Long> storedVersion(long id) {
    return versions.of("exemplary_police", id);
  }

  @Override
  public boolean visible(long id) {
    try {
      police.require(id);
      return true;
    } catch (ProblemException e) {
      return false;
    }
  }

  @Override
  public long create(Object input) {
    ExemplaryPoliceInput in = (ExemplaryPoliceInput) input;
    return police
        .create(
            new ExemplaryPoliceService.PoliceCommand(
                in.getUnitId(),
                in.getYear(),
                in.getDecisionNumber(),
                in.getDecidedOn(),
                in.getAuthority(),
                in.getNote()))
        .designation()
        .id;
  }

  @Override
  public void update(long id, long expected, Object input) {
    replace(id, expected, input);
  }

  @Override
  public long replace(long id, long expected, Object input) {
    police.delete(id, expected);
    return create(input);
  }

  @Override
  public void delete(long id, long expected) {
    police.delete(id, expected);
  }
}
