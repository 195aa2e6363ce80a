import { ApiError, unwrap } from './api/client';
import { applyViolations, lineViolations, problemMessage } from './problem';

const problem = {
  type: 'urn:antq:problem:business-rule',
  title: 'Vi phạm quy tắc nghiệp vụ',
  status: 422,
  detail: 'Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực',
  violations: [
    { field: 'validTo', message: 'Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực' },
    { field: 'secret', message: 'không có trên biểu mẫu' },
  ],
};

function fakeForm(values: Record<string, unknown>) {
  const set: { name: string; errors: string[] }[][] = [];
  return {
    getFieldsValue: () => values,
    setFields: (fields: { name: string; errors: string[] }[]) => set.push(fields),
    set,
  };
}

describe('problem+json becomes Vietnamese messages and field errors', () => {
  it('combines title and detail', () => {
    expect(problemMessage(new ApiError(problem))).toBe(
      'Vi phạm quy tắc nghiệp vụ: Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực',
    );
    expect(problemMessage(new Error('boom'))).toMatch(/không mong muốn/);
  });

  it('puts violations on the fields the form has, and only those', () => {
    const form = fakeForm({ name: 'x', validTo: null });
    const placed = applyViolations(form as never, new ApiError(problem));
    expect(placed).toBe(true);
    expect(form.set).toEqual([
      [{ name: 'validTo', errors: ['Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực'] }],
    ]);
  });

  it('reports when no violation found a field', () => {
    const form = fakeForm({ name: 'x' });
    expect(applyViolations(form as never, new ApiError({ ...problem, violations: [] }))).toBe(
      false,
    );
    expect(applyViolations(form as never, new Error('x'))).toBe(false);
  });

  it('unwraps server problems and network failures into ApiError', async () => {
    const response = new Response(null, { status: 422 });
    await expect(unwrap(Promise.resolve({ error: problem, response }))).rejects.toMatchObject({
      status: 422,
      problem: { title: 'Vi phạm quy tắc nghiệp vụ' },
    });
    await expect(unwrap(Promise.reject(new TypeError('offline')))).rejects.toMatchObject({
      problem: { title: 'Không kết nối được máy chủ' },
    });
    const ok = new Response(null, { status: 200 });
    await expect(unwrap(Promise.resolve({ data: { id: 1 }, response: ok }))).resolves.toEqual({
      data: { id: 1 },
      response: ok,
    });
  });

  it("finds the violations of a list's lines by their index", () => {
    const lines = new ApiError({
      ...problem,
      violations: [
        { field: 'recipients[2].name', message: 'Nhập họ tên' },
        { field: 'recipients[2].unitId', message: 'Chọn đơn vị' },
        { field: 'recipients[10]', message: 'Trùng người' },
        { field: 'number', message: 'Nhập số' },
        { field: 'criteria[0].met', message: 'Chọn kết quả' },
      ],
    });
    expect([...lineViolations(lines, 'recipients')]).toEqual([
      [2, 'Nhập họ tên'],
      [10, 'Trùng người'],
    ]);
    expect([...lineViolations(lines, 'criteria')]).toEqual([[0, 'Chọn kết quả']]);
    expect(lineViolations(new Error('boom'), 'recipients').size).toBe(0);
  });
});
