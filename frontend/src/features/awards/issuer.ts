/**
 * The issuer as a decision names it, proposed from the authority and the unit it acts for:
 * "Chủ tịch UBND tỉnh" + "Cà Mau" → "Chủ tịch UBND tỉnh Cà Mau"; "Chủ tịch UBND cấp xã" +
 * "Phường An Xuyên" → "Chủ tịch UBND phường An Xuyên"; a central authority stays as it is.
 */
export function issuerOf(authority: string, unitName?: string): string {
  if (!unitName) return authority;
  const level = /\s+cấp\s+(xã|huyện)$/i;
  if (level.test(authority)) {
    // "Phường An Xuyên" → "phường An Xuyên", as the decision's heading writes it
    const unit = unitName.charAt(0).toLowerCase() + unitName.slice(1);
    return `${authority.replace(level, '')} ${unit}`;
  }
  if (/\s(tỉnh|thành phố)$/i.test(authority)) {
    return `${authority} ${unitName.replace(/^(Tỉnh|Thành phố)\s+/, '')}`;
  }
  return authority;
}
