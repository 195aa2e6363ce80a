import {
  Alert,
  App,
  Col,
  Collapse,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { AuditTimeline } from '@/components/AuditTimeline';
import { FormDialog } from '@/components/FormDialog';
import { UnitPicker } from '@/components/UnitPicker';
import { ApiError } from '@/lib/api/client';
import { formatDate } from '@/lib/format';
import { applyViolations, problemMessage } from '@/lib/problem';
import { useRights } from '@/lib/useSession';
import { useSafetyChecklist, useSaveSafetyAssessment, type SafetyAssessment } from '../api/safety';

interface Values {
  unitId?: number;
  year?: number;
  recognisedBy?: string;
  recognisedOn?: Dayjs;
  decisionNumber?: string;
  note?: string;
}

interface Mark {
  met?: boolean;
  evidence?: string;
}

/**
 * Đánh giá an toàn về ANTT: the unit and the year give the criteria and the period; each criterion
 * is met or not with its evidence; the standard is met when all are; recognition only then.
 */
export function AssessmentDialog({
  editing,
  onClose,
}: {
  editing?: { assessment: SafetyAssessment; etag: string };
  onClose: (id?: number) => void;
}) {
  const a = editing?.assessment;
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const save = useSaveSafetyAssessment();
  const rights = useRights();
  const [error, setError] = useState<string>();
  const [lineErrors, setLineErrors] = useState<Record<number, string>>({});
  const unitId = Form.useWatch('unitId', form) ?? a?.unit.id;
  const year = Form.useWatch('year', form) ?? a?.year;
  const checklist = useSafetyChecklist(unitId, year);
  const [marks, setMarks] = useState<Record<number, Mark>>(() =>
    Object.fromEntries(
      (a?.criteria ?? []).map((c) => [c.criterion.id, { met: c.met, evidence: c.evidence }]),
    ),
  );
  const criteria = checklist.data?.criteria ?? [];
  const assessed = criteria.filter((c) => marks[c.id]?.met !== undefined).length;
  const allMet = criteria.length > 0 && criteria.every((c) => marks[c.id]?.met === true);
  const existing = !a && checklist.data?.assessmentId;

  const submit = async (v: Values) => {
    setError(undefined);
    setLineErrors({});
    try {
      const saved = await save.mutateAsync({
        id: a?.id,
        etag: editing?.etag,
        body: {
          unitId: v.unitId ?? a?.unit.id ?? 0,
          year: v.year ?? a?.year ?? 0,
          criteria: criteria
            .filter((c) => marks[c.id]?.met !== undefined)
            .map((c) => ({
              criterionId: c.id,
              met: marks[c.id]?.met ?? false,
              evidence: marks[c.id]?.evidence?.trim() || undefined,
            })),
          recognisedBy: allMet ? v.recognisedBy?.trim() || undefined : undefined,
          recognisedOn: allMet ? v.recognisedOn?.format('YYYY-MM-DD') : undefined,
          decisionNumber: allMet ? v.decisionNumber?.trim() || undefined : undefined,
          note: v.note?.trim() || undefined,
        },
      });
      message.success(
        `Đã ghi đánh giá năm ${saved.year} của ${saved.unit.name}: ${saved.met ? 'đạt chuẩn' : 'chưa đạt chuẩn'}`,
      );
      onClose(saved.id);
    } catch (err) {
      if (err instanceof ApiError) {
        const byLine: Record<number, string> = {};
        const sent = criteria.filter((c) => marks[c.id]?.met !== undefined);
        for (const violation of err.problem.violations ?? []) {
          const m = /^criteria\[(\d+)\]/.exec(violation.field);
          const line = m ? sent[Number(m[1])] : undefined;
          if (line) byLine[line.id] = violation.message;
        }
        setLineErrors(byLine);
      }
      if (!applyViolations(form, err)) setError(problemMessage(err));
    }
  };

  return (
    <FormDialog
      title={
        a ? `Sửa đánh giá năm ${a.year} — ${a.unit.name}` : 'Đánh giá "An toàn về an ninh, trật tự"'
      }
      okText="Lưu đánh giá"
      onOk={() => form.submit()}
      onCancel={() => onClose()}
      busy={save.isPending}
      width={980}
      error={error}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          a
            ? {
                unitId: a.unit.id,
                year: a.year,
                recognisedBy: a.recognisedBy,
                recognisedOn: a.recognisedOn ? dayjs(a.recognisedOn) : undefined,
                decisionNumber: a.decisionNumber,
                note: a.note,
              }
            : { year: dayjs().month() >= 10 ? dayjs().year() : dayjs().year() - 1 }
        }
      >
        <Row gutter={12}>
          <Col span={16}>
            {a ? (
              <Form.Item label="Đơn vị được đánh giá">
                <Input disabled value={a.unit.name} aria-label="Đơn vị được đánh giá" />
              </Form.Item>
            ) : (
              <Form.Item
                name="unitId"
                label="Đơn vị được đánh giá (khu dân cư, xã/phường, cơ quan, doanh nghiệp, trường học)"
                rules={[{ required: true, message: 'Chọn đơn vị' }]}
              >
                <UnitPicker
                  aria-label="Đơn vị được đánh giá"
                  kinds={[
                    'HAMLET',
                    'COMMUNE',
                    'WARD',
                    'SPECIAL_ZONE',
                    'AGENCY',
                    'ENTERPRISE',
                    'SCHOOL',
                  ]}
                />
              </Form.Item>
            )}
          </Col>
          <Col span={8}>
            <Form.Item
              name="year"
              label="Năm đánh giá"
              rules={[{ required: true, message: 'Nhập năm' }]}
            >
              <InputNumber
                aria-label="Năm đánh giá"
                min={2000}
                max={dayjs().year() + 1}
                disabled={!!a}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
        </Row>
        {checklist.isError && (
          <Alert type="warning" showIcon title={problemMessage(checklist.error)} />
        )}
        {existing && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={`Đơn vị đã có đánh giá năm ${year}: mở đánh giá đó trong danh sách để sửa.`}
          />
        )}
        {checklist.data && (
          <>
            <Typography.Paragraph>
              <Tag color="blue">{checklist.data.target.name}</Tag> Kỳ đánh giá từ{' '}
              <b>{formatDate(checklist.data.periodFrom)}</b> đến{' '}
              <b>{formatDate(checklist.data.periodTo)}</b> — đã đánh giá {assessed}/
              {criteria.length} tiêu chí;{' '}
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
                      onChange={(e) =>
                        setMarks({ ...marks, [c.id]: { ...marks[c.id], met: e.target.value } })
                      }
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
                      onChange={(e) =>
                        setMarks({
                          ...marks,
                          [c.id]: { ...marks[c.id], evidence: e.target.value },
                        })
                      }
                    />
                  ),
                },
              ]}
            />
          </>
        )}
        <Row gutter={12}>
          <Col span={10}>
            <Form.Item name="recognisedBy" label="Cấp công nhận">
              <Input
                aria-label="Cấp công nhận"
                disabled={!allMet}
                placeholder={
                  allMet ? 'Chủ tịch UBND phường…' : 'Chỉ công nhận khi đạt mọi tiêu chí'
                }
                maxLength={300}
              />
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item name="recognisedOn" label="Ngày công nhận">
              <DatePicker
                aria-label="Ngày công nhận"
                format="DD/MM/YYYY"
                disabled={!allMet}
                style={{ width: '100%' }}
                disabledDate={(d) => d.isAfter(dayjs(), 'day')}
              />
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item name="decisionNumber" label="Số quyết định">
              <Input aria-label="Số quyết định" disabled={!allMet} maxLength={60} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="note" label="Ghi chú">
          <Input.TextArea aria-label="Ghi chú" rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
      {a && rights.audit && (
        <Collapse
          size="small"
          items={[
            {
              key: 'history',
              label: 'Lịch sử thay đổi',
              children: (
                <AuditTimeline
                  entityType="SAFETY_ASSESSMENT"
                  entityId={a.id}
                  fields={{
                    year: 'Năm',
                    met: 'Đạt chuẩn',
                    recognisedBy: 'Cấp công nhận',
                    recognisedOn: 'Ngày công nhận',
                    decisionNumber: 'Số quyết định',
                    note: 'Ghi chú',
                    ...Object.fromEntries(
                      criteria.map((c) => [`criterion:${c.id}`, `Tiêu chí: ${c.name}`]),
                    ),
                  }}
                />
              ),
            },
          ]}
        />
      )}
    </FormDialog>
  );
}
