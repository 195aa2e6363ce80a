import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, authHeaders, pick, shot, signIn, suffix } from './support';

test('signed-out visitors see only the Vietnamese sign-in page; wrong passwords are refused', async ({
  page,
}) => {
  await page.goto('/don-vi');
  await expect(page.getByRole('button', { name: 'Đăng nhập' })).toBeVisible();
  await expect(page.getByText('Cây đơn vị')).toHaveCount(0);
  await page.getByLabel('Tên đăng nhập').fill('phuongbaclieu');
  await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('alert')).toContainText('Tên đăng nhập hoặc mật khẩu không đúng');
  await shot(page, '10-dang-nhap-sai');
});

test('a ward officer sees only the ward, and cannot reach another province', async ({
  page,
  request,
}) => {
  await signIn(page, 'phuongbaclieu', '/don-vi');
  await expect(page.getByTestId('current-user')).toContainText('Cán bộ cấp xã');
  await expect(page.getByTestId('current-user')).toContainText('Phường Bạc Liêu');
  // the tree starts at the ward
  const tree = page.getByRole('tree', { name: 'Cây đơn vị' });
  await expect(tree.getByText('Phường Bạc Liêu', { exact: true })).toBeVisible();
  await expect(tree.getByText('Lâm Đồng', { exact: true })).toHaveCount(0);
  // no reorganising for a ward officer
  await expect(page.getByRole('button', { name: 'Sáp nhập' })).toHaveCount(0);
  await expect(page.getByRole('menuitem', { name: 'Quản trị' })).toHaveCount(0);
  // searching another province finds nothing
  await page.getByLabel('Tìm đơn vị').fill('lam dong');
  await page.getByLabel('Tìm đơn vị').press('Enter');
  await expect(page.getByText('Không có đơn vị phù hợp')).toBeVisible();
  await shot(page, '11-can-bo-phuong');

  // a link to a unit of another province shows nothing of it
  const admin = await authHeaders(request);
  const lamDong = await (
    await request.get('/api/units?q=lam%20dong&kind=PROVINCE', { headers: admin })
  ).json();
  const id = lamDong.content[0].id as number;
  await page.goto(`/don-vi?unit=${id}`);
  await expect(page.locator('.ant-drawer')).toContainText('Không tìm thấy đơn vị');
  await expect(page.locator('.ant-drawer')).not.toContainText('Lâm Đồng');
});

test('a viewer reads but is offered nothing that writes', async ({ page }) => {
  await signIn(page, 'xemcamau', '/don-vi');
  await expect(page.getByTestId('current-user')).toContainText('Chỉ xem');
  await expect(page.getByRole('button', { name: 'Thêm đơn vị' })).toHaveCount(0);
  await page.locator('.ant-table').getByRole('link', { name: 'Cà Mau', exact: true }).click();
  await expect(page.locator('.ant-drawer-title')).toHaveText('Cà Mau');
  await expect(page.locator('.ant-drawer').getByRole('button', { name: /Sửa/ })).toHaveCount(0);
  await expect(page.getByRole('tab', { name: 'Lịch sử' })).toHaveCount(0);
});

