import { devices, expect, test, type Page } from '@playwright/test';
import { authHeaders, fillEvent, pick, shot, signIn, suffix } from './support';

/**
 * The app on a phone (issue 25): a 390 px wide Pixel 7 as a ward officer and as the provincial
 * office would hold it. Every page fits the screen (nothing scrolls sideways, tables scroll inside
 * themselves), the navigation is a drawer, the user a menu, and form dialogs take the screen.
 * Screenshots go to e2e-screens/phone-*.png.
 */
const pixel7 = { ...devices['Pixel 7'] } as Partial<(typeof devices)['Pixel 7']>;
delete pixel7.defaultBrowserType; // the configured Chromium, not a browser of its own
test.use(pixel7);

async function fitsTheScreen(page: Page) {
  const { scroll, width } = (await page.evaluate(
    '({ scroll: document.documentElement.scrollWidth, width: window.innerWidth })',
  )) as { scroll: number; width: number };
  expect(scroll, 'the page scrolls sideways').toBeLessThanOrEqual(width);
}

const PAGES = [
  ['/', 'Tổng quan', 'tong-quan'],
  ['/don-vi', 'Đơn vị', 'don-vi'],
  ['/mo-hinh', 'Mô hình tự phòng, tự quản', 'mo-hinh'],
  ['/su-kien', 'Sự kiện', 'su-kien'],
  ['/su-kien?tab=map', 'Sự kiện', 'su-kien-ban-do'],
  ['/khen-thuong', 'Khen thưởng', 'khen-thuong'],
  ['/so-lieu', 'Số liệu', 'so-lieu'],
  ['/tinh-hinh-bao-cao', 'Tình hình báo cáo', 'tinh-hinh-bao-cao'],
  ['/thong-bao', 'Thông báo', 'thong-bao'],
  ['/thong-bao/thiet-lap', 'Thiết lập nhận thông báo', 'thong-bao-thiet-lap'],
  ['/an-toan', 'An toàn', 'an-toan'],
  ['/bao-cao', 'Báo cáo tổng hợp', 'bao-cao'],
  ['/nhap-du-lieu', 'Nhập dữ liệu', 'nhap-du-lieu'],
  ['/cho-gui', 'Chờ gửi', 'cho-gui'],
] as const;

test('every page of a ward officer fits a 390 px phone', async ({ page }) => {
  // a full load of each of the pages above, each waited to the network's rest: 46-58 s on this
  // machine, past the default 60 s on a busy one (a budget for the journey, not a timing)
  test.setTimeout(PAGES.length * 10_000);
  await signIn(page, 'phuongbaclieu');
  await expect(page.getByRole('button', { name: 'Mở menu' })).toBeVisible();
  for (const [path, heading, name] of PAGES) {
    await page.goto(path);
    await expect(page.getByRole('heading', { name: heading }).first()).toBeVisible();
    await page.waitForLoadState('networkidle');
    await fitsTheScreen(page);
    await shot(page, `phone-${name}`);
  }
});

test('the menu is a drawer and the user a menu with sign-out', async ({ page }) => {
  await signIn(page, 'phuongbaclieu');
  await page.getByRole('button', { name: 'Mở menu' }).click();
  const drawer = page.locator('.app-nav-drawer');
  await expect(drawer.getByRole('menuitem', { name: 'Sự kiện' })).toBeVisible();
  await shot(page, 'phone-menu');
  await drawer.getByRole('menuitem', { name: 'Sự kiện' }).click();
  await expect(page).toHaveURL(/\/su-kien/);
  await expect(drawer).toBeHidden();
  await page.getByTestId('current-user').click();
  await expect(page.getByText('Cán bộ cấp xã · Phường Bạc Liêu')).toBeVisible();
  await shot(page, 'phone-tai-khoan');
  await page.getByRole('menuitem', { name: 'Đăng xuất' }).click();
  await expect(page.getByLabel('Tên đăng nhập')).toBeVisible();
  await fitsTheScreen(page);
  await shot(page, 'phone-dang-nhap');
});

