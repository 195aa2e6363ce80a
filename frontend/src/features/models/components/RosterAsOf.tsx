import { DatePicker, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { formatDate, formatNumber, isoDate } from '@/lib/format';
import type { ModelDetail, RosterImportResult } from '../api/models';

/**
 * Ngày áp dụng: the day new teams start and members without a joining date join (the model's
 * founding day when left empty; never the day of the import).
 */
export function RosterAsOf({
  model,
  onChange,
}: {
  model: ModelDetail;
  onChange: (day: string | undefined) => void;
}) {
  return (
    <Space wrap style={{ marginBottom: 8 }}>
      <Typography.Text>
        Ngày áp dụng cho tổ mới và thành viên không ghi ngày vào tổ:
      </Typography.Text>
      <DatePicker
        aria-label="Ngày áp dụng"
        format="DD/MM/YYYY"
        placeholder={`${formatDate(model.establishedOn)} (ngày thành lập)`}
        style={{ width: 230 }}
        disabledDate={(d) =>
          d.isAfter(dayjs(), 'day') || d.isBefore(dayjs(model.establishedOn), 'day')
        }
        onChange={(d) => onChange(d ? isoDate(d) : undefined)}
      />
    </Space>
  );
}

export /** Which default date the rows without a joining date took, as the preview says it. */
function defaulted(check: RosterImportResult) {
  if (!check.rowsDefaulted && !check.teamsCreated) return '';
  const day = formatDate(check.defaultDate);
  const source = check.defaultDateGiven ? 'ngày áp dụng đã chọn' : 'ngày thành lập mô hình';
  return ` Tổ mới và ${formatNumber(check.rowsDefaulted)} dòng không ghi ngày vào tổ tính từ ${day} (${source}).`;
}
