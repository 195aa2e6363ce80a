import { Input, Radio, Table, Tag, Typography } from 'antd';
import { formatDate } from '@/lib/format';
import type { SafetyChecklist } from '../api/safety';

/** A criterion's mark: met or not, with its evidence. */
export interface Mark {
  met?: boolean;
  evidence?: string;
}

/**
 * The checklist of a unit's year: the period, how many criteria are marked and the conclusion,
 * then each criterion with its result and evidence (and the server's message for that line).
 */
export function AssessmentCriteria({
  checklist,
  marks,
  onMark,
  lineErrors,
}: {
  checklist: SafetyChecklist;
  marks: Record<number, Mark>;
  onMark: (criterionId: number, mark: Mark) => void;
  lineErrors: Record<number, string>;
}) {
  const criteria = checklist.criteria;
  const assessed = criteria.filter((c) => marks[c.id]?.met !== undefined).length;
  const allMet = criteria.length > 0 && criteria.every((c) => marks[c.id]?.met === true);
  return (
    <>
      <Typography.Paragraph>
        <Tag color="blue">{checklist.target.name}</Tag> Kỳ đánh giá từ{' '}
        <b>{formatDate(checklist.periodFrom)}</b> đến <b>{formatDate(checklist.periodTo)}</b> — đã
        đánh giá {assessed}/{criteria.length} tiêu chí;{' '}
        {assessed === criteria.length ? (
          allMet ? (
            <Tag color="success">Đạt chuẩn</Tag>
          ) : (
            <Tag color="error">Chưa đạt chuẩn</Tag>
          )
        ) : (
          <Typography.Text type="secondary">chưa đủ để kết luận</Typography.Text>
        )}
      </Typography.Paragraph>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={criteria}
        style={{ marginBottom: 16 }}
        columns={[
          { title: 'TT', key: 'tt', width: 40, render: (_, __, i) => i + 1 },
          {
            title: 'Tiêu chí',
            dataIndex: 'name',
            key: 'name',
            render: (name: string, c) => (
              <>
                <div>{name}</div>
                {lineErrors[c.id] && (
                  <Typography.Text type="danger" style={{ fontSize: 12 }}>
                    {lineErrors[c.id]}
                  </Typography.Text>
                )}
              </>
            ),
          },
          {
            title: 'Kết quả',
            key: 'met',
            width: 170,
            render: (_, c) => (
              <Radio.Group
                aria-label={`Kết quả: ${c.name}`}
                value={marks[c.id]?.met}
                onChange={(e) => onMark(c.id, { met: e.target.value as boolean })}
                options={[
                  { value: true, label: 'Đạt' },
                  { value: false, label: 'Không đạt' },
                ]}
              />
            ),
          },
          {
            title: 'Căn cứ, minh chứng',
            key: 'evidence',
            width: 280,
            render: (_, c) => (
              <Input
                aria-label={`Minh chứng: ${c.name}`}
                maxLength={2000}
                value={marks[c.id]?.evidence}
                onChange={(e) => onMark(c.id, { evidence: e.target.value })}
              />
            ),
          },
        ]}
      />
    </>
  );
}
