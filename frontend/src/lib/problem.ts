import type { FormInstance } from 'antd';
import { ApiError, type Problem } from './api/client';

/** A message a Vietnamese user can act on, for any error thrown by a query or mutation. */
export function problemMessage(error: unknown): string {
  if (error instanceof ApiError) {
    const { title, detail } = error.problem;
    return detail && detail !== title ? `${title}: ${detail}` : title;
  }
  return 'Đã xảy ra lỗi không mong muốn. Vui lòng thử lại.';
}

/**
 * Puts the server's violations on the form's fields. Returns true when at least one violation
 * found its field (the caller then need not show the message elsewhere).
 */
export function applyViolations(form: FormInstance, error: unknown): boolean {
  if (!(error instanceof ApiError) || !error.problem.violations?.length) {
    return false;
  }
  const known = new Set(Object.keys(form.getFieldsValue(true) as Record<string, unknown>));
  const fields = error.problem.violations
    .map((v) => ({ name: v.field.split('.')[0] ?? v.field, errors: [v.message] }))
    .filter((f) => known.has(f.name));
  form.setFields(fields);
  return fields.length > 0;
}

/**
 * A kept problem's violations as a form's `fields` (name and errors), for a dialog that reopens
 * a record the server refused: given once, when the form mounts.
 */
export function violationFields(problem: Problem | undefined) {
  return (problem?.violations ?? []).map((v) => ({
    name: v.field.split('.')[0] ?? v.field,
    errors: [v.message],
  }));
}

/**
 * The violations of the lines of a list sent in a body (`recipients[3].name` → 3 → its message),
 * for forms that show them beside each line; empty when the error is not a problem or names none.
 */
export function lineViolations(error: unknown, list: string): Map<number, string> {
  const byLine = new Map<number, string>();
  if (!(error instanceof ApiError)) return byLine;
  const pattern = new RegExp(`^${list}\\[(\\d+)\\]`);
  for (const violation of error.problem.violations ?? []) {
    const m = pattern.exec(violation.field);
    if (m && !byLine.has(Number(m[1]))) byLine.set(Number(m[1]), violation.message);
  }
  return byLine;
}
