import { Alert, App, Collapse, Form, Input } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { AuditTimeline } from '@/components/AuditTimeline';
import { FormDialog } from '@/components/FormDialog';
import {
  DateField,
  FieldRow,
  NumberField,
  TextAreaField,
  TextField,
  UnitField,
} from '@/components/FormFields';
import { applyViolations, lineViolations, problemMessage } from '@/lib/problem';
import { useRights } from '@/lib/useSession';
import { useSafetyChecklist, useSaveSafetyAssessment, type SafetyAssessment } from '../api/safety';
import { AssessmentCriteria, type Mark } from './AssessmentCriteria';
import { ASSESSED_KINDS, assessmentBody, initialValues, type Values } from './assessmentForm';

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
  const allMet = criteria.length > 0 && criteria.every((c) => marks[c.id]?.met === true);
  const existing = !a && checklist.data?.assessmentId;

  const sent = criteria.filter((c) => marks[c.id]?.met !== undefined);
  const submit = async (v: Values) => {
    setError(undefined);
    setLineErrors({});
    try {
      const saved = await save.mutateAsync({
        id: a?.id,
        etag: editing?.etag,
        body: assessmentBody(v, a, sent, marks, allMet),
      });
      message.success(
        `Đã ghi đánh giá năm ${saved.year} của ${saved.unit.name}: ${saved.met ? 'đạt chuẩn' : 'chưa đạt chuẩn'}`,
      );
      onClose(saved.id);
    } catch (err) {
      const byLine: Record<number, string> = {};
      lineViolations(err, 'criteria').forEach((text, i) => {
        if (sent[i]) byLine[sent[i].id] = text;
      });
      setLineErrors(byLine);
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
        initialValues={initialValues(a)}
      >
        <FieldRow spans={[16, 8]}>
          {a ? (
            <Form.Item label="Đơn vị được đánh giá">
              <Input disabled value={a.unit.name} aria-label="Đơn vị được đánh giá" />
            </Form.Item>
          ) : (
            <UnitField
              name="unitId"
              label="Đơn vị được đánh giá (khu dân cư, xã/phường, cơ quan, doanh nghiệp, trường học)"
              ariaLabel="Đơn vị được đánh giá"
              required="Chọn đơn vị"
              kinds={ASSESSED_KINDS}
            />
          )}
          <NumberField
            name="year"
            label="Năm đánh giá"
            required="Nhập năm"
            min={2000}
            max={dayjs().year() + 1}
            disabled={!!a}
          />
        </FieldRow>
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
          <AssessmentCriteria
            checklist={checklist.data}
            marks={marks}
            onMark={(id, mark) => setMarks({ ...marks, [id]: { ...marks[id], ...mark } })}
            lineErrors={lineErrors}
          />
        )}
        <FieldRow spans={[10, 7, 7]}>
          <Form.Item name="recognisedBy" label="Cấp công nhận">
            <Input
              aria-label="Cấp công nhận"
              disabled={!allMet}
              placeholder={allMet ? 'Chủ tịch UBND phường…' : 'Chỉ công nhận khi đạt mọi tiêu chí'}
              maxLength={300}
            />
          </Form.Item>
          <DateField name="recognisedOn" label="Ngày công nhận" disabled={!allMet} pastOnly />
          <TextField
            name="decisionNumber"
            label="Số quyết định"
            disabled={!allMet}
            maxLength={60}
          />
        </FieldRow>
        <TextAreaField name="note" label="Ghi chú" maxLength={2000} />
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
