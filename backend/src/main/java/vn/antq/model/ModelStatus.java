package vn.antq.model;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a model: registered → active → reviewed (sơ kết, may repeat) → final review (tổng
 * kết) → replicated (nhân rộng, to more sites as it spreads); any state but retired may be retired
 * (thanh loại) with a reason.
 */
public enum ModelStatus {
  REGISTERED("Đăng ký"),
  ACTIVE("Hoạt động"),
  REVIEWED("Đã sơ kết"),
  FINAL_REVIEWED("Đã tổng kết"),
  REPLICATED("Đã nhân rộng"),
  RETIRED("Thanh loại");

  private final String label;

  ModelStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public Set<ModelStatus> next() {
    return switch (this) {
      case REGISTERED -> EnumSet.of(ACTIVE, RETIRED);
      case ACTIVE -> EnumSet.of(REVIEWED, RETIRED);
      case REVIEWED -> EnumSet.of(REVIEWED, FINAL_REVIEWED, RETIRED);
      case FINAL_REVIEWED -> EnumSet.of(REPLICATED, RETIRED);
      case REPLICATED -> EnumSet.of(REPLICATED, RETIRED);
      case RETIRED -> EnumSet.noneOf(ModelStatus.class);
    };
  }

  public boolean canGoTo(ModelStatus to) {
    return next().contains(to);
  }
}
