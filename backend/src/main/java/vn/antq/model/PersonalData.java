package vn.antq.model;

import java.util.Objects;
import java.util.function.UnaryOperator;
import vn.antq.common.problem.ProblemException;

/**
 * A member's phone number and address: shown masked to everyone but the officers of the territory,
 * and a masked value sent back on a write is read as "keep what is stored".
 */
final class PersonalData {
  private PersonalData() {}

  /** 0912345678 → 091*****78: enough to tell two numbers apart, not enough to call. */
  static String maskPhone(String phone) {
    if (phone == null) {
      return null;
    }
    if (phone.length() <= 5) {
      return "*".repeat(phone.length());
    }
    return phone.substring(0, 3)
        + "*".repeat(phone.length() - 5)
        + phone.substring(phone.length() - 2);
  }

  /** What an address reads as for those who may not see it. */
  static final String MASKED_ADDRESS = "*** (đã ẩn)";

  static String maskAddress(String address) {
    return address == null ? null : MASKED_ADDRESS;
  }

  /**
   * A member's phone and address as sent, with a masked value read back unchanged turned into the
   * stored one. Who may not see them (administrators, provincial systems) may send the masked value
   * back or leave the field out, which keeps what is stored, and nothing else; a masked value that
   * is not the stored one is refused rather than saved.
   */
  static RosterService.MemberCommand unmasked(
      MemberEntity member, RosterService.MemberCommand cmd, boolean seesPersonalData) {
    boolean existing = member.id != null;
    String phone =
        kept(
            "phone",
            "Số điện thoại",
            cmd.phone(),
            existing ? member.phone : null,
            existing,
            PersonalData::maskPhone,
            seesPersonalData);
    String address =
        kept(
            "address",
            "Địa chỉ",
            cmd.address(),
            existing ? member.address : null,
            existing,
            PersonalData::maskAddress,
            seesPersonalData);
    return new RosterService.MemberCommand(
        cmd.fullName(),
        cmd.gender(),
        cmd.birthYear(),
        cmd.role(),
        phone,
        address,
        cmd.joinedOn(),
        cmd.leftOn());
  }

  private static String kept(
      String field,
      String label,
      String sent,
      String stored,
      boolean existing,
      UnaryOperator<String> mask,
      boolean seesPersonalData) {
    if (existing && stored != null && sent != null && sent.equals(mask.apply(stored))) {
      return stored;
    }
    String keep =
        stored == null
            ? "bỏ trường này để giữ nguyên"
            : "gửi lại đúng giá trị bị che đã nhận (" + mask.apply(stored) + ") để giữ nguyên";
    if (existing && !seesPersonalData) {
      if (sent == null || Objects.equals(ModelService.blankToNull(sent), stored)) {
        return stored;
      }
      throw ProblemException.unprocessable(
          field, label + " chỉ cán bộ Công an, Mặt trận của địa bàn được xem và sửa; " + keep);
    }
    if (isMasked(sent)) {
      throw ProblemException.unprocessable(
          field,
          label
              + " gửi lên là giá trị bị che, không phải giá trị thật: "
              + (existing ? keep + ", hoặc nhập giá trị đầy đủ" : "nhập giá trị đầy đủ"));
    }
    return sent;
  }

  /** A value as masks leave it: a phone with {@code *}, or the hidden-address text. */
  static boolean isMasked(String value) {
    return value != null && (value.contains("*") || value.equals(MASKED_ADDRESS));
  }
}
