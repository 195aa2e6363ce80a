import { Alert, Card, Col, Row, Segmented, Select, Space, Statistic, Typography } from 'antd';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router';
import { PageHeader } from '@/components/PageHeader';
import { UnitPicker } from '@/components/UnitPicker';
import { problemMessage } from '@/lib/problem';
import { percent, useCompleteness, type PeriodKind, type ReportingMissing } from '../api/reporting';
import { CompletenessGrid } from './CompletenessGrid';
import { DeadlinesCard } from './DeadlinesCard';
import { lastDueSentence, LOOKS } from './states';

/** The communes still missing, grouped under the rows that hold them ("" for communes as rows). */
function missingByRow(missing: ReportingMissing[]): [string, string[]][] {
  const groups = new Map<string, string[]>();
  for (const m of missing) {
    const key = m.under?.name ?? '';
    groups.set(key, [...(groups.get(key) ?? []), m.unit.name]);
  }
  return [...groups.entries()];
}

/**
 * Tình hình báo cáo: which communes of the territory have sent their figures for each month or
 * quarter of a year, on time or late, approved or not — and which are still missing.
 */
export function CompletenessPage() {
  const [params, setParams] = useSearchParams();
  const thisYear = dayjs().year();
  const year = Number(params.get('year') ?? thisYear);
  const periodKind = (params.get('periodKind') ?? 'MONTH') as PeriodKind;
  const unitId = params.get('unitId') ? Number(params.get('unitId')) : undefined;
  const set = (values: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    Object.entries(values).forEach(([k, v]) => (v === undefined ? next.delete(k) : next.set(k, v)));
    setParams(next);
  };
  const query = useCompleteness({
    unitId,
    periodKind,
    from: `${year}-01-01`,
    to: `${year}-12-31`,
  });
  const data = query.data;
  const lastDue = [...(data?.periods ?? [])].reverse().find((p) => p.due);
  const sentence = lastDueSentence(data);
  return (
    <>
      <PageHeader title="Tình hình báo cáo" />
      <Typography.Paragraph type="secondary">
        Các xã, phường, đặc khu phải gửi số liệu mỗi kỳ trước hạn (mặc định: tháng — ngày 5 tháng
        sau; quý — ngày 10 sau khi hết quý). Bấm một ô để mở kỳ báo cáo, bấm tên một đơn vị cấp trên
        để xem các xã của đơn vị đó.
      </Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Row gutter={[12, 12]} align="middle">
          <Col xs={24} md={10}>
            <UnitPicker
              aria-label="Địa bàn"
              placeholder="Địa bàn: của tôi"
              value={unitId}
              onChange={(v) => set({ unitId: v === undefined ? undefined : String(v) })}
            />
          </Col>
          <Col xs={12} md={6}>
            <Segmented
              block
              aria-label="Loại kỳ"
              value={periodKind}
              options={[
                { value: 'MONTH', label: 'Tháng' },
                { value: 'QUARTER', label: 'Quý' },
              ]}
              onChange={(v) => set({ periodKind: v === 'MONTH' ? undefined : String(v) })}
            />
          </Col>
          <Col xs={12} md={4}>
            <Select
              aria-label="Năm"
              style={{ width: '100%' }}
              value={year}
              options={Array.from({ length: 8 }, (_, i) => thisYear - i).map((y) => ({
                value: y,
                label: `Năm ${y}`,
              }))}
              onChange={(y) => set({ year: y === thisYear ? undefined : String(y) })}
            />
          </Col>
        </Row>
      </Card>
      {query.isError && <Alert type="error" showIcon title={problemMessage(query.error)} />}
      {data && (
        <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
          <Col xs={8} md={4}>
            <Statistic title="Đã gửi" value={percent(data.total.submittedRate)} />
          </Col>
          <Col xs={8} md={4}>
            <Statistic title="Đúng hạn" value={percent(data.total.onTimeRate)} />
          </Col>
          <Col xs={8} md={4}>
            <Statistic title="Đã duyệt" value={percent(data.total.approvedRate)} />
          </Col>
          <Col xs={24} md={12}>
            <Typography.Text>
              {data.unit?.name ?? 'Toàn quốc'}: {sentence ?? 'chưa có kỳ nào đến hạn trong năm'}.
            </Typography.Text>
          </Col>
        </Row>
      )}
      <Space wrap size={[12, 4]} style={{ marginBottom: 8 }} aria-label="Chú giải">
        {LOOKS.map((l) => (
          <Space key={l.key} size={4}>
            <span className="reporting-cell" style={{ background: l.color, color: l.text }}>
              {l.short}
            </span>
            <Typography.Text type="secondary">{l.label}</Typography.Text>
          </Space>
        ))}
      </Space>
      <CompletenessGrid
        data={data}
        loading={query.isFetching}
        onOpen={(id) => set({ unitId: String(id) })}
      />
      {lastDue && lastDue.missing.length > 0 && (
        <Card size="small" style={{ marginTop: 16 }} title={`Chưa gửi ${lastDue.periodLabel}`}>
          {missingByRow(lastDue.missing).map(([under, names]) => (
            <Typography.Paragraph key={under} style={{ marginBottom: 4 }}>
              {under && <Typography.Text strong>{under}: </Typography.Text>}
              {names.join(', ')}
            </Typography.Paragraph>
          ))}
        </Card>
      )}
      <DeadlinesCard />
    </>
  );
}
