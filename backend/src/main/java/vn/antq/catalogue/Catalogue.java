package vn.antq.catalogue;

/** The catalogues, and which one an item's parent comes from. */
public enum Catalogue {
  MODEL_FIELD(null, "lĩnh vực"),
  MODEL_TYPE(MODEL_FIELD, "loại mô hình"),
  EVENT_TYPE(null, "loại sự kiện"),
  MATERIAL_TYPE(null, "loại tài liệu, vật phẩm"),
  AWARD_FORM(null, "hình thức khen thưởng"),
  AWARD_TYPE(null, "loại khen thưởng"),
  AWARD_AUTHORITY(null, "cấp có thẩm quyền khen thưởng"),
  INDICATOR(null, "chỉ tiêu số liệu báo cáo"),
  SAFETY_TARGET(null, "loại đối tượng đánh giá an toàn về an ninh, trật tự"),
  SAFETY_CRITERION(SAFETY_TARGET, "tiêu chí an toàn về an ninh, trật tự"),
  ETHNIC_GROUP(null, "dân tộc"),
  RELIGION(null, "tôn giáo");

  private final Catalogue parent;
  private final String label;

  Catalogue(Catalogue parent, String label) {
    this.parent = parent;
    this.label = label;
  }

  /** The catalogue the parent of an item comes from; null when items have no parent. */
  public Catalogue parent() {
    return parent;
  }

  public String label() {
    return label;
  }
}
