import { App, Form, Typography } from 'antd';
import { useState } from 'react';
import { FormDialog } from '@/components/FormDialog';
import {
  DateField,
  FieldRow,
  SelectField,
  TextAreaField,
  TextField,
  UnitField,
} from '@/components/FormFields';
import { applyViolations, lineViolations, problemMessage } from '@/lib/problem';
import { useCurrentUser } from '@/lib/useSession';
import { useSaveAward, type Award } from '../api/awards';
import { useAwardChoices } from './awardChoices';
import { initialValues, useIssuerDefault, type Values } from './awardForm';
import { rowsOf, toInput, type RecipientRow } from './recipientRows';
import { RecipientsGrid } from './RecipientsGrid';
import { AwardEventField } from './AwardEventField';

/**
 * Ghi / sửa quyết định khen thưởng: the decision's lines, then its list of collectives and
 * individuals. The forms offered are those the chosen authority may grant on the decision's date.
 */
export function AwardFormDialog({
  editing,
  onClose,
}: {
  editing?: { award: Award; etag: string };
  onClose: (savedId?: number) => void;
}) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const a = editing?.award;
  const [error, setError] = useState<string>();
  const [rows, setRows] = useState<RecipientRow[]>(() =>
    a?.recipients ? rowsOf(a.recipients) : [],
  );
  const save = useSaveAward();
  const authorityId = Form.useWatch('authorityId', form);
  const decidedOn = Form.useWatch('decidedOn', form);
  const unitId = Form.useWatch('unitId', form);
  const [issuerTouched, setIssuerTouched] = useState(!!a);
  const choices = useAwardChoices(authorityId, decidedOn);
  useIssuerDefault(form, choices.authorityName, issuerTouched);

  const submit = async (v: Values) => {
    setError(undefined);
    const checked = toInput(rows);
    if (!checked.ok) {
      setRows(checked.rows);
      setError('Danh sách được khen còn dòng chưa đủ thông tin');
      return;
    }
    if (checked.recipients.length === 0) {
      setError('Ghi ít nhất một tập thể hoặc cá nhân được khen');
      return;
    }
    try {
      const saved = await save.mutateAsync({
        id: a?.id,
        etag: editing?.etag,
        body: {
          ...v,
          number: v.number.trim(),
          decidedOn: v.decidedOn.format('YYYY-MM-DD'),
          issuerName: v.issuerName?.trim() || undefined,
          signer: v.signer?.trim() || undefined,
          reason: v.reason?.trim() || undefined,
          recipients: checked.recipients,
        },
      });
      message.success(
        `Đã ghi quyết định số ${saved.number}: ${saved.collectiveCount} tập thể, ${saved.individualCount} cá nhân`,
      );
      onClose(saved.id);
    } catch (err) {
      // a problem on a line of the list goes to that line
      const byRow = lineViolations(err, 'recipients');
      if (byRow.size) {
        setRows(rows.map((r, i) => ({ ...r, error: byRow.get(i) })));
        setError(problemMessage(err));
      } else if (!applyViolations(form, err)) setError(problemMessage(err));
    }
  };

  return (
    <FormDialog
      title={a ? `Sửa quyết định số ${a.number}` : 'Ghi quyết định khen thưởng'}
      okText={a ? 'Lưu' : 'Ghi quyết định'}
      onOk={() => form.submit()}
      onCancel={() => onClose()}
      busy={save.isPending}
      width={1040}
      error={error}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={initialValues(a, user?.unit?.id)}
        onValuesChange={(changed: Partial<Values>) => {
          if ('issuerName' in changed) setIssuerTouched(true);
        }}
      >
        <FieldRow spans={[6, 5, 6, 7]}>
          <TextField
            name="number"
            label="Số quyết định"
            required="Nhập số quyết định"
            maxLength={60}
            placeholder="1234/QĐ-UBND"
          />
          <DateField name="decidedOn" label="Ngày ký" required="Chọn ngày ký" pastOnly />
          <SelectField
            name="authorityId"
            label="Cấp khen thưởng"
            required="Chọn cấp khen thưởng"
            options={choices.authorities}
          />
          <UnitField
            name="unitId"
            label="Nhân danh đơn vị"
            required="Chọn đơn vị"
            tooltip="Đơn vị mà cấp khen thưởng đại diện và lưu hồ sơ: tỉnh với Chủ tịch UBND tỉnh, phường với Chủ tịch UBND phường…"
          />
        </FieldRow>
        <FieldRow spans={[12, 12]}>
          <TextField
            name="issuerName"
            label="Cơ quan, người có thẩm quyền (như ghi trên quyết định)"
            ariaLabel="Cơ quan ban hành"
            maxLength={300}
            placeholder="Chủ tịch UBND tỉnh Cà Mau"
          />
          <TextField name="signer" label="Người ký" maxLength={200} placeholder="Họ tên, chức vụ" />
        </FieldRow>
        <FieldRow spans={[8, 8, 8]}>
          <SelectField
            name="formId"
            label="Hình thức"
            ariaLabel="Hình thức khen thưởng"
            required="Chọn hình thức khen thưởng"
            extra={
              choices.noPower
                ? 'Cấp này không có thẩm quyền khen thưởng vào ngày đã chọn'
                : undefined
            }
            options={choices.forms}
          />
          <SelectField
            name="typeId"
            label="Loại khen thưởng"
            required="Chọn loại khen thưởng"
            options={choices.types}
          />
          <SelectField
            name="programmeId"
            label="Thuộc chương trình phối hợp"
            ariaLabel="Chương trình phối hợp"
            allowClear
            options={choices.programmes}
          />
        </FieldRow>
        <FieldRow spans={[14, 10]}>
          <TextAreaField
            name="reason"
            label="Thành tích được khen"
            ariaLabel="Thành tích"
            maxLength={4000}
          />
          <AwardEventField current={a?.event} />
        </FieldRow>
      </Form>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        Tập thể, cá nhân được khen
      </Typography.Title>
      <RecipientsGrid rows={rows} onChange={setRows} defaultUnitId={unitId} />
    </FormDialog>
  );
}
