import type { Schemas } from '@/lib/api/client';

export type RecognitionLevel = Schemas['RecognitionLevel'];

/** Recognition as exemplary, lowest first; district level only before 1/7/2025. */
export const RECOGNITION_LABELS: Record<RecognitionLevel, string> = {
  COMMUNE: 'Điển hình cấp xã',
  DISTRICT: 'Điển hình cấp huyện (trước 2025)',
  PROVINCE: 'Điển hình cấp tỉnh',
  MINISTRY: 'Điển hình cấp Bộ',
};
