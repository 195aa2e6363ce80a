package vn.antq.catalogue;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The communities a model may serve: the 54 ethnic groups of Viet Nam (Danh mục các dân tộc Việt
 * Nam, codes 01–54 of the General Statistics Office) and the religions recognised by the State.
 * Seeded once; administrators edit them like any catalogue.
 */
final class Communities {
  private Communities() {}

  private static final String[] ETHNIC_NAMES = {
    "Kinh",
    "Tày",
    "Thái",
    "Hoa",
    "Khmer",
    "Mường",
    "Nùng",
    "Mông",
    "Dao",
    "Gia Rai",
    "Ngái",
    "Ê Đê",
    "Ba Na",
    "Xơ Đăng",
    "Sán Chay",
    "Cơ Ho",
    "Chăm",
    "Sán Dìu",
    "Hrê",
    "Mnông",
    "Ra Glai",
    "Xtiêng",
    "Bru - Vân Kiều",
    "Thổ",
    "Giáy",
    "Cơ Tu",
    "Gié Triêng",
    "Mạ",
    "Khơ Mú",
    "Co",
    "Tà Ôi",
    "Chơ Ro",
    "Kháng",
    "Xinh Mun",
    "Hà Nhì",
    "Chu Ru",
    "Lào",
    "La Chí",
    "La Ha",
    "Phù Lá",
    "La Hủ",
    "Lự",
    "Lô Lô",
    "Chứt",
    "Mảng",
    "Pà Thẻn",
    "Cơ Lao",
    "Cống",
    "Bố Y",
    "Si La",
    "Pu Péo",
    "Brâu",
    "Ơ Đu",
    "Rơ Măm"
  };

  private static final String[] RELIGION_NAMES = {
    "Phật giáo",
    "Công giáo",
    "Tin lành",
    "Cao Đài",
    "Phật giáo Hòa Hảo",
    "Hồi giáo",
    "Tôn giáo Baha'i",
    "Tịnh độ Cư sĩ Phật hội Việt Nam",
    "Cơ đốc Phục lâm Việt Nam",
    "Phật giáo Tứ Ân Hiếu Nghĩa",
    "Minh Sư Đạo",
    "Minh Lý Đạo - Tam Tông Miếu",
    "Bà-la-môn giáo",
    "Giáo hội Các Thánh hữu Ngày sau của Chúa Giê-su Ky-tô",
    "Phật hội Hiếu Nghĩa Tà Lơn",
    "Bửu Sơn Kỳ Hương"
  };

  /** code DT01…DT54 → name "Dân tộc X" */
  static Map<String, String> ethnicGroups() {
    return numbered("DT", "Dân tộc ", ETHNIC_NAMES);
  }

  /** code TG01… → name */
  static Map<String, String> religions() {
    return numbered("TG", "", RELIGION_NAMES);
  }

  private static Map<String, String> numbered(String prefix, String namePrefix, String[] names) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) {
      out.put(String.format("%s%02d", prefix, i + 1), namePrefix + names[i]);
    }
    return out;
  }
}
