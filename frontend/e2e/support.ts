import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';

/** Demo accounts (demo data only; see the README). */
export const DEMO_PASSWORD = 'antq-demo-2025';

export const shot = (page: Page, name: string) =>
  page.screenshot({ path: `e2e-screens/${name}.png`, fullPage: true });

export const suffix = () => Math.random().toString(36).slice(2, 7);

/** Signs in through the sign-in page and waits for the shell. */
export async function signIn(page: Page, username: string, path = '/') {
  await page.goto(path);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByTestId('current-user')).toBeVisible();
}

/** Bearer headers for API calls made by the test itself. */
export async function authHeaders(request: APIRequestContext, username = 'admin') {
  const res = await request.post('/api/auth/login', {
    data: { username, password: DEMO_PASSWORD },
  });
  expect(res.status()).toBe(200);
  return { Authorization: `Bearer ${(await res.json()).accessToken}` };
}

/**
 * Picks an option of an antd Select: retried as a whole, since the list may re-render while its
 * options load.
 */
export async function pick(page: Page, field: Locator, option: string, shown = option) {
  await expect(async () => {
    if ((await page.locator('.ant-select-dropdown:visible').count()) === 0) await field.click();
    await page
      .locator(`.ant-select-dropdown:visible .ant-select-item-option[title^="${option}"]`)
      .first()
      .click({ timeout: 2000 });
    const select = field.locator(
      'xpath=ancestor::div[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]',
    );
    await expect(select).toContainText(shown, { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
}

/**
 * Picks in a searchable select (a UnitPicker, a catalogue): types the search, then clicks the
 * option whose title starts with `title` once the answer is shown (retried while the list
 * re-renders).
 */
export async function pickUnit(page: Page, field: Locator, search: string, title: string) {
  await field.fill(search);
  const select = field.locator(
    'xpath=ancestor::div[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]',
  );
  await expect(async () => {
    if ((await page.locator('.ant-select-dropdown:visible').count()) === 0) await field.click();
    await page
      .locator(`.ant-select-dropdown:visible .ant-select-item-option[title^="${title}"]`)
      .first()
      .click({ timeout: 2000 });
    await expect(select).toContainText(title, { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
}
