import { expect, test } from '@playwright/test';
import { authHeaders, DEMO_PASSWORD, pick, shot, signIn, signOut } from './support';

/**
 * Notifications (issue 23): a commune sends its month; the province's bell counts it and opens
 * it; the province approves; the commune finds "đã được duyệt" in its notifications. The commune
 * and its officer are made for the run, so other journeys' periods are not in the way.
 */
test('a commune sends, the province sees the bell and approves, the commune is told', async ({
  page,
  request,
}) => {
  const admin = await authHeaders(request);
  const me = await (
    await request.get('/api/auth/me', { headers: await authHeaders(request, 'camau') })
  ).json();
  const tag = Math.random().toString(36).slice(2, 7);
  const commune = `Xã Chuông Báo ${tag}`;
  const unit = await request.post('/api/units', {
    headers: admin,
    data: { name: commune, kind: 'COMMUNE', validFrom: '2025-07-01', parentId: me.unit.id },
  });
  expect(unit.status()).toBe(201);
  const username = `xa-chuong-${tag}`;
  const user = await request.post('/api/users', {
    headers: admin,
    data: {
      username,
      fullName: `Cán bộ ${commune}`,
      role: 'COMMUNE_OFFICER',
      unitId: (await unit.json()).id,
      password: DEMO_PASSWORD,
    },
  });
  expect(user.status()).toBe(201);

  // the commune sends August 2025
  await signIn(page, username, '/so-lieu');
  await page.getByRole('button', { name: 'Nhập số liệu kỳ mới' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nhập số liệu kỳ mới' });
  await pick(page, dialog.getByRole('combobox', { name: 'Tháng' }), 'Tháng 8');
  await dialog.getByLabel('Năm').fill('2025');
  await dialog.getByRole('button', { name: 'Mở kỳ báo cáo' }).click();
  await page.getByLabel('Tin báo, tố giác tội phạm do Nhân dân cung cấp (tin)').fill('7');
  await page.getByRole('button', { name: 'Gửi duyệt' }).click();
  await expect(page.getByTestId('report-status')).toHaveText('Chờ duyệt');
  await expect(page.getByTestId('notification-bell')).toHaveAttribute('data-count', '0');
  await signOut(page);

  // the province's bell counts it; the pop-over lists it; a click opens the period
  await signIn(page, 'camau', '/');
  const bell = page.getByTestId('notification-bell');
  await expect(bell).not.toHaveAttribute('data-count', '0');
  await bell.click();
  const item = page
    .getByTestId('notification')
    .filter({ hasText: `${commune} gửi số liệu tháng 8/2025 chờ duyệt` });
  await expect(item).toHaveAttribute('data-read', 'false');
  await shot(page, '95-chuong-thong-bao');
  await item.getByRole('button').click();
  await expect(page.getByRole('heading', { name: /^Số liệu tháng 8\/2025/ })).toContainText(
    commune,
  );
  await expect(page.locator('.notification-panel')).toBeHidden();
  await page.getByRole('button', { name: 'Duyệt' }).click();
  await page.getByRole('tooltip').getByRole('button', { name: 'Duyệt' }).click();
  await expect(page.getByTestId('report-status')).toHaveText('Đã duyệt');
  // read once opened
  await page.goto('/thong-bao');
  await expect(
    page.getByTestId('notification').filter({ hasText: `${commune} gửi số liệu tháng 8/2025` }),
  ).toHaveAttribute('data-read', 'true');
  await signOut(page);

  // the commune's bell: one, "đã được duyệt"; marked read from the page
  await signIn(page, username, '/');
  await expect(page.getByTestId('notification-bell')).toHaveAttribute('data-count', '1');
  await page.goto('/thong-bao');
  await expect(page.getByRole('heading', { name: 'Thông báo' })).toBeVisible();
  const approved = page
    .getByTestId('notification')
    .filter({ hasText: `Số liệu tháng 8/2025 của ${commune} đã được duyệt` });
  await expect(approved).toContainText('Người duyệt:');
  await shot(page, '96-thong-bao');
  await page.getByRole('button', { name: 'Đánh dấu tất cả đã đọc' }).click();
  await expect(approved).toHaveAttribute('data-read', 'true');
  await expect(page.getByTestId('notification-bell')).toHaveAttribute('data-count', '0');

  // preferences: an e-mail address and no in-app notices of model changes
  await page.getByRole('button', { name: 'Thiết lập nhận thông báo' }).click();
  await expect(page.getByRole('heading', { name: 'Thiết lập nhận thông báo' })).toBeVisible();
  await page.getByLabel('Địa chỉ nhận thư').fill('khong-phai-thu');
  await page.getByRole('button', { name: 'Lưu thiết lập' }).click();
  await expect(page.getByText('Địa chỉ thư điện tử không hợp lệ')).toBeVisible();
  await page.getByLabel('Địa chỉ nhận thư').fill(`${username}@congan.example.vn`);
  await page
    .getByRole('switch', { name: /Người khác đổi trạng thái mô hình: trong ứng dụng/ })
    .click();
  await page.getByRole('button', { name: 'Lưu thiết lập' }).click();
  await expect(page.getByText('Đã lưu thiết lập nhận thông báo')).toBeVisible();
  await shot(page, '97-thiet-lap-thong-bao');
  await page.reload();
  await expect(page.getByLabel('Địa chỉ nhận thư')).toHaveValue(`${username}@congan.example.vn`);
  await expect(
    page.getByRole('switch', { name: /Người khác đổi trạng thái mô hình: trong ứng dụng/ }),
  ).not.toBeChecked();
});
