import { FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, DatePicker, Row, Segmented, Space } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { UnitPicker } from '@/components/UnitPicker';
import { api } from '@/lib/api/client';
import { saveDownload } from '@/lib/download';
import { isoDate } from '@/lib/format';
import { problemMessage } from '@/lib/problem';
import type { ReportGrouping } from '../api/reports';

export interface ReportQuery {
  unitId?: number;
  from: string;
  to: string;
  groupBy?: ReportGrouping;
  /** count every fact under the map (which unit stood under which) of this day */
  asOf?: string;
  /** levels of the breakdown by unit (1: the direct children) */
  depth?: number;
}

/** Territory, period and grouping of the report (kept in the URL), and its files. */
export function ReportControls({
  query,
  shownGroupBy,
  set,
}: {
  query: ReportQuery;
  /** the grouping the server chose when none was asked for */
  shownGroupBy?: ReportGrouping;
  set: (values: Record<string, string | undefined>) => void;
}) {
  const { unitId, from, to, groupBy, asOf, depth } = query;
  const { message } = App.useApp();
  const [exporting, setExporting] = useState<'xlsx' | 'docx'>();
  const exportAs = async (kind: 'xlsx' | 'docx') => {
    setExporting(kind);
    try {
      const q = {
        params: { query: { unitId, from, to, groupBy, asOf, depth } },
        parseAs: 'blob' as const,
      };
      const name = saveDownload(
        kind === 'xlsx'
          ? await api.GET('/api/reports/summary.xlsx', q)
          : await api.GET('/api/reports/summary.docx', q),
        `bao-cao-tong-hop.${kind}`,
      );
      message.success(`Đã tải ${name}`);
    } catch (e) {
      message.error(problemMessage(e));
    } finally {
      setExporting(undefined);
    }
  };
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Row gutter={[12, 12]} align="middle">
        <Col xs={24} md={8}>
          <UnitPicker
            aria-label="Địa bàn báo cáo"
            placeholder="Toàn quốc"
            value={unitId}
            onChange={(v) => set({ unitId: typeof v === 'number' ? String(v) : undefined })}
          />
        </Col>
        <Col xs={24} md={8}>
          <DatePicker.RangePicker
            aria-label="Kỳ báo cáo"
            format="DD/MM/YYYY"
            style={{ width: '100%' }}
            allowClear={false}
            value={[dayjs(from), dayjs(to)]}
            onChange={(r) => r?.[0] && r[1] && set({ from: isoDate(r[0]), to: isoDate(r[1]) })}
          />
        </Col>
        <Col xs={24} md={4}>
          <DatePicker
            aria-label="Theo địa giới ngày"
            placeholder="Địa giới ngày phát sinh"
            format="DD/MM/YYYY"
            style={{ width: '100%' }}
            value={asOf ? dayjs(asOf) : null}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            onChange={(d) => set({ asOf: d ? isoDate(d) : undefined })}
          />
        </Col>
        <Col xs={24} md={4}>
          <Space wrap>
            <Segmented<string>
              value={shownGroupBy ?? groupBy ?? 'MONTH'}
              onChange={(v) => set({ groupBy: v })}
              options={[
                { value: 'MONTH', label: 'Theo tháng' },
                { value: 'YEAR', label: 'Theo năm' },
              ]}
            />
            <Segmented<string>
              aria-label="Số cấp đơn vị"
              value={String(depth ?? 1)}
              onChange={(v) => set({ depth: v === '1' ? undefined : v })}
              options={[
                { value: '1', label: '1 cấp' },
                { value: '2', label: '2 cấp' },
                { value: '3', label: '3 cấp' },
              ]}
            />
          </Space>
        </Col>
        <Col xs={24}>
          <Space>
            <Button
              icon={<FileExcelOutlined />}
              loading={exporting === 'xlsx'}
              onClick={() => void exportAs('xlsx')}
            >
              Xuất Excel
            </Button>
            <Button
              icon={<FileWordOutlined />}
              loading={exporting === 'docx'}
              onClick={() => void exportAs('docx')}
            >
              Xuất báo cáo Word
            </Button>
          </Space>
        </Col>
      </Row>
    </Card>
  );
}
