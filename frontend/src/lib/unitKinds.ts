import type { UnitKind } from '@/lib/units';

export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  PROVINCE: 'Tỉnh/thành phố',
  DISTRICT: 'Huyện/thị xã (trước 2025)',
  COMMUNE: 'Xã',
  WARD: 'Phường',
  TOWNSHIP: 'Thị trấn (trước 2025)',
  SPECIAL_ZONE: 'Đặc khu',
  HAMLET: 'Thôn/ấp/khóm/khu dân cư',
  POLICE: 'Công an',
  FRONT_COMMITTEE: 'Ủy ban MTTQ',
  MEMBER_ORGANISATION: 'Tổ chức thành viên',
  AGENCY: 'Cơ quan',
  ENTERPRISE: 'Doanh nghiệp',
  SCHOOL: 'Cơ sở giáo dục',
};

export const UNIT_KIND_COLORS: Record<UnitKind, string> = {
  PROVINCE: 'red',
  DISTRICT: 'default',
  COMMUNE: 'green',
  WARD: 'green',
  TOWNSHIP: 'default',
  SPECIAL_ZONE: 'green',
  HAMLET: 'lime',
  POLICE: 'blue',
  FRONT_COMMITTEE: 'gold',
  MEMBER_ORGANISATION: 'orange',
  AGENCY: 'purple',
  ENTERPRISE: 'cyan',
  SCHOOL: 'geekblue',
};

export const UNIT_KINDS = Object.keys(UNIT_KIND_LABELS) as UnitKind[];

/** Kinds that may stand at the top of the tree (provinces, the ministry, the central front). */
export const ROOT_KINDS: UnitKind[] = ['PROVINCE', 'POLICE', 'FRONT_COMMITTEE'];
