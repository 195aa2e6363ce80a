import AxeBuilder from '@axe-core/playwright';
import { devices, expect, test, type Page } from '@playwright/test';
import { signIn } from './support';

/**
 * Readable outdoors, usable by everyone (issue 25, item 7): axe-core checks every page against
 * WCAG 2.1 A and AA, on the desktop and on a 390 px phone, signed in as a ward officer and as the
 * province's administrator; no serious or critical violation is allowed (colour contrast, names of
 * controls, labels of fields, …).
 */
async function expectAccessible(page: Page, where: string) {
  await page.waitForLoadState('networkidle');
  // antd's entrance animations fade colours in: checked once they are over
  await page.waitForTimeout(400);
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const grave = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = grave.map(
    (v) =>
      `${v.id} (${v.impact}, ${v.nodes.length}): ${v.help}\n` +
      v.nodes
        .slice(0, 2)
        .map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1] ?? ''}`)
        .join('\n'),
  );
  expect.soft(report, `${where}:\n${report.join('\n')}`).toEqual([]);
}

/** Opens the first row of a list (a table row on the desktop, a card on a phone) with the keyboard. */
async function openFirst(page: Page) {
  const row = page.locator('.ant-table-row[tabindex], .paged-card-open').first();
  await row.focus();
  await page.keyboard.press('Enter');
}

const WARD_PAGES = [
  ['/', 'Tổng quan'],
  ['/don-vi', 'Đơn vị'],
  ['/mo-hinh', 'Mô hình tự phòng, tự quản'],
  ['/su-kien', 'Sự kiện'],
  ['/su-kien?tab=map', 'Sự kiện'],
  ['/su-kien?tab=calendar', 'Sự kiện'],
  ['/khen-thuong', 'Khen thưởng'],
  ['/so-lieu', 'Số liệu'],
  ['/tinh-hinh-bao-cao', 'Tình hình báo cáo'],
  ['/thong-bao', 'Thông báo'],
  ['/thong-bao/thiet-lap', 'Thiết lập nhận thông báo'],
  ['/an-toan', 'An toàn'],
  ['/bao-cao', 'Báo cáo tổng hợp'],
  ['/nhap-du-lieu', 'Nhập dữ liệu'],
  ['/cho-gui', 'Chờ gửi'],
] as const;

async function everyPage(page: Page, size: string) {
  test.setTimeout(240_000);
  await page.goto('/');
  await expect(page.getByLabel('Tên đăng nhập')).toBeVisible();
  await expectAccessible(page, `${size} sign-in`);
  await signIn(page, 'phuongbaclieu');
  for (const [path, heading] of WARD_PAGES) {
    await page.goto(path);
    await expect(page.getByRole('heading', { name: heading }).first()).toBeVisible();
    await expectAccessible(page, `${size} ${path}`);
  }
  // a model's page with its teams, an award, a figures period
  await page.goto('/mo-hinh');
  await page.locator('a[href^="/mo-hinh/"]').first().click();
  await expect(page).toHaveURL(/\/mo-hinh\/\d+/);
  await expect(page.getByRole('tab', { name: /Tổ & thành viên/ })).toBeVisible();
  await expectAccessible(page, `${size} model`);
  await page.getByRole('tab', { name: /Tổ & thành viên/ }).click();
  await expectAccessible(page, `${size} model roster`);
  await page.goto('/so-lieu');
  await openFirst(page);
  await expect(page).toHaveURL(/\/so-lieu\/\d+/);
  await expectAccessible(page, `${size} figures period`);
  // the event form
  await page.goto('/su-kien');
  await page.getByRole('button', { name: /Ghi nhận sự kiện/ }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectAccessible(page, `${size} event form`);
}

async function adminPages(page: Page, size: string) {
  test.setTimeout(120_000);
  await signIn(page, 'admin');
  for (const path of ['/quan-tri', '/khen-thuong', '/bao-cao', '/don-vi']) {
    await page.goto(path);
    await expect(page.getByRole('heading').first()).toBeVisible();
    await expectAccessible(page, `${size} admin ${path}`);
  }
  await page.goto('/khen-thuong');
  await openFirst(page);
  await expect(page).toHaveURL(/\/khen-thuong\/\d+/);
  await expectAccessible(page, `${size} award`);
}

test.describe('desktop', () => {
  test('a ward officer’s pages have no serious accessibility violation', async ({ page }) => {
    await everyPage(page, 'desktop');
  });
  test('the administrator’s pages have none either', async ({ page }) => {
    await adminPages(page, 'desktop');
  });
});

test.describe('phone', () => {
  const pixel7 = { ...devices['Pixel 7'] } as Partial<(typeof devices)['Pixel 7']>;
  delete pixel7.defaultBrowserType;
  test.use(pixel7);
  test('a ward officer’s pages have no serious accessibility violation', async ({ page }) => {
    await everyPage(page, 'phone');
  });
  test('the administrator’s pages have none either', async ({ page }) => {
    await adminPages(page, 'phone');
  });
});

test('the app is usable with a keyboard alone, and shows where the keyboard is', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByLabel('Tên đăng nhập').focus();
  await page.keyboard.type('phuongbaclieu');
  await page.keyboard.press('Tab');
  await page.keyboard.type('antq-demo-2025');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('current-user')).toBeVisible();

  // Tab reaches the menu, the arrows move in it, Enter opens the events page
  const focused = () =>
    page.evaluate(
      `(() => { const el = document.activeElement;
        return { text: (el && el.innerText || '').trim(), inMenu: !!(el && el.closest('[role=menu]')),
                 outline: el ? getComputedStyle(el).outlineStyle : 'none' }; })()`,
    ) as Promise<{ text: string; inMenu: boolean; outline: string }>;
  let at = await focused();
  for (let i = 0; i < 10 && !at.inMenu; i++) {
    await page.keyboard.press('Tab');
    at = await focused();
  }
  for (let i = 0; i < 12 && at.text !== 'Sự kiện'; i++) {
    await page.keyboard.press('ArrowDown');
    await page.waitForTimeout(100); // the menu moves its focus in the next frame
    at = await focused();
  }
  expect(at).toEqual({ text: 'Sự kiện', inMenu: true, outline: 'solid' });
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/su-kien/);
  await expect(page.getByRole('heading', { name: 'Sự kiện' }).first()).toBeVisible();

  // a row of the list opens with Enter, and the focused row is outlined
  const row = page.locator('.ant-table-row[tabindex]').first();
  await row.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  expect((await focused()).outline).toBe('solid');
  await page.keyboard.press('Enter');
  await expect(page.locator('.ant-drawer-title')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.locator('.ant-drawer-title')).toBeHidden();
});
