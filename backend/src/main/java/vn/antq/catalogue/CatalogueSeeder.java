package vn.antq.catalogue;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reference data every database starts with (production too): the model fields and types named in
 * the source articles. Only codes that are missing are added, so administrators' edits and end
 * dates stay as they are.
 */
@ApplicationScoped
public class CatalogueSeeder {
  private static final LocalDate SINCE = LocalDate.of(2000, 1, 1);

  /** field code → name */
  static final Map<String, String> FIELDS = new LinkedHashMap<>();

  /** type code → {field code, name} */
  static final Map<String, String[]> TYPES = new LinkedHashMap<>();

  static {
    FIELDS.put("ANTT_CO_SO", "Bảo vệ an ninh, trật tự ở cơ sở");
    FIELDS.put("DONG_HO_TON_GIAO", "Dòng họ, tôn giáo, dân tộc");
    FIELDS.put("PHONG_CHONG_TOI_PHAM", "Phòng, chống tội phạm và tệ nạn xã hội");
    FIELDS.put("CAM_HOA", "Giáo dục, cảm hóa, giúp đỡ người lầm lỗi");
    FIELDS.put("DAN_VAN", "Dân vận, xây dựng khu dân cư");
    FIELDS.put("CO_QUAN_DOANH_NGHIEP", "Cơ quan, doanh nghiệp, nhà trường");
    type("TO_BAO_VE_ANTT", "ANTT_CO_SO", "Tổ bảo vệ an ninh, trật tự ở cơ sở");
    type("CAMERA_ANTT", "ANTT_CO_SO", "Camera an ninh khu dân cư");
    type("TU_QUAN_DONG_TOC", "DONG_HO_TON_GIAO", "Tổ tự quản dòng tộc về an ninh trật tự");
    type("GIAO_DAN_TU_QUAN", "DONG_HO_TON_GIAO", "Tổ giáo dân tự quản, tự phòng");
    type("CLB_3_TICH_CUC", "PHONG_CHONG_TOI_PHAM", "Câu lạc bộ 3 tích cực");
    type("PHUONG_SACH_MA_TUY", "PHONG_CHONG_TOI_PHAM", "Phường sạch ma túy");
    type("CLB_HOAN_LUONG", "CAM_HOA", "Câu lạc bộ người hoàn lương");
    type("DAN_VAN_KHEO", "DAN_VAN", "Dân vận khéo");
    type("TO_TU_QUAN_KDC", "DAN_VAN", "Tổ tự quản khu dân cư");
    type(
        "DOANH_NGHIEP_TU_QUAN", "CO_QUAN_DOANH_NGHIEP", "Doanh nghiệp tự quản về an ninh, trật tự");
    type("TRUONG_HOC_AN_TOAN", "CO_QUAN_DOANH_NGHIEP", "Trường học an toàn về an ninh, trật tự");
  }

  private static void type(String code, String field, String name) {
    TYPES.put(code, new String[] {field, name});
  }

  @Transactional
  void onStart(@Observes @Priority(2000) StartupEvent event) {
    Map<String, Long> fieldIds = new LinkedHashMap<>();
    FIELDS.forEach(
        (code, name) -> fieldIds.put(code, ensure(Catalogue.MODEL_FIELD, code, name, null)));
    TYPES.forEach((code, v) -> ensure(Catalogue.MODEL_TYPE, code, v[1], fieldIds.get(v[0])));
  }

  private static Long ensure(Catalogue catalogue, String code, String name, Long parentId) {
    CatalogueItemEntity found =
        CatalogueItemEntity.find("catalogue = ?1 and code = ?2", catalogue.name(), code)
            .firstResult();
    if (found != null) {
      return found.id;
    }
    CatalogueItemEntity item = new CatalogueItemEntity();
    item.catalogue = catalogue.name();
    item.code = code;
    item.name = name;
    item.parentId = parentId;
    item.validFrom = SINCE;
    item.createdAt = Instant.now();
    item.updatedAt = item.createdAt;
    item.persist();
    return item.id;
  }
}
