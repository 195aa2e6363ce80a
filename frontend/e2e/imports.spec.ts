import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { authHeaders, pick, shot, signIn, suffix } from './support';

test('a ward officer imports events from a CSV file: checked first, saved with a progress bar, then exported', async ({
  page,
  request,
}) => {
  const headers = await authHeaders(request, 'phuongbaclieu');
  const me = await (await request.get('/api/auth/me', { headers })).json();
  const types = await (await request.get('/api/catalogues/EVENT_TYPE', { headers })).json();
  const typeId = types.find((t: { code: string }) => t.code === 'TUYEN_TRUYEN').id;
  const unit = me.unit.id;
  const tag = suffix();
  const csv = [
    'externalId,title,typeId,startsAt,endsAt,unitId,leadUnitId,attendance,location',
    `BL-${tag}-1,Tuyên truyền phòng chống lừa đảo khóm 1 ${tag},${typeId},2025-08-05T07:30:00+07:00,2025-08-05T10:00:00+07:00,${unit},${unit},150,Nhà văn hóa khóm 1`,
    `BL-${tag}-2,Tuyên truyền phòng chống ma túy khóm 2 ${tag},${typeId},2025-08-12T07:30:00+07:00,2025-08-12T10:00:00+07:00,${unit},${unit},90,"Sân khóm 2, phường Bạc Liêu"`,
    `BL-${tag}-3,Dòng thiếu giờ ${tag},${typeId},,,${unit},${unit},10,`,
  ].join('\n');
  const file = { name: `su-kien-${tag}.csv`, mimeType: 'text/csv', buffer: Buffer.from(csv) };

  await signIn(page, 'phuongbaclieu', '/nhap-du-lieu');
  await expect(page.getByRole('heading', { name: 'Nhập dữ liệu từ tệp' })).toBeVisible();
  await pick(page, page.getByLabel('Loại dữ liệu'), 'Sự kiện');
  await page.locator('input[type=file]').setInputFiles(file);
  const checked = page.locator('.ant-card').filter({ hasText: 'Kết quả kiểm tra (chưa lưu)' });
  await expect(checked.getByText('Xong')).toBeVisible();
  await expect(checked.getByTestId('import-errors')).toContainText('data.startsAt');
  await expect(checked.getByTestId('import-errors')).toContainText('Không được để trống');
  await expect(checked.getByText('Tệp còn dòng lỗi')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Lưu vào hệ thống' })).toHaveCount(0);
  await shot(page, '100-nhap-kiem-tra-loi');

  // saving the valid rows only
  await page.getByText('Lưu các dòng hợp lệ, bỏ qua dòng lỗi').click();
  await page.locator('input[type=file]').setInputFiles(file);
  await expect(checked.getByText('Xong')).toBeVisible();
  await expect(checked.getByRole('progressbar')).toBeVisible();
  await page.getByRole('button', { name: 'Lưu vào hệ thống' }).click();
  const saved = page.locator('.ant-card').filter({ hasText: '3. Lưu vào hệ thống' });
  await expect(saved.getByText('Đã lưu: 2 bản ghi mới, 0 bản ghi cập nhật.')).toBeVisible();
  await expect(saved.getByText('3/3 dòng')).toBeVisible();
  await shot(page, '101-nhap-da-luu');

  // the events are in the list; the list exports with its filter
  await page.goto(`/su-kien?q=${tag}`);
  await expect(page.getByText(`Tuyên truyền phòng chống lừa đảo khóm 1 ${tag}`)).toBeVisible();
  await expect(page.getByText(`Tuyên truyền phòng chống ma túy khóm 2 ${tag}`)).toBeVisible();
  await page.getByRole('button', { name: 'Xuất danh sách' }).hover();
  const download = page.waitForEvent('download');
  await page.getByText('Tệp CSV (UTF-8)').click();
  const csvFile = await download;
  expect(csvFile.suggestedFilename()).toMatch(/^su-kien-\d{4}-\d{2}-\d{2}\.csv$/);
  const exported = readFileSync(await csvFile.path(), 'utf8');
  expect(exported.split('\r\n').filter((l) => l.includes(tag))).toHaveLength(2);
  expect(exported).toContain('"Sân khóm 2, phường Bạc Liêu"');

  // sending the same file again creates nothing new
  const again = await request.post('/api/import-jobs/file?resource=events&mode=partial', {
    headers: { ...headers, 'Content-Type': 'application/octet-stream', 'X-File-Name': file.name },
    data: file.buffer,
  });
  expect(again.status()).toBe(202);
  const job = await again.json();
  await expect(async () => {
    const now = await (await request.get(`/api/import-jobs/${job.id}`, { headers })).json();
    expect(now.state).toBe('SUCCEEDED');
    expect(now.counts).toMatchObject({ created: 0, unchanged: 2, rejected: 1 });
  }).toPass({ timeout: 20_000 });
  await page.goto('/nhap-du-lieu');
  await expect(page.getByText(file.name).first()).toBeVisible();
  await shot(page, '102-nhap-lich-su');
});