test.describe('opening the app again', () => {
  // the scripts are held back with page.route, which sees them only when no service worker
  // answers them
  test.use({ serviceWorkers: 'block' });

  test("paints the app's frame before its code has run, and the app's own shell replaces it", async ({
    page,
  }) => {
    await signIn(page, 'phuongbaclieu');
    const frame = page.locator('#boot .boot-header');
    await expect(frame).toBeHidden();
    // the app's code not yet run: index.html's frame alone, on the phone's width
    await page.route('**/assets/*.js', (route) => route.abort());
    await page.reload();
    await expect(frame).toBeVisible();
    await expect(frame).toContainText('ANTQ');
    await fitsTheScreen(page);
    await shot(page, 'phone-khung-ung-dung');
    await page.unroute('**/assets/*.js');
    await page.reload();
    await expect(page.getByTestId('current-user')).toBeVisible();
    await expect(frame).toBeHidden();
    // signed out, the next visit opens on the sign-in form without the frame
    await page.getByTestId('current-user').click();
    await page.getByRole('menuitem', { name: 'Đăng xuất' }).click();
    await expect(page.getByLabel('Tên đăng nhập')).toBeVisible();
    await page.route('**/assets/*.js', (route) => route.abort());
    await page.reload();
    await expect(page.locator('#root')).toBeEmpty();
    await expect(frame).toBeHidden();
  });
});

test('a form dialog takes the whole phone screen', async ({ page }) => {
  await signIn(page, 'phuongbaclieu', '/su-kien');
  await page.getByRole('button', { name: /Ghi nhận sự kiện/ }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  // measured once its opening animation is over
  await expect
    .poll(async () => (await dialog.boundingBox())?.width ?? 0)
    .toBeGreaterThanOrEqual(380);
  await fitsTheScreen(page);
  await shot(page, 'phone-them-su-kien');
});

test('an event recorded without signal waits in the queue, on a phone too', async ({
  page,
  context,
}) => {
  const title = `Tuần tra ấp trên điện thoại ${suffix()}`;
  await signIn(page, 'phuongbaclieu', '/su-kien');
  // opened once with signal: the types and the ward's units are at hand
  await page.getByRole('button', { name: /Ghi nhận sự kiện/ }).click();
  let form = page.getByRole('dialog', { name: 'Ghi nhận sự kiện' });
  await pick(page, form.getByLabel('Loại sự kiện'), 'Hoạt động vì cộng đồng');
  await pick(page, form.getByLabel('Địa bàn diễn ra'), 'Khóm 1, Phường 1');
  await form.getByRole('button', { name: 'Hủy' }).click();

  await context.setOffline(true);
  await page.getByRole('button', { name: /Ghi nhận sự kiện/ }).click();
  form = page.getByRole('dialog', { name: 'Ghi nhận sự kiện' });
  await fillEvent(page, form, title);
  await form.getByRole('button', { name: 'Ghi nhận' }).click();
  await expect(page.getByText('Chưa có kết nối: đã lưu trên máy')).toBeVisible();
  await page.getByTestId('outbox-count').click();
  await expect(page.getByText(title)).toBeVisible();
  await fitsTheScreen(page);
  await shot(page, 'phone-cho-gui');
  await context.setOffline(false);
  await expect(page.getByText('Không có bản ghi nào chờ gửi')).toBeVisible({ timeout: 40_000 });
});

test('the provincial office reads a model and the report on a phone', async ({ page, request }) => {
  const headers = await authHeaders(request, 'camau');
  const model = (await (await request.get('/api/models?size=1', { headers })).json()).content[0];
  await signIn(page, 'camau', `/mo-hinh/${model.id}`);
  await expect(page.getByRole('heading', { name: model.name })).toBeVisible();
  await page.waitForLoadState('networkidle');
  await fitsTheScreen(page);
  await shot(page, 'phone-mo-hinh-chi-tiet');
  await page.goto('/bao-cao?from=2013-01-01&to=2026-06-30');
  await expect(page.getByText(/Từ 01\/01\/2013 đến 30\/06\/2026/)).toBeVisible();
  await fitsTheScreen(page);
  await shot(page, 'phone-bao-cao-ca-mau');
});
