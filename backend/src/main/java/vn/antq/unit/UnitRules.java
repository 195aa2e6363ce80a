package vn.antq.unit;

import java.time.LocalDate;
import vn.antq.common.problem.ProblemException;

/** The rules a unit's dates, placement and code keep, checked before anything is written. */
final class UnitRules {
  private UnitRules() {}

  /** A unit closes only when its children have closed or moved. */
  static void checkNoOpenChildren(UnitEntity unit) {
    long openChildren = UnitEntity.count("parentId = ?1 and validTo is null", unit.id);
    if (openChildren > 0) {
      throw ProblemException.unprocessable(
          "validTo",
          "Còn "
              + openChildren
              + " đơn vị trực thuộc đang hiệu lực; hãy sáp nhập hoặc kết thúc các đơn vị đó"
              + " trước");
    }
  }

  static void checkDates(UnitCommand cmd) {
    if (cmd.validTo() != null && !cmd.validTo().isAfter(cmd.validFrom())) {
      throw ProblemException.unprocessable(
          "validTo", "Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực");
    }
  }

  static void checkPlacement(UnitKind kind, UnitEntity parent) {
    if (parent == null) {
      if (!kind.mayBeRoot()) {
        throw ProblemException.unprocessable(
            "parentId", "Đơn vị loại " + kind.label() + " phải có đơn vị cấp trên");
      }
      return;
    }
    if (!kind.fitsUnder(parent.kind)) {
      throw ProblemException.unprocessable(
          "parentId",
          "Đơn vị loại "
              + kind.label()
              + " không thể trực thuộc "
              + parent.kind.label()
              + " \""
              + parent.name
              + "\"");
    }
  }

  /** A retired unit takes no new children, only historical ones that ended before it did. */
  static void checkParentTakesChild(UnitEntity parent, UnitCommand cmd) {
    if (parent == null || parent.isOpen()) {
      return;
    }
    if (cmd.validTo() == null || cmd.validTo().isAfter(parent.validTo)) {
      throw ProblemException.unprocessable(
          "parentId",
          "\""
              + parent.name
              + "\" đã hết hiệu lực từ "
              + parent.validTo
              + "; không thể thêm đơn vị trực thuộc còn hiệu lực sau ngày đó");
    }
  }

  static void checkCodeFree(String code, LocalDate validTo, Long selfId) {
    if (code == null || validTo != null) {
      return;
    }
    long clashes =
        selfId == null
            ? UnitEntity.count("code = ?1 and validTo is null", code)
            : UnitEntity.count("code = ?1 and validTo is null and id <> ?2", code, selfId);
    if (clashes > 0) {
      throw ProblemException.conflict(
          "code", "Mã \"" + code + "\" đã được dùng bởi một đơn vị đang hiệu lực");
    }
  }
}
