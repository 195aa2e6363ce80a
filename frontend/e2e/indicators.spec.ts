import { expect, test } from '@playwright/test';
import { authHeaders, pick, shot, signIn, signOut } from './support';

test('a ward enters its month, the province returns it, the ward fixes it, the province approves and the report counts it', async ({
  page,
  request,
}) => {
  // four sign-ins and two reviews: more than the default minute on a busy 2-core machine
  test.slow();
  const now = new Date(new Date().toLocaleString('en-US', { timeZone: 'Asia/Ho_Chi_Minh' }));
  const month = now.getMonth() + 1;
  const year = now.getFullYear();
  const label = `Tháng ${month}/${year}`;

  // the ward officer opens this month's period (last month's is already waiting in the demo)
  await signIn(page, 'phuongbaclieu', '/so-lieu');
  await expect(page.getByRole('heading', { name: 'Số liệu báo cáo' })).toBeVisible();
  await page.getByRole('button', { name: 'Nhập số liệu kỳ mới' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nhập số liệu kỳ mới' });
  await expect(dialog.getByText('Phường Bạc Liêu')).toBeVisible();
  await pick(page, dialog.getByRole('combobox', { name: 'Tháng' }), `Tháng ${month}`);
  await dialog.getByLabel('Năm').fill(String(year));
  await dialog.getByRole('button', { name: 'Mở kỳ báo cáo' }).click();
  await expect(page.getByRole('heading', { name: /^Số liệu tháng/ })).toContainText(
    'Phường Bạc Liêu',
  );
  await expect(page.getByTestId('report-status')).toHaveText('Nháp');

  await page.getByLabel('Tin báo, tố giác tội phạm do Nhân dân cung cấp (tin)').fill('12');
  await page.getByLabel('Nguồn tin có giá trị (tin)').fill('3');
  await page.getByLabel('Ghi chú').fill('Số liệu tổng hợp từ sổ tiếp nhận tin báo');
  await shot(page, '80-so-lieu-nhap');
  await page.getByRole('button', { name: 'Gửi duyệt' }).click();
  await expect(page.getByTestId('report-status')).toHaveText('Chờ duyệt');
  // submitted figures are read-only
  await expect(page.getByLabel('Nguồn tin có giá trị (tin)')).toHaveCount(0);
  const url = page.url();

  // the province officer finds it on the dashboard and returns it with a comment
  await signOut(page);
  await signIn(page, 'camau', '/');
  const pending = page.locator('.ant-card', { hasText: 'Số liệu chờ xử lý' });
  await expect(pending.getByRole('link', { name: `${label} — Phường Bạc Liêu` })).toBeVisible();
  await shot(page, '81-tong-quan-cho-duyet');
  await pending.getByRole('link', { name: `${label} — Phường Bạc Liêu` }).click();
  await page.getByRole('button', { name: 'Trả lại' }).click();
  const back = page.getByRole('dialog');
  await back.getByLabel('Nhận xét').fill('Số tin báo thiếu 3 tin nhận qua hòm thư');
  await back.getByRole('button', { name: 'Trả lại' }).click();
  await expect(page.getByTestId('report-status')).toHaveText('Bị trả lại');

  // the ward sees why, fixes the figure and sends it again
  await signOut(page);
  await signIn(page, 'phuongbaclieu', new URL(url).pathname);
  await expect(page.getByText('Bị trả lại: Số tin báo thiếu 3 tin nhận qua hòm thư')).toBeVisible();
  await page.getByLabel('Tin báo, tố giác tội phạm do Nhân dân cung cấp (tin)').fill('15');
  await shot(page, '82-so-lieu-bi-tra-lai');
  await page.getByRole('button', { name: 'Gửi duyệt' }).click();
  await expect(page.getByTestId('report-status')).toHaveText('Chờ duyệt');

  // the province approves; the period is locked and counted in the report
  await signOut(page);
  await signIn(page, 'camau', '/so-lieu?awaitingMe=true');
  await page.getByRole('row', { name: new RegExp(`${label}.*Phường Bạc Liêu`) }).click();
  await page.getByRole('button', { name: 'Duyệt' }).click();
  await page.getByRole('tooltip').getByRole('button', { name: 'Duyệt' }).click();
  await expect(page.getByTestId('report-status')).toHaveText('Đã duyệt');
  await expect(page.getByRole('button', { name: 'Tạo bản điều chỉnh' })).toBeVisible();
  await expect(page.getByRole('cell', { name: '15', exact: true })).toBeVisible();
  await page.getByRole('tab', { name: 'Lịch sử' }).click();
  await expect(page.getByText('Trả lại', { exact: true }).first()).toBeVisible();
  await shot(page, '83-so-lieu-da-duyet');

  const me = await (
    await request.get('/api/auth/me', { headers: await authHeaders(request, 'phuongbaclieu') })
  ).json();
  const first = `${year}-${String(month).padStart(2, '0')}-01`;
  const last = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
  await page.goto(`/bao-cao?unitId=${me.unit.id}&from=${first}&to=${last}`);
  const figures = page.locator('.ant-card', { hasText: 'Số liệu báo cáo định kỳ' });
  await expect(figures.getByRole('row', { name: /Tin báo, tố giác tội phạm.*15/ })).toBeVisible();
  await expect(
    page.getByText('tin báo, tố giác tội phạm do Nhân dân cung cấp: 15 tin'),
  ).toBeVisible();
  await shot(page, '84-bao-cao-so-lieu');
});
