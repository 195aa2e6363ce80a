package vn.antq.unit;

import java.time.LocalDate;
import vn.antq.common.problem.ProblemException;
import vn.antq.common.time.VietnamTime;

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

  /**
   * Kinds the 2025 reform abolished (districts, townships) exist only before it: such a unit starts
   * before the reform and ends on it at the latest, and nothing new is placed under one from then.
   */
  static void checkReform(UnitCommand cmd, UnitEntity parent) {
    LocalDate abolished = cmd.kind().abolishedOn();
    if (abolished != null && !cmd.validFrom().isBefore(abolished)) {
      throw ProblemException.unprocessable(
          "validFrom",
          "Từ "
              + VietnamTime.format(abolished)
              + " không còn "
              + cmd.kind().label()
              + " (chính quyền địa phương hai cấp): đơn vị loại này chỉ có trong lịch sử, bắt đầu"
              + " hiệu lực trước ngày đó");
    }
    if (abolished != null && cmd.validTo() != null && cmd.validTo().isAfter(abolished)) {
      throw ProblemException.unprocessable(
          "validTo",
          "Đơn vị loại "
              + cmd.kind().label()
              + " hết hiệu lực chậm nhất ngày "
              + VietnamTime.format(abolished)
              + " (chính quyền địa phương hai cấp)");
    }
    LocalDate parentAbolished = parent == null ? null : parent.kind.abolishedOn();
    if (parentAbolished != null && !cmd.validFrom().isBefore(parentAbolished)) {
      throw ProblemException.unprocessable(
          "parentId",
          "\""
              + parent.name
              + "\" là "
              + parent.kind.label()
              + ", không còn từ "
              + VietnamTime.format(parentAbolished)
              + ": đơn vị bắt đầu hiệu lực từ ngày đó hãy đặt dưới tỉnh hoặc xã, phường");
    }
  }

  /** {@link #checkReform} for an edit: only when the kind, the dates or the parent change. */
  static void checkReformChange(UnitEntity unit, UnitCommand cmd, UnitEntity newParent) {
    if (newParent != null
        || unit.kind != cmd.kind()
        || !java.util.Objects.equals(unit.validFrom, cmd.validFrom())
        || !java.util.Objects.equals(unit.validTo, cmd.validTo())) {
      checkReform(cmd, newParent);
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
