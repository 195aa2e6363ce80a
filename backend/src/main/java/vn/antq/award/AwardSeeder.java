package vn.antq.award;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.antq.catalogue.Catalogue;
import vn.antq.catalogue.CatalogueSeeder;
import vn.antq.common.db.Rows;
import vn.antq.common.db.StartupLock;

/**
 * The powers every database starts with: who may grant which form (Luật Thi đua, khen thưởng
 * 06/2022/QH15; NĐ 152/2025/NĐ-CP for the changes of 1/7/2025, when the district level ended and
 * its powers went to the communes). A pair that already has any row is left as the administrators
 * keep it; this is a starting point for the province's emulation office to confirm.
 */
@ApplicationScoped
public class AwardSeeder {
  @Inject EntityManager em;

  private static final LocalDate SINCE = LocalDate.of(2000, 1, 1);
  private static final String LAW = "Luật Thi đua, khen thưởng 06/2022/QH15";
  private static final String REFORM_BASIS =
      "NĐ 152/2025/NĐ-CP; chính quyền cấp huyện kết thúc hoạt động từ 01/07/2025";

  record Power(String authority, String form, LocalDate from, LocalDate to, String basis) {}

  static final List<Power> POWERS =
      List.of(
          new Power("CHU_TICH_NUOC", "HUAN_CHUONG", SINCE, null, LAW),
          new Power("CHU_TICH_NUOC", "HUY_CHUONG", SINCE, null, LAW),
          new Power("THU_TUONG", "BANG_KHEN", SINCE, null, LAW),
          new Power("THU_TUONG", "CO_THI_DUA", SINCE, null, LAW),
          new Power("BO_TRUONG_BCA", "BANG_KHEN", SINCE, null, LAW),
          new Power("BO_TRUONG_BCA", "CO_THI_DUA", SINCE, null, LAW),
          new Power("BO_TRUONG_BCA", "KNC_BVANTQ", SINCE, null, LAW),
          new Power("CT_UBND_TINH", "BANG_KHEN", SINCE, null, LAW),
          new Power("CT_UBND_TINH", "CO_THI_DUA", SINCE, null, LAW),
          new Power("CT_UBND_TINH", "CSTD_TINH", SINCE, null, LAW),
          new Power("UB_MTTQ_TINH", "BANG_KHEN", SINCE, null, LAW),
          new Power("GD_CONG_AN_TINH", "GIAY_KHEN", SINCE, null, LAW),
          new Power("CT_UBND_HUYEN", "GIAY_KHEN", SINCE, CatalogueSeeder.REFORM, REFORM_BASIS),
          new Power("CT_UBND_HUYEN", "CSTD_CO_SO", SINCE, CatalogueSeeder.REFORM, REFORM_BASIS),
          new Power("CT_UBND_XA", "GIAY_KHEN", SINCE, null, LAW),
          new Power("CT_UBND_XA", "CSTD_CO_SO", CatalogueSeeder.REFORM, null, REFORM_BASIS));

  @Transactional
  void onStart(@Observes @Priority(2001) StartupEvent event) {
    StartupLock.seeding(em);
    // the authorities and forms by code, and the pairs that have a row: two statements
    Map<String, Long> ids = new HashMap<>();
    List<Object[]> items =
        Rows.of(
            em.createNativeQuery(
                "SELECT catalogue || ':' || code, id FROM catalogue_item"
                    + " WHERE catalogue IN ('AWARD_AUTHORITY', 'AWARD_FORM')"));
    items.forEach(r -> ids.put(r[0].toString(), Rows.toLong(r[1])));
    Set<String> pairs = new HashSet<>();
    List<Object[]> powers =
        Rows.of(em.createNativeQuery("SELECT authority_id, form_id FROM award_power"));
    powers.forEach(r -> pairs.add(r[0] + "/" + r[1]));
    for (Power p : POWERS) {
      Long authority = ids.get(Catalogue.AWARD_AUTHORITY.name() + ":" + p.authority());
      Long form = ids.get(Catalogue.AWARD_FORM.name() + ":" + p.form());
      if (authority == null || form == null || !pairs.add(authority + "/" + form)) {
        continue;
      }
      AwardPowerEntity row = new AwardPowerEntity();
      row.authorityId = authority;
      row.formId = form;
      row.validFrom = p.from();
      row.validTo = p.to();
      row.legalBasis = p.basis();
      row.createdAt = Instant.now();
      row.updatedAt = row.createdAt;
      row.persist();
    }
  }
}
