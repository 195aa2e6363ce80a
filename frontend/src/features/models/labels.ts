import type { Gender, LeadOrganisation, MemberRole, ModelStatus, TargetCommunity } from './types';

export const STATUS_LABELS: Record<ModelStatus, string> = {
  REGISTERED: 'Đăng ký',
  ACTIVE: 'Hoạt động',
  REVIEWED: 'Đã sơ kết',
  FINAL_REVIEWED: 'Đã tổng kết',
  REPLICATED: 'Đã nhân rộng',
  RETIRED: 'Thanh loại',
};

export const STATUS_COLORS: Record<ModelStatus, string> = {
  REGISTERED: 'default',
  ACTIVE: 'green',
  REVIEWED: 'blue',
  FINAL_REVIEWED: 'geekblue',
  REPLICATED: 'purple',
  RETIRED: 'red',
};

/** The button that moves a model into a status, and what its dialog says. */
export const TRANSITION_ACTIONS: Record<ModelStatus, string> = {
  REGISTERED: 'Đăng ký',
  ACTIVE: 'Đưa vào hoạt động',
  REVIEWED: 'Sơ kết',
  FINAL_REVIEWED: 'Tổng kết',
  REPLICATED: 'Nhân rộng',
  RETIRED: 'Thanh loại',
};

export { RECOGNITION_LABELS } from '@/lib/recognitionLevels';

export const LEAD_ORG_LABELS: Record<LeadOrganisation, string> = {
  POLICE: 'Công an',
  FRONT: 'Mặt trận Tổ quốc',
  WOMEN_UNION: 'Hội Liên hiệp Phụ nữ',
  YOUTH_UNION: 'Đoàn Thanh niên',
  FARMERS_UNION: 'Hội Nông dân',
  VETERANS_ASSOCIATION: 'Hội Cựu chiến binh',
  TRADE_UNION: 'Công đoàn',
  OTHER: 'Tổ chức khác',
};

export const TARGET_LABELS: Record<TargetCommunity, string> = {
  GENERAL: 'Toàn dân',
  ETHNIC: 'Đồng bào dân tộc',
  RELIGIOUS: 'Tôn giáo',
  OCCUPATIONAL: 'Nghề nghiệp',
  YOUTH: 'Thanh thiếu niên',
  WOMEN: 'Phụ nữ',
  ELDERLY: 'Người cao tuổi',
  FAMILY_CLAN: 'Dòng họ',
  REFORMED_OFFENDERS: 'Người hoàn lương',
  BUSINESS: 'Doanh nghiệp, hộ kinh doanh',
  SCHOOL: 'Nhà trường',
};

export const ROLE_LABELS: Record<MemberRole, string> = {
  LEADER: 'Tổ trưởng',
  DEPUTY: 'Tổ phó',
  MEMBER: 'Tổ viên',
};

export const GENDER_LABELS: Record<Gender, string> = { MALE: 'Nam', FEMALE: 'Nữ' };

export const options = <K extends string>(labels: Record<K, string>) =>
  (Object.keys(labels) as K[]).map((value) => ({
    value,
    label: labels[value],
    title: labels[value],
  }));