test('sign-out ends the session, also after a reload', async ({ page }) => {
  await signIn(page, 'camau');
  await page.getByRole('button', { name: /Đăng xuất/ }).click();
  await expect(page.getByText('Bạn đã đăng xuất.')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Đăng nhập' })).toBeVisible();
});

test('an expired session asks for the password and keeps what was typed', async ({
  page,
  request,
}) => {
  let token = '';
  page.on('request', (r) => {
    const auth = r.headers()['authorization'];
    if (auth) token = auth;
  });
  // a unit of the test's own in Cà Mau, so that the demo data stays as it is
  const admin = await authHeaders(request);
  const caMau = (
    await (await request.get('/api/units?q=ca%20mau&kind=PROVINCE', { headers: admin })).json()
  ).content[0].id as number;
  const oldName = `Xã Hết Phiên ${suffix()}`;
  const created = await request.post('/api/units', {
    headers: admin,
    data: { name: oldName, kind: 'COMMUNE', parentId: caMau, validFrom: '2025-07-01' },
  });
  expect(created.status()).toBe(201);
  await signIn(page, 'camau', `/don-vi?unit=${(await created.json()).id}`);
  await page.locator('.ant-drawer').getByRole('button', { name: /Sửa/ }).click();
  const dialog = page.getByRole('dialog', { name: /Sửa đơn vị/ });
  const newName = `${oldName} (đã sửa)`;
  await dialog.getByLabel('Tên đơn vị').fill(newName);

  // the session ends behind the user's back: access token and refresh cookie revoked
  const refresh = (await page.context().cookies()).find((c) => c.name === 'antq_refresh');
  expect(token).not.toBe('');
  const out = await request.post('/api/auth/logout', {
    headers: { Authorization: token, Cookie: `antq_refresh=${refresh?.value ?? ''}` },
  });
  expect(out.status()).toBe(204);

  await dialog.getByRole('button', { name: 'Lưu' }).click();
  const reauth = page.getByRole('dialog', { name: 'Phiên làm việc đã hết hạn' });
  await expect(reauth).toBeVisible();
  await shot(page, '12-phien-het-han');
  await reauth.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await reauth.getByRole('button', { name: 'Đăng nhập lại' }).click();
  // the save that was waiting went through with what had been typed
  await expect(page.getByText('Đã lưu thay đổi')).toBeVisible();
  await expect(page.locator('.ant-drawer-title')).toHaveText(newName);
});

test('administrators manage accounts and API keys; a key is shown once', async ({ page }) => {
  await signIn(page, 'admin', '/quan-tri');
  await expect(page.getByRole('tab', { name: 'Tài khoản' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'phuongbaclieu' })).toBeVisible();
  // an account's history: created by the demo data loader, role shown in Vietnamese
  await page
    .locator('tr', { hasText: 'phuongbaclieu' })
    .getByRole('button', { name: 'Lịch sử' })
    .click();
  const history = page.locator('.ant-drawer', { hasText: 'Lịch sử tài khoản phuongbaclieu' });
  await expect(history).toContainText('Tạo mới — Hệ thống');
  await expect(history).toContainText('Cán bộ cấp xã');
  await page.waitForTimeout(500); // let the drawer finish sliding in, for the screenshot
  await shot(page, '14-lich-su-tai-khoan');
  await history
    .getByRole('button', { name: 'Close' })
    .or(history.locator('.ant-drawer-close'))
    .first()
    .click();
  await page.getByRole('tab', { name: 'Khóa API' }).click();
  await page.getByRole('button', { name: 'Tạo khóa API' }).click();
  const dialog = page.getByRole('dialog', { name: 'Tạo khóa API' });
  const name = `Hệ thống thử ${suffix()}`;
  await dialog.getByLabel('Tên hệ thống').fill(name);
  await dialog.getByLabel('Địa bàn').fill('ca mau');
  await pick(page, dialog.getByLabel('Địa bàn'), 'Cà Mau');
  await dialog.getByRole('button', { name: 'Tạo' }).click();
  const secret = page.getByTestId('api-key-secret');
  await expect(secret).toContainText('antq_');
  await shot(page, '13-khoa-api');
  const key = (await secret.textContent())?.trim() ?? '';
  const check = await page.request.get('/api/auth/me', { headers: { 'X-API-Key': key } });
  expect(check.status()).toBe(200);
  await page.getByRole('button', { name: 'Tôi đã lưu khóa' }).click();
  const row = page.locator('tr', { hasText: name });
  await row.getByRole('button', { name: 'Thu hồi' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: 'Thu hồi' }).click();
  await expect(row).toContainText('Đã thu hồi');
  const after = await page.request.get('/api/auth/me', { headers: { 'X-API-Key': key } });
  expect(after.status()).toBe(401);
});

test('several tabs opened at once stay signed in (they share the refresh cookie)', async ({
  page,
  context,
}) => {
  await signIn(page, 'camau', '/don-vi');
  const tabs = await Promise.all([context.newPage(), context.newPage(), context.newPage()]);
  await Promise.all(tabs.map((t) => t.goto('/don-vi?q=ca%20mau')));
  for (const t of tabs) {
    await expect(t.getByTestId('current-user')).toContainText('Cán bộ cấp tỉnh');
  }
  await page.reload();
  await expect(page.getByTestId('current-user')).toBeVisible();
});
