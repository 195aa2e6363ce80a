import { App, Col, DatePicker, Form, Input, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { FormDialog } from '@/components/FormDialog';
import { useCatalogue } from '@/lib/catalogues';
import { useEvents, useProgrammes } from '@/lib/events';
import { UnitPicker } from '@/components/UnitPicker';
import { unitDetailQuery } from '@/lib/units';
import { ApiError } from '@/lib/api/client';
import { applyViolations, problemMessage } from '@/lib/problem';
import { useCurrentUser } from '@/lib/useSession';
import { useQuery } from '@tanstack/react-query';
import { useAwardPowers, useSaveAward, type Award } from '../api/awards';
import { issuerOf } from '../issuer';
import { rowsOf, toInput, type RecipientRow } from './recipientRows';
import { RecipientsGrid } from './RecipientsGrid';
import { formatDate, isoDate } from '@/lib/format';

interface Values {
  number: string;
  decidedOn: Dayjs;
  authorityId: number;
  unitId: number;
  issuerName?: string;
  signer?: string;
  formId: number;
  typeId: number;
  reason?: string;
  eventId?: number;
  programmeId?: number;
}

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
  const authorities = useCatalogue('AWARD_AUTHORITY');
  const forms = useCatalogue('AWARD_FORM');
  const types = useCatalogue('AWARD_TYPE');
  const powers = useAwardPowers();
  const programmes = useProgrammes({ size: 200 });
  const [eventSearch, setEventSearch] = useState('');
  const events = useEvents({ q: eventSearch || undefined, size: 20 });
  const authorityId = Form.useWatch('authorityId', form);
  const decidedOn = Form.useWatch('decidedOn', form);
  const unitId = Form.useWatch('unitId', form);
  const unit = useQuery({ ...unitDetailQuery(unitId ?? 0), enabled: unitId !== undefined });
  const [issuerTouched, setIssuerTouched] = useState(!!a);

  const day = isoDate(decidedOn ?? dayjs());
  const grantable = new Set(
    (powers.data ?? [])
      .filter(
        (p) =>
          p.authority.id === authorityId &&
          p.validFrom <= day &&
          (p.validTo === undefined || p.validTo > day),
      )
      .map((p) => p.form.id),
  );
  const authorityOptions = (authorities.data ?? [])
    .filter((i) => i.validFrom <= day && (i.validTo === undefined || i.validTo > day))
    .map((i) => ({ value: i.id, label: i.name, title: i.name }));

  const unitName = unit.data?.unit.name;
  useEffect(() => {
    if (issuerTouched || authorityId === undefined) return;
    const name = authorities.data?.find((i) => i.id === authorityId)?.name;
    if (name) form.setFieldValue('issuerName', issuerOf(name, unitName));
  }, [authorityId, unitName, authorities.data, issuerTouched, form]);

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
          number: v.number.trim(),
          decidedOn: v.decidedOn.format('YYYY-MM-DD'),
          authorityId: v.authorityId,
          unitId: v.unitId,
          issuerName: v.issuerName?.trim() || undefined,
          signer: v.signer?.trim() || undefined,
          formId: v.formId,
          typeId: v.typeId,
          reason: v.reason?.trim() || undefined,
          eventId: v.eventId,
          programmeId: v.programmeId,
          recipients: checked.recipients,
        },
      });
      message.success(
        `Đã ghi quyết định số ${saved.number}: ${saved.collectiveCount} tập thể, ${saved.individualCount} cá nhân`,
      );
      onClose(saved.id);
    } catch (err) {
      // a problem on a line of the list goes to that line
      if (err instanceof ApiError) {
        const byRow = new Map<number, string>();
        for (const violation of err.problem.violations ?? []) {
          const m = /^recipients\[(\d+)\]/.exec(violation.field);
          if (m) byRow.set(Number(m[1]), violation.message);
        }
        if (byRow.size) {
          setRows(rows.map((r, i) => ({ ...r, error: byRow.get(i) })));
          setError(problemMessage(err));
          return;
        }
      }
      if (!applyViolations(form, err)) setError(problemMessage(err));
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
        initialValues={
          a
            ? {
                number: a.number,
                decidedOn: dayjs(a.decidedOn),
                authorityId: a.authority.id,
                unitId: a.unit.id,
                issuerName: a.issuerName,
                signer: a.signer,
                formId: a.form.id,
                typeId: a.type.id,
                reason: a.reason,
                eventId: a.event?.id,
                programmeId: a.programme?.id,
              }
            : { decidedOn: dayjs(), unitId: user?.unit?.id }
        }
        onValuesChange={(changed: Partial<Values>) => {
          if ('issuerName' in changed) setIssuerTouched(true);
        }}
      >
        <Row gutter={12}>
          <Col span={6}>
            <Form.Item
              name="number"
              label="Số quyết định"
              rules={[{ required: true, whitespace: true, message: 'Nhập số quyết định' }]}
            >
              <Input aria-label="Số quyết định" maxLength={60} placeholder="1234/QĐ-UBND" />
            </Form.Item>
          </Col>
          <Col span={5}>
            <Form.Item
              name="decidedOn"
              label="Ngày ký"
              rules={[{ required: true, message: 'Chọn ngày ký' }]}
            >
              <DatePicker
                aria-label="Ngày ký"
                format="DD/MM/YYYY"
                style={{ width: '100%' }}
                disabledDate={(d) => d.isAfter(dayjs(), 'day')}
              />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              name="authorityId"
              label="Cấp khen thưởng"
              rules={[{ required: true, message: 'Chọn cấp khen thưởng' }]}
            >
              <Select aria-label="Cấp khen thưởng" options={authorityOptions} />
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item
              name="unitId"
              label="Nhân danh đơn vị"
              tooltip="Đơn vị mà cấp khen thưởng đại diện và lưu hồ sơ: tỉnh với Chủ tịch UBND tỉnh, phường với Chủ tịch UBND phường…"
              rules={[{ required: true, message: 'Chọn đơn vị' }]}
            >
              <UnitPicker aria-label="Nhân danh đơn vị" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              name="issuerName"
              label="Cơ quan, người có thẩm quyền (như ghi trên quyết định)"
            >
              <Input
                aria-label="Cơ quan ban hành"
                maxLength={300}
                placeholder="Chủ tịch UBND tỉnh Cà Mau"
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="signer" label="Người ký">
              <Input aria-label="Người ký" maxLength={200} placeholder="Họ tên, chức vụ" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item
              name="formId"
              label="Hình thức"
              rules={[{ required: true, message: 'Chọn hình thức khen thưởng' }]}
              extra={
                authorityId && powers.data && grantable.size === 0
                  ? 'Cấp này không có thẩm quyền khen thưởng vào ngày đã chọn'
                  : undefined
              }
            >
              <Select
                aria-label="Hình thức khen thưởng"
                options={(forms.data ?? []).map((i) => ({
                  value: i.id,
                  label: i.name,
                  title: i.name,
                  disabled: authorityId !== undefined && !grantable.has(i.id),
                }))}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="typeId"
              label="Loại khen thưởng"
              rules={[{ required: true, message: 'Chọn loại khen thưởng' }]}
            >
              <Select
                aria-label="Loại khen thưởng"
                options={(types.data ?? [])
                  .filter((i) => i.validFrom <= day && (i.validTo === undefined || i.validTo > day))
                  .map((i) => ({ value: i.id, label: i.name, title: i.name }))}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="programmeId" label="Thuộc chương trình phối hợp">
              <Select
                aria-label="Chương trình phối hợp"
                allowClear
                options={(programmes.data?.content ?? []).map((p) => ({
                  value: p.id,
                  label: `${p.number} — ${p.title}`,
                  title: p.number,
                }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={14}>
            <Form.Item name="reason" label="Thành tích được khen">
              <Input.TextArea aria-label="Thành tích" rows={2} maxLength={4000} />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="eventId" label="Trao tại sự kiện">
              <Select
                aria-label="Sự kiện trao khen thưởng"
                allowClear
                showSearch={{ filterOption: false, onSearch: setEventSearch }}
                placeholder="Gõ tên sự kiện"
                options={[
                  ...(a?.event && !events.data?.content.some((e) => e.id === a.event?.id)
                    ? [{ value: a.event.id, label: a.event.title, title: a.event.title }]
                    : []),
                  ...(events.data?.content ?? []).map((e) => ({
                    value: e.id,
                    label: `${e.title} (${formatDate(e.startsAt)})`,
                    title: e.title,
                  })),
                ]}
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        Tập thể, cá nhân được khen
      </Typography.Title>
      <RecipientsGrid rows={rows} onChange={setRows} defaultUnitId={unitId} />
    </FormDialog>
  );
}
