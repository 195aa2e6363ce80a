import { Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import type { Rule } from 'antd/es/form';
import dayjs from 'dayjs';
import { Children, type ReactNode } from 'react';
import type { UnitKind } from '@/lib/units';
import { UnitPicker } from './UnitPicker';

/**
 * The form items every dialog repeats: a labelled field with its rule in one line. Each field's
 * input is named by its label for screen readers and tests (`aria-label`), unless told otherwise.
 */
interface FieldProps {
  name: string | (string | number)[];
  label: ReactNode;
  /** The input's accessible name; the label when it is text. */
  ariaLabel?: string;
  /** Required, with this message when left empty. */
  required?: string;
  tooltip?: string;
  extra?: ReactNode;
  disabled?: boolean;
}

function nameOf(p: FieldProps) {
  return p.ariaLabel ?? (typeof p.label === 'string' ? p.label : undefined);
}

function itemProps(p: FieldProps, rules: Rule[] = []) {
  return {
    name: p.name,
    label: p.label,
    tooltip: p.tooltip,
    extra: p.extra,
    rules: p.required ? [{ required: true, message: p.required }, ...rules] : rules,
  };
}

/** A row of fields, side by side on a wide screen, one under the other on a phone. */
export function FieldRow({ spans, children }: { spans: number[]; children: ReactNode }) {
  const items = Children.toArray(children);
  return (
    <Row gutter={12}>
      {items.map((child, i) => (
        <Col key={i} xs={24} md={spans[i] ?? 24 / items.length}>
          {child}
        </Col>
      ))}
    </Row>
  );
}

/** A date (dd/mm/yyyy); `pastOnly` disables days after today. */
export function DateField(p: FieldProps & { pastOnly?: boolean }) {
  return (
    <Form.Item {...itemProps(p)}>
      <DatePicker
        aria-label={nameOf(p)}
        format="DD/MM/YYYY"
        disabled={p.disabled}
        style={{ width: '100%' }}
        disabledDate={p.pastOnly ? (d) => d.isAfter(dayjs(), 'day') : undefined}
      />
    </Form.Item>
  );
}

/** A unit of the tree, searched by name; `multiple` for several. */
export function UnitField(
  p: FieldProps & { kinds?: UnitKind[]; multiple?: boolean; activeOn?: string },
) {
  return (
    <Form.Item {...itemProps(p)}>
      <UnitPicker
        aria-label={nameOf(p)}
        kinds={p.kinds}
        multiple={p.multiple}
        activeOn={p.activeOn}
      />
    </Form.Item>
  );
}

/** One line of text; `required` also refuses blanks. */
export function TextField(p: FieldProps & { maxLength: number; placeholder?: string }) {
  return (
    <Form.Item
      {...itemProps(p)}
      rules={p.required ? [{ required: true, whitespace: true, message: p.required }] : []}
    >
      <Input
        aria-label={nameOf(p)}
        maxLength={p.maxLength}
        placeholder={p.placeholder}
        disabled={p.disabled}
      />
    </Form.Item>
  );
}

/** Several lines of text. */
export function TextAreaField(p: FieldProps & { maxLength: number; rows?: number }) {
  return (
    <Form.Item {...itemProps(p)}>
      <Input.TextArea aria-label={nameOf(p)} rows={p.rows ?? 2} maxLength={p.maxLength} />
    </Form.Item>
  );
}

/** A whole number. */
export function NumberField(p: FieldProps & { min?: number; max?: number }) {
  return (
    <Form.Item {...itemProps(p)}>
      <InputNumber
        aria-label={nameOf(p)}
        min={p.min}
        max={p.max}
        disabled={p.disabled}
        style={{ width: '100%' }}
      />
    </Form.Item>
  );
}

/** A choice among options (catalogue items, programmes…), searched by label when `search`. */
export function SelectField(
  p: FieldProps & {
    options: { value: number | string; label: string; title?: string; disabled?: boolean }[];
    loading?: boolean;
    allowClear?: boolean;
    multiple?: boolean;
    search?: boolean;
    placeholder?: string;
  },
) {
  return (
    <Form.Item {...itemProps(p)}>
      <Select
        aria-label={nameOf(p)}
        options={p.options}
        loading={p.loading}
        allowClear={p.allowClear}
        mode={p.multiple ? 'multiple' : undefined}
        showSearch={p.search ? { optionFilterProp: 'label' } : undefined}
        placeholder={p.placeholder}
        disabled={p.disabled}
      />
    </Form.Item>
  );
}

/** Options from catalogue items (or anything with an id and a name). */
export function optionsOf(items: { id: number; name: string }[] | undefined) {
  return (items ?? []).map((i) => ({ value: i.id, label: i.name, title: i.name }));
}
