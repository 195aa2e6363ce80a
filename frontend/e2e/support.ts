import {
  expect,
  type APIRequestContext,
  type BrowserContext,
  type CDPSession,
  type Locator,
  type Page,
} from '@playwright/test';

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

/**
 * Signs out and waits until the server has ended the session (the sign-in page says so): a
 * navigation started earlier would still carry the refresh cookie and sign the same user back in.
 */
export async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page.getByText('Bạn đã đăng xuất.')).toBeVisible();
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

/**
 * Fills what every event needs in an open "Ghi nhận sự kiện" form, as the demo ward officer would:
 * the type, the title, where (Khóm 1) and who leads (the ward police).
 */
export async function fillEvent(
  page: Page,
  form: Locator,
  title: string,
  type = 'Hoạt động vì cộng đồng',
) {
  await pick(page, form.getByLabel('Loại sự kiện'), type);
  await form.getByLabel('Tên sự kiện').fill(title);
  await pick(page, form.getByLabel('Địa bàn diễn ra'), 'Khóm 1, Phường 1');
  await pick(page, form.getByLabel('Đơn vị chủ trì'), 'Công an phường Bạc Liêu');
}

/** Opens "Ghi nhận sự kiện" and fills what every event needs; returns the form to complete. */
export async function startEvent(page: Page, title: string, type?: string) {
  await page.getByRole('button', { name: 'Ghi nhận sự kiện' }).click();
  const form = page.getByRole('dialog', { name: 'Ghi nhận sự kiện' });
  await fillEvent(page, form, title, type);
  return form;
}

const offlinePages = new WeakMap<Page, CDPSession>();

/**
 * Reloads a page while its context is offline ({@code context.setOffline(true)}). Chromium 150
 * gives a document loaded that way {@code navigator.onLine === true} although every request of
 * it fails (ERR_INTERNET_DISCONNECTED), so the page is told again through its own DevTools
 * session — it then gets its "offline" event, as a phone without signal does. {@link goOnline}
 * lifts both.
 */
export async function reloadOffline(page: Page): Promise<void> {
  await page.reload();
  const session = await page.context().newCDPSession(page);
  offlinePages.set(page, session);
  await session.send('Network.emulateNetworkConditions', {
    offline: true,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });
  await expect.poll(() => page.evaluate('navigator.onLine')).toBe(false);
}

/** The signal returns: the context online again, and the page's own emulation lifted. */
export async function goOnline(page: Page, context: BrowserContext): Promise<void> {
  const session = offlinePages.get(page);
  if (session) {
    await session.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    await session.detach();
    offlinePages.delete(page);
  }
  await context.setOffline(false);
}
