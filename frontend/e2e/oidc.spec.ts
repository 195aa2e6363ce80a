import { expect, test, type Page } from '@playwright/test';
import { shot, suffix } from './support';

/**
 * The app configured to trust an external OpenID Connect provider (e2e/fake-idp.mjs started by
 * scripts/e2e.sh): people sign in there, ANTQ's own accounts say what they may do. Runs only
 * with ANTQ_AUTH_MODE=oidc (see playwright.config.ts).
 */
const PROVIDER = 'Cổng đăng nhập thử nghiệm';

async function signInAtProvider(page: Page, username: string) {
  await page.getByRole('button', { name: `Đăng nhập qua ${PROVIDER}` }).click();
  await expect(page.getByRole('heading', { name: PROVIDER })).toBeVisible();
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

test('a province officer signs in at the provider and lands where they were going', async ({
  page,
}) => {
  await page.goto('/don-vi');
  await expect(page.getByText(`Hệ thống dùng tài khoản của ${PROVIDER}`)).toBeVisible();
  await expect(page.getByLabel('Mật khẩu')).toHaveCount(0);
  await shot(page, '20-dang-nhap-oidc');
  await signInAtProvider(page, 'camau');
  await expect(page).toHaveURL(/\/don-vi$/);
  await expect(page.getByTestId('current-user')).toContainText('Cán bộ cấp tỉnh');
  await expect(page.getByTestId('current-user')).toContainText('Cà Mau');
  // the provider says "ADMIN"; ANTQ's account says province officer
  await expect(page.getByRole('menuitem', { name: 'Quản trị' })).toHaveCount(0);
  await expect(page.getByRole('tree', { name: 'Cây đơn vị' }).getByText('Cà Mau')).toBeVisible();
  await shot(page, '21-oidc-can-bo-tinh');

  // a reload resumes the session with the provider's refresh token, without its sign-in page
  await page.reload();
  await expect(page.getByTestId('current-user')).toContainText('Cán bộ cấp tỉnh');

  // signing out ends the provider's session too and comes back to the sign-in page
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page.getByRole('button', { name: `Đăng nhập qua ${PROVIDER}` })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('button', { name: `Đăng nhập qua ${PROVIDER}` })).toBeVisible();
});

test('an expired session signs in again in a pop-up and keeps what was typed', async ({
  page,
  request,
}) => {
  let token = '';
  page.on('request', (r) => {
    const auth = r.headers()['authorization'];
    if (auth) token = auth;
  });
  await page.goto('/don-vi');
  await signInAtProvider(page, 'camau');
  await expect(page.getByTestId('current-user')).toContainText('Cán bộ cấp tỉnh');
  const caMau = (
    await (
      await request.get('/api/units?q=ca%20mau&kind=PROVINCE', {
        headers: { Authorization: token },
      })
    ).json()
  ).content[0].id as number;
  const oldName = `Xã Hết Phiên SSO ${suffix()}`;
  const created = await request.post('/api/units', {
    headers: { Authorization: token },
    data: { name: oldName, kind: 'COMMUNE', parentId: caMau, validFrom: '2025-07-01' },
  });
  expect(created.status()).toBe(201);
  await page.goto(`/don-vi?unit=${(await created.json()).id}`);
  await page.locator('.ant-drawer').getByRole('button', { name: /Sửa/ }).click();
  const dialog = page.getByRole('dialog', { name: /Sửa đơn vị/ });
  const newName = `${oldName} (đã sửa)`;
  await dialog.getByLabel('Tên đơn vị').fill(newName);

  // behind the user's back: the access token is revoked and the provider's sessions end
  expect(
    (await request.post('/api/auth/logout', { headers: { Authorization: token } })).status(),
  ).toBe(204);
  const config = await (await request.get('/api/auth/config')).json();
  expect((await request.post(`${config.oidc.issuer}/test/end-sessions`)).status()).toBe(204);

  await dialog.getByRole('button', { name: 'Lưu' }).click();
  const reauth = page.getByRole('dialog', { name: 'Phiên làm việc đã hết hạn' });
  await expect(reauth).toContainText(`đăng nhập lại qua ${PROVIDER}`);
  await shot(page, '24-oidc-het-phien');
  const popupOpened = page.waitForEvent('popup');
  await reauth.getByRole('button', { name: 'Đăng nhập lại' }).click();
  const popup = await popupOpened;
  await popup.getByLabel('Tên đăng nhập').fill('camau');
  await popup.getByRole('button', { name: 'Đăng nhập' }).click();
  await popup.waitForEvent('close');
  // the save that was waiting went through with what had been typed
  await expect(page.getByText('Đã lưu thay đổi')).toBeVisible();
  await expect(page.locator('.ant-drawer-title')).toHaveText(newName);
});

test('someone the provider knows but ANTQ does not is told so and reaches nothing', async ({
  page,
}) => {
  await page.goto('/');
  await signInAtProvider(page, 'nguoi-la');
  await expect(page.getByText('chưa được cấp quyền trong ANTQ')).toBeVisible();
  await expect(page.getByTestId('current-user')).toHaveCount(0);
  await shot(page, '22-oidc-chua-cap-quyen');
});

test('the administrator creates accounts without passwords', async ({ page }) => {
  await page.goto('/quan-tri');
  await signInAtProvider(page, 'admin');
  await expect(page).toHaveURL(/\/quan-tri$/);
  await page.getByRole('button', { name: 'Thêm tài khoản' }).click();
  const dialog = page.getByRole('dialog', { name: 'Thêm tài khoản' });
  await expect(dialog.getByText(`Người dùng đăng nhập qua ${PROVIDER}`)).toBeVisible();
  await expect(dialog.getByLabel('Mật khẩu')).toHaveCount(0);
  await shot(page, '23-oidc-them-tai-khoan');
});
