package vn.antq.catalogue;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.antq.common.db.Rows;
import vn.antq.common.db.StartupLock;

/**
 * Reference data every database starts with (production too): the model fields and types named in
 * the source articles. Only codes that are missing are added, so administrators' edits and end
 * dates stay as they are.
 */
@ApplicationScoped
public class CatalogueSeeder {
  @Inject EntityManager em;

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
    // named in the provinces' ten-year reviews (Bạc Liêu 2023, Cửa Lò 2023)
    type(
        "TO_CONG_NHAN_DO_THI",
        "CO_QUAN_DOANH_NGHIEP",
        "Tổ công nhân dịch vụ đô thị tự quản về an ninh, trật tự");
    type("HOM_THU_TO_GIAC", "PHONG_CHONG_TOI_PHAM", "Hòm thư tố giác tội phạm");
    type("BAN_TU_QUAN_KDC", "DAN_VAN", "Ban tự quản khu dân cư về an ninh, trật tự");
  }

  /** event type code → name */
  static final Map<String, String> EVENT_TYPES = new LinkedHashMap<>();

  /** material code → name (with its unit of count) */
  static final Map<String, String> MATERIALS = new LinkedHashMap<>();

  static {
    EVENT_TYPES.put("KY_KET", "Lễ ký kết chương trình phối hợp");
    EVENT_TYPES.put("SO_KET", "Hội nghị sơ kết");
    EVENT_TYPES.put("TONG_KET", "Hội nghị tổng kết");
    EVENT_TYPES.put("TUYEN_TRUYEN", "Tuyên truyền, phổ biến pháp luật");
    EVENT_TYPES.put("NGAY_HOI_19_8", "Ngày hội toàn dân bảo vệ an ninh Tổ quốc (19/8)");
    EVENT_TYPES.put("LANG_NGHE", "Diễn đàn \"Công an lắng nghe ý kiến Nhân dân\"");
    EVENT_TYPES.put("RA_QUAN", "Diễu hành, ra quân");
    EVENT_TYPES.put("TAP_HUAN", "Tập huấn, bồi dưỡng");
    EVENT_TYPES.put("CONG_DONG", "Hoạt động vì cộng đồng");
    MATERIALS.put("TO_ROI", "Tờ rơi (tờ)");
    MATERIALS.put("AP_PHICH", "Áp phích, băng rôn, khẩu hiệu (cái)");
    MATERIALS.put("LOA", "Phát thanh trên loa (giờ)");
    MATERIALS.put("TAI_LIEU", "Tài liệu, sách (cuốn)");
  }

  /** award form code → name */
  public static final Map<String, String> AWARD_FORMS = new LinkedHashMap<>();

  /** award type code → name */
  static final Map<String, String> AWARD_TYPES = new LinkedHashMap<>();

  /** authority code → {name, last day + 1 or null} */
  public static final Map<String, String[]> AUTHORITIES = new LinkedHashMap<>();

  /** The day the district level ended and the powers changed (NĐ 152/2025/NĐ-CP). */
  public static final LocalDate REFORM = LocalDate.of(2025, 7, 1);

  static {
    AWARD_FORMS.put("BANG_KHEN", "Bằng khen");
    AWARD_FORMS.put("GIAY_KHEN", "Giấy khen");
    AWARD_FORMS.put("KNC_BVANTQ", "Kỷ niệm chương \"Bảo vệ an ninh Tổ quốc\"");
    AWARD_FORMS.put("HUY_CHUONG", "Huy chương");
    AWARD_FORMS.put("HUAN_CHUONG", "Huân chương");
    AWARD_FORMS.put("CO_THI_DUA", "Cờ thi đua");
    AWARD_FORMS.put("CSTD_CO_SO", "Danh hiệu \"Chiến sĩ thi đua cơ sở\"");
    AWARD_FORMS.put("CSTD_TINH", "Danh hiệu \"Chiến sĩ thi đua cấp tỉnh\"");
    AWARD_TYPES.put("THUONG_XUYEN", "Thường xuyên (theo công trạng và thành tích)");
    AWARD_TYPES.put("CHUYEN_DE", "Theo đợt, chuyên đề");
    AWARD_TYPES.put("DOT_XUAT", "Đột xuất");
    AWARD_TYPES.put("CONG_HIEN", "Quá trình cống hiến");
    AWARD_TYPES.put("NIEN_HAN", "Theo niên hạn");
    AWARD_TYPES.put("DOI_NGOAI", "Đối ngoại");
    AUTHORITIES.put("CHU_TICH_NUOC", new String[] {"Chủ tịch nước", null});
    AUTHORITIES.put("THU_TUONG", new String[] {"Thủ tướng Chính phủ", null});
    AUTHORITIES.put("BO_TRUONG_BCA", new String[] {"Bộ trưởng Bộ Công an", null});
    AUTHORITIES.put("CT_UBND_TINH", new String[] {"Chủ tịch UBND tỉnh", null});
    AUTHORITIES.put("UB_MTTQ_TINH", new String[] {"Ủy ban MTTQ Việt Nam tỉnh", null});
    AUTHORITIES.put("GD_CONG_AN_TINH", new String[] {"Giám đốc Công an tỉnh", null});
    AUTHORITIES.put("CT_UBND_HUYEN", new String[] {"Chủ tịch UBND cấp huyện", REFORM.toString()});
    AUTHORITIES.put("CT_UBND_XA", new String[] {"Chủ tịch UBND cấp xã", null});
  }

  /** indicator code → name (with its unit of count), from the source articles */
  static final Map<String, String> INDICATORS = new LinkedHashMap<>();

  static {
    INDICATORS.put("TIN_BAO", "Tin báo, tố giác tội phạm do Nhân dân cung cấp (tin)");
    INDICATORS.put("NGUON_TIN", "Nguồn tin có giá trị (tin)");
    INDICATORS.put("DOI_TUONG_LAM_RO", "Đối tượng được làm rõ qua tin của Nhân dân (đối tượng)");
    INDICATORS.put("TRUY_NA", "Đối tượng truy nã bị bắt, vận động đầu thú (đối tượng)");
    INDICATORS.put(
        "VU_KHI", "Vũ khí, vật liệu nổ, công cụ hỗ trợ được giao nộp (khẩu, quả, chiếc)");
    INDICATORS.put("CAM_HOA", "Người được giáo dục, cảm hóa tại cộng đồng (người)");
    INDICATORS.put("KHONG_TAI_PHAM", "Người được giáo dục, cảm hóa không tái phạm (người)");
    INDICATORS.put("CAM_KET", "Bản cam kết đảm bảo an ninh, trật tự được ký (bản)");
    INDICATORS.put("CONG_ANTT", "Cổng an ninh, trật tự xây dựng mới (cổng)");
    INDICATORS.put("HOM_THU", "Hòm thư tố giác tội phạm lắp đặt mới (hòm)");
    INDICATORS.put("CAU_LAC_BO", "Câu lạc bộ thành lập mới (câu lạc bộ)");
    INDICATORS.put("BAN_CHI_DAO", "Ban chỉ đạo thành lập mới (ban)");
    INDICATORS.put("BAN_TU_QUAN", "Ban tự quản thành lập mới (ban)");
    INDICATORS.put("HOA_GIAI", "Vụ việc hòa giải thành ở cơ sở (vụ)");
  }

  /**
   * Safety-standard target kinds (Thông tư 124/2021/TT-BCA, amended by 48/2025/TT-BCA) → name, and
   * their criteria (code → {target, name}). The criteria are the circular's headings in short;
   * administrators keep the wording and dates in Quản trị → Danh mục.
   */
  public static final Map<String, String> SAFETY_TARGETS = new LinkedHashMap<>();

  static final Map<String, String[]> SAFETY_CRITERIA = new LinkedHashMap<>();

  static {
    SAFETY_TARGETS.put("KDC", "Khu dân cư (thôn, ấp, khu phố, tổ dân phố)");
    SAFETY_TARGETS.put("XA", "Xã, phường, đặc khu");
    SAFETY_TARGETS.put("CO_QUAN", "Cơ quan, tổ chức");
    SAFETY_TARGETS.put("DOANH_NGHIEP", "Doanh nghiệp");
    SAFETY_TARGETS.put("CO_SO_GIAO_DUC", "Cơ sở giáo dục");
    String[][] common = {
      {
        "AN_NINH",
        "Không để xảy ra hoạt động xâm phạm an ninh quốc gia, tụ tập đông người trái pháp luật, khiếu kiện vượt cấp"
      },
      {
        "TOI_PHAM",
        "Không để xảy ra tội phạm nghiêm trọng trở lên; kiềm chế, giảm tội phạm, tệ nạn xã hội"
      },
      {
        "MA_TUY",
        "Không phát sinh người nghiện ma túy mới; không để xảy ra tụ điểm ma túy, tệ nạn xã hội"
      },
      {
        "CHAY_NO",
        "Không để xảy ra cháy, nổ, tai nạn giao thông, tai nạn lao động nghiêm trọng do chủ quan"
      },
      {
        "PHONG_TRAO",
        "Phong trào Toàn dân bảo vệ an ninh Tổ quốc được đánh giá từ khá trở lên; có mô hình tự quản hoạt động hiệu quả"
      },
    };
    String[][] own = {
      {
        "KDC",
        "CU_TRU",
        "100% hộ gia đình thực hiện đăng ký, quản lý cư trú; ký cam kết đảm bảo an ninh, trật tự"
      },
      {
        "XA",
        "KDC_DAT_CHUAN",
        "Có từ 70% khu dân cư trở lên đạt tiêu chuẩn \"An toàn về an ninh, trật tự\""
      },
      {
        "CO_QUAN",
        "NOI_QUY",
        "Có nội quy, quy chế bảo vệ cơ quan; tổ chức lực lượng bảo vệ chuyên trách hoặc kiêm nhiệm"
      },
      {
        "DOANH_NGHIEP",
        "NOI_QUY",
        "Có nội quy, phương án bảo vệ an ninh, trật tự; không để xảy ra đình công, lãn công trái pháp luật"
      },
      {
        "CO_SO_GIAO_DUC",
        "HOC_SINH",
        "Không có học sinh, sinh viên vi phạm pháp luật nghiêm trọng; có tổ, đội tự quản an ninh, trật tự"
      },
    };
    for (String target : SAFETY_TARGETS.keySet()) {
      for (String[] c : common) {
        SAFETY_CRITERIA.put(target + "_" + c[0], new String[] {target, c[1]});
      }
    }
    for (String[] o : own) {
      SAFETY_CRITERIA.put(o[0] + "_" + o[1], new String[] {o[0], o[2]});
    }
  }

  private static void type(String code, String field, String name) {
    TYPES.put(code, new String[] {field, name});
  }

  /** (catalogue, code) → id of the items that exist; filled by one statement at start */
  private Map<String, Long> existing;

  @Transactional
  void onStart(@Observes @Priority(2000) StartupEvent event) {
    StartupLock.seeding(em);
    // what exists, in one statement (was one query per seeded code: ≈ 200 at every start)
    existing = new HashMap<>();
    List<Object[]> rows =
        Rows.of(em.createNativeQuery("SELECT catalogue, code, id FROM catalogue_item"));
    for (Object[] r : rows) {
      existing.put(key(r[0].toString(), r[1].toString()), Rows.toLong(r[2]));
    }
    Map<String, Long> fieldIds = new LinkedHashMap<>();
    FIELDS.forEach(
        (code, name) -> fieldIds.put(code, ensure(Catalogue.MODEL_FIELD, code, name, null)));
    TYPES.forEach((code, v) -> ensure(Catalogue.MODEL_TYPE, code, v[1], fieldIds.get(v[0])));
    EVENT_TYPES.forEach((code, name) -> ensure(Catalogue.EVENT_TYPE, code, name, null));
    MATERIALS.forEach((code, name) -> ensure(Catalogue.MATERIAL_TYPE, code, name, null));
    AWARD_FORMS.forEach((code, name) -> ensure(Catalogue.AWARD_FORM, code, name, null));
    AWARD_TYPES.forEach((code, name) -> ensure(Catalogue.AWARD_TYPE, code, name, null));
    AUTHORITIES.forEach(
        (code, v) ->
            ensure(
                Catalogue.AWARD_AUTHORITY,
                code,
                v[0],
                null,
                v[1] == null ? null : LocalDate.parse(v[1])));
    INDICATORS.forEach((code, name) -> ensure(Catalogue.INDICATOR, code, name, null));
    Map<String, Long> targetIds = new LinkedHashMap<>();
    SAFETY_TARGETS.forEach(
        (code, name) -> targetIds.put(code, ensure(Catalogue.SAFETY_TARGET, code, name, null)));
    SAFETY_CRITERIA.forEach(
        (code, v) -> ensure(Catalogue.SAFETY_CRITERION, code, v[1], targetIds.get(v[0])));
    Communities.ethnicGroups()
        .forEach((code, name) -> ensure(Catalogue.ETHNIC_GROUP, code, name, null));
    Communities.religions().forEach((code, name) -> ensure(Catalogue.RELIGION, code, name, null));
    existing = null;
  }

  private static String key(String catalogue, String code) {
    return catalogue + '\u0000' + code;
  }

  /** The id of a seeded item (for other features' seeders), or null when missing. */
  public static Long idOf(Catalogue catalogue, String code) {
    CatalogueItemEntity found =
        CatalogueItemEntity.find("catalogue = ?1 and code = ?2", catalogue.name(), code)
            .firstResult();
    return found == null ? null : found.id;
  }

  private Long ensure(Catalogue catalogue, String code, String name, Long parentId) {
    return ensure(catalogue, code, name, parentId, null);
  }

  private Long ensure(
      Catalogue catalogue, String code, String name, Long parentId, LocalDate validTo) {
    Long found = existing.get(key(catalogue.name(), code));
    if (found != null) {
      return found;
    }
    CatalogueItemEntity item = new CatalogueItemEntity();
    item.catalogue = catalogue.name();
    item.code = code;
    item.name = name;
    item.parentId = parentId;
    item.validFrom = SINCE;
    item.validTo = validTo;
    item.createdAt = Instant.now();
    item.updatedAt = item.createdAt;
    item.persist();
    existing.put(key(catalogue.name(), code), item.id);
    return item.id;
  }
}
