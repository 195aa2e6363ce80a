package vn.antq.unit;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The kinds of unit and which kind may sit under which. */
public enum UnitKind {
  PROVINCE,
  DISTRICT,
  COMMUNE,
  WARD,
  TOWNSHIP,
  SPECIAL_ZONE,
  HAMLET,
  POLICE,
  FRONT_COMMITTEE,
  MEMBER_ORGANISATION,
  AGENCY,
  ENTERPRISE,
  SCHOOL;

  private static final Set<UnitKind> COMMUNE_LEVEL =
      EnumSet.of(COMMUNE, WARD, TOWNSHIP, SPECIAL_ZONE);
  private static final Set<UnitKind> ADMINISTRATIVE =
      EnumSet.of(PROVINCE, DISTRICT, COMMUNE, WARD, TOWNSHIP, SPECIAL_ZONE);

  /**
   * The day local government became two-level (Luật Tổ chức chính quyền địa phương 2025, NQ
   * 202/2025/QH15): districts, district-level towns and townships ceased to exist.
   */
  public static final LocalDate REFORM_2025 = LocalDate.of(2025, 7, 1);

  /** The day units of this kind ceased to exist, or null for kinds still in use. */
  public LocalDate abolishedOn() {
    return this == DISTRICT || this == TOWNSHIP ? REFORM_2025 : null;
  }

  public boolean isCommuneLevel() {
    return COMMUNE_LEVEL.contains(this);
  }

  /** Whether a unit of this kind may have no parent (a root of the tree). */
  public boolean mayBeRoot() {
    // provinces; the ministry's police and the central front committee stand at the top
    return this == PROVINCE || this == POLICE || this == FRONT_COMMITTEE;
  }

  /** Whether a unit of this kind may sit directly under a unit of the given kind. */
  public boolean fitsUnder(UnitKind parent) {
    return switch (this) {
      case PROVINCE -> false;
      case DISTRICT -> parent == PROVINCE;
      case COMMUNE, WARD, SPECIAL_ZONE -> parent == PROVINCE || parent == DISTRICT;
      case TOWNSHIP -> parent == DISTRICT;
      case HAMLET -> parent.isCommuneLevel();
      case POLICE, FRONT_COMMITTEE -> ADMINISTRATIVE.contains(parent) || parent == this;
      case MEMBER_ORGANISATION -> ADMINISTRATIVE.contains(parent) || parent == FRONT_COMMITTEE;
      case AGENCY, ENTERPRISE, SCHOOL -> ADMINISTRATIVE.contains(parent);
    };
  }

  /** The kinds that may sit directly under a unit of this kind. */
  public List<UnitKind> childKinds() {
    return Arrays.stream(values()).filter(k -> k.fitsUnder(this)).toList();
  }

  /** Units that can be merged into one another share a level. */
  public String mergeLevel() {
    return isCommuneLevel() ? "COMMUNE_LEVEL" : name();
  }

  /** Vietnamese label, for messages. */
  public String label() {
    return switch (this) {
      case PROVINCE -> "tỉnh/thành phố";
      case DISTRICT -> "huyện/thị xã";
      case COMMUNE -> "xã";
      case WARD -> "phường";
      case TOWNSHIP -> "thị trấn";
      case SPECIAL_ZONE -> "đặc khu";
      case HAMLET -> "thôn/ấp/khu dân cư";
      case POLICE -> "công an";
      case FRONT_COMMITTEE -> "Ủy ban MTTQ";
      case MEMBER_ORGANISATION -> "tổ chức thành viên";
      case AGENCY -> "cơ quan";
      case ENTERPRISE -> "doanh nghiệp";
      case SCHOOL -> "cơ sở giáo dục";
    };
  }
}
