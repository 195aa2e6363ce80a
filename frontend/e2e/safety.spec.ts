import { expect, test } from '@playwright/test';
import { authHeaders, pickUnit, shot, signIn, signOut } from './support';

test('a ward assesses a residential area against the safety standard, the province designates its police, the report counts both', async ({
  page,
  request,
}) => {
  const today = new Date(new Date().toLocaleString('en-US', { timeZone: 'Asia/Ho_Chi_Minh' }));
  const dd = (n: number) => String(n).padStart(2, '0');
  const todayText = `${dd(today.getDate())}/${dd(today.getMonth() + 1)}/${today.getFullYear()}`;
  // the residential areas' year that has already started (1/11 of the year before on)
  const year = today.getMonth() >= 10 ? today.getFullYear() + 1 : today.getFullYear();

  await signIn(page, 'phuongbaclieu', '/an-toan');
  await expect(page.getByRole('heading', { name: 'An toàn về an ninh, trật tự' })).toBeVisible();
  // the demo's 2025 assessments of the ward's residential areas
  await expect(page.getByRole('cell', { name: 'Chưa đạt' }).first()).toBeVisible();

  await page.getByRole('button', { name: 'Đánh giá đơn vị' }).click();
  const dialog = page.getByRole('dialog');
  await pickUnit(page, dialog.getByLabel('Đơn vị được đánh giá'), 'Khom 1', 'Khóm 1, Phường 1');
  await dialog.getByLabel('Năm đánh giá').fill(String(year));
  await expect(dialog.getByText(`01/11/${year - 1}`)).toBeVisible();
  await expect(dialog.getByText(`31/10/${year}`)).toBeVisible();
  const rows = dialog.locator('.ant-table-tbody tr');
  await expect(rows).toHaveCount(6);
  for (let i = 0; i < 6; i++) {
    await rows
      .nth(i)
      .getByText(i === 2 ? 'Không đạt' : 'Đạt', { exact: true })
      .click();
  }
  await expect(dialog.getByText('Chưa đạt chuẩn')).toBeVisible();
  await expect(dialog.getByLabel('Cấp công nhận')).toBeDisabled();
  await shot(page, '90-an-toan-chua-dat');
  await rows.nth(2).getByText('Đạt', { exact: true }).click();
  await rows.nth(2).getByRole('textbox').fill('Không phát sinh người nghiện mới trong kỳ');
  await expect(dialog.getByText('Đạt chuẩn', { exact: true })).toBeVisible();
  await dialog.getByLabel('Cấp công nhận').fill('Chủ tịch UBND phường Bạc Liêu');
  const day = dialog.getByLabel('Ngày công nhận');
  await day.fill(todayText);
  await day.press('Enter');
  await dialog.getByLabel('Số quyết định').fill('301/QĐ-UBND');
  await shot(page, '91-an-toan-danh-gia');
  await dialog.getByRole('button', { name: 'Lưu đánh giá' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole('row', { name: new RegExp(`${year}.*Khóm 1, Phường 1`) });
  await expect(row.getByText('Đạt chuẩn')).toBeVisible();
  await expect(row.getByText('6/6 tiêu chí')).toBeVisible();
  await shot(page, '92-an-toan-danh-sach');

  // the province designates the ward's police
  await signOut(page);
  await signIn(page, 'camau', '/an-toan?tab=cong-an');
  await page.getByRole('button', { name: 'Ghi danh hiệu' }).click();
  const police = page.getByRole('dialog');
  await pickUnit(
    page,
    police.getByLabel('Đơn vị công an phường'),
    'Cong an phuong Bac Lieu',
    'Công an phường Bạc Liêu',
  );
  await police.getByLabel('Năm').fill(String(today.getFullYear()));
  await police.getByLabel('Số quyết định').fill('4120/QĐ-CAT');
  const decided = police.getByLabel('Ngày quyết định');
  await decided.fill(todayText);
  await decided.press('Enter');
  await police.getByRole('button', { name: 'Ghi danh hiệu' }).click();
  await expect(police).toBeHidden();
  await expect(
    page.getByRole('row', { name: /Công an phường Bạc Liêu.*Phường Bạc Liêu.*4120\/QĐ-CAT/ }),
  ).toBeVisible();
  await shot(page, '93-cong-an-dien-hinh');

  // the province reads the ward's assessment and its history
  await page.getByRole('tab', { name: 'Đánh giá đạt chuẩn' }).click();
  await page.getByRole('row', { name: new RegExp(`${year}.*Khóm 1, Phường 1`) }).click();
  const opened = page.getByRole('dialog');
  await expect(opened.getByText(`Sửa đánh giá năm ${year}`)).toBeVisible();
  await expect(opened.getByLabel('Đơn vị được đánh giá')).toHaveValue('Khóm 1, Phường 1');
  await opened.getByText('Lịch sử thay đổi').click();
  await expect(opened.getByText('Tạo mới').first()).toBeVisible();
  await expect(
    opened.getByText(/Cấp công nhận:.*Chủ tịch UBND phường Bạc Liêu/).first(),
  ).toBeVisible();
  await shot(page, '95-an-toan-lich-su');
  await opened.getByRole('button', { name: 'Hủy' }).click();

  // the report of the ward's year counts them, as the server computes
  const me = await (
    await request.get('/api/auth/me', { headers: await authHeaders(request, 'phuongbaclieu') })
  ).json();
  const from = `${year - 1}-11-01`;
  const to = `${today.getFullYear()}-${dd(today.getMonth() + 1)}-${dd(today.getDate())}`;
  const expected = await (
    await request.get(`/api/reports/summary?unitId=${me.unit.id}&from=${from}&to=${to}`, {
      headers: await authHeaders(request, 'camau'),
    })
  ).json();
  expect(expected.totals.exemplaryPolice).toBe(1);
  await page.goto(`/bao-cao?unitId=${me.unit.id}&from=${from}&to=${to}`);
  const tile = page.locator('.ant-card', { hasText: 'Công an phường điển hình, kiểu mẫu' });
  await expect(tile.getByText('1', { exact: true })).toBeVisible();
  await expect(
    page.getByText('1 lượt Công an phường được công nhận điển hình, kiểu mẫu'),
  ).toBeVisible();
  await shot(page, '94-bao-cao-an-toan');

  // the demo's 2025 assessment of the ward's four residential areas: three meet the standard
  const y2025 = await (
    await request.get(`/api/reports/summary?unitId=${me.unit.id}&from=2025-01-01&to=2025-12-31`, {
      headers: await authHeaders(request, 'camau'),
    })
  ).json();
  expect([y2025.totals.safetyAssessed, y2025.totals.safetyMet]).toEqual([4, 3]);
  await page.goto(`/bao-cao?unitId=${me.unit.id}&from=2025-01-01&to=2025-12-31`);
  const safety = page.locator('.ant-card', { hasText: 'Đánh giá "An toàn về an ninh, trật tự"' });
  await expect(safety.getByRole('row', { name: /Khu dân cư.* 4 3$/ })).toBeVisible();
  await expect(
    page.getByText(
      '3 lượt đơn vị đạt chuẩn "An toàn về an ninh, trật tự" trên 4 lượt được đánh giá',
    ),
  ).toBeVisible();
});
