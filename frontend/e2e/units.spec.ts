import { expect, test } from '@playwright/test';
import { authHeaders, pick, pickUnit, shot, signIn, suffix } from './support';

/**
 * Main journeys on the units page, as the demo administrator, against the packaged app with its
 * demo data (the seed articles' places). Screenshots go to e2e-screens/.
 */
test.beforeEach(async ({ page }) => {
  await signIn(page, 'admin');
});

test('the dashboard counts the units in force today', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Tổng quan' })).toBeVisible();
  const provinces = page.locator('.ant-card', { hasText: 'Tỉnh, thành phố' });
  await expect(provinces.locator('.ant-statistic-content')).toHaveText('34');
  await shot(page, '01-tong-quan');
});

test('the shell is Vietnamese and unknown addresses say so', async ({ page }) => {
  await page.goto('/');
  // each item by the end of its name ("Báo cáo", not "Tình hình báo cáo")
  const item = (label: string) => page.getByRole('menuitem', { name: new RegExp(` ${label}$`) });
  for (const label of ['Tổng quan', 'Đơn vị', 'Mô hình', 'Sự kiện', 'Khen thưởng', 'Báo cáo']) {
    await expect(item(label)).toBeVisible();
  }
  await item('Báo cáo').click();
  await expect(page).toHaveURL(/\/bao-cao$/);
  await expect(page.getByRole('heading', { name: 'Báo cáo tổng hợp' })).toBeVisible();
  await page.goto('/khong-ton-tai');
  await expect(page.getByText('Không tìm thấy trang')).toBeVisible();
});

test('search ignores diacritics, filters live in the URL, history shows lineage', async ({
  page,
}) => {
  await page.goto('/don-vi');
  await page.getByLabel('Tìm đơn vị').fill('bac lieu');
  await page.getByLabel('Tìm đơn vị').press('Enter');
  await expect(page).toHaveURL(/q=bac\+lieu/);
  const table = page.locator('.ant-table');
  await expect(table.getByRole('link', { name: 'Phường Bạc Liêu', exact: true })).toBeVisible();
  // the province Bạc Liêu was merged into Cà Mau on 1/7/2025: only in the history view
  await expect(table.getByRole('link', { name: 'Bạc Liêu', exact: true })).toHaveCount(0);
  await page.getByLabel('Hiện cả đơn vị đã hết hiệu lực').click();
  await expect(page).toHaveURL(/all=1/);
  await table.getByRole('link', { name: 'Bạc Liêu', exact: true }).click();
  const drawer = page.locator('.ant-drawer');
  await expect(drawer.getByText('Sáp nhập vào')).toBeVisible();
  await expect(drawer.getByRole('link', { name: 'Cà Mau' })).toBeVisible();
  await expect(drawer.getByText('01/07/2025').first()).toBeVisible();
  await shot(page, '02-bac-lieu-lich-su');

  // a bookmark of this URL opens the same view
  const url = page.url();
  await page.goto(url);
  await expect(page.locator('.ant-drawer').getByText('Sáp nhập vào')).toBeVisible();

  // follow the lineage to the successor, whose predecessors include Bạc Liêu
  await page.locator('.ant-drawer').getByRole('link', { name: 'Cà Mau' }).click();
  await expect(page.locator('.ant-drawer-title')).toHaveText('Cà Mau');
  await expect(page.locator('.ant-drawer').getByText('Sáp nhập từ')).toBeVisible();
});

test('the tree loads children lazily and scopes the table to a subtree', async ({ page }) => {
  await page.goto('/don-vi');
  const tree = page.getByRole('tree', { name: 'Cây đơn vị' });
  const ngheAn = tree.locator('.ant-tree-treenode', { hasText: 'Nghệ An' }).first();
  await ngheAn.locator('.ant-tree-switcher').click();
  await expect(tree.getByText('Phường Cửa Lò', { exact: true })).toBeVisible();
  await tree.getByText('Nghệ An', { exact: true }).click();
  await expect(page).toHaveURL(/ancestorId=\d+/);
  await expect(page.getByText('Trong: Nghệ An')).toBeVisible();
  await expect(
    page.locator('.ant-table').getByRole('link', { name: 'Khối 1' }).first(),
  ).toBeVisible();
  await shot(page, '03-cay-nghe-an');
});

test('create and edit a unit, with the server violations on the fields', async ({ page }) => {
  const name = `Khu dân cư Thử ${suffix()}`;
  await page.goto('/don-vi?q=phuong%20cua%20lo');
  await page
    .locator('.ant-table')
    .getByRole('link', { name: 'Phường Cửa Lò', exact: true })
    .click();
  const drawer = page.locator('.ant-drawer');
  await drawer.getByRole('button', { name: 'Thêm đơn vị trực thuộc' }).click();

  const dialog = page.getByRole('dialog', { name: 'Thêm đơn vị' });
  await expect(dialog.getByText('Phường Cửa Lò — Nghệ An')).toBeVisible();
  // client-side check first
  await dialog.getByRole('button', { name: 'Thêm' }).click();
  await expect(dialog.getByText('Bắt buộc nhập')).toBeVisible();

  await dialog.getByLabel('Tên đơn vị').fill(name);
  await expect(dialog.getByLabel('Loại đơn vị')).toBeEnabled();
  await pick(page, dialog.getByLabel('Loại đơn vị'), 'Thôn/ấp/khóm/khu dân cư');
  // an end before the start: only the server knows, and its violation lands on the field
  await dialog.getByLabel('Hết hiệu lực từ ngày').fill('01/01/2000');
  await dialog.getByLabel('Hết hiệu lực từ ngày').press('Enter');
  await dialog.getByRole('button', { name: 'Thêm' }).click();
  await expect(
    dialog.locator('.ant-form-item-explain-error', {
      hasText: 'Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực',
    }),
  ).toBeVisible();
  await shot(page, '04-form-loi-tu-may-chu');

  const validTo = dialog.locator('.ant-picker', { has: page.getByLabel('Hết hiệu lực từ ngày') });
  await validTo.hover();
  await validTo.locator('.ant-picker-clear').click();
  await dialog.getByRole('button', { name: 'Thêm' }).click();
  await expect(page.getByText(`Đã thêm "${name}"`)).toBeVisible();
  await expect(page.locator('.ant-drawer-title')).toHaveText(name);
  await expect(page.locator('.ant-drawer').getByText('Thôn/ấp/khóm/khu dân cư')).toBeVisible();

  // edit: rename
  await page.locator('.ant-drawer').getByRole('button', { name: 'Sửa' }).click();
  const edit = page.getByRole('dialog', { name: /Sửa đơn vị/ });
  await edit.getByLabel('Tên đơn vị').fill(`${name} (đổi tên)`);
  await edit.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByText('Đã lưu thay đổi')).toBeVisible();
  await expect(page.locator('.ant-drawer-title')).toHaveText(`${name} (đổi tên)`);
  // a hamlet takes no children: nothing offers to add one
  await expect(
    page.locator('.ant-drawer').getByRole('button', { name: 'Thêm đơn vị trực thuộc' }),
  ).toHaveCount(0);
  await shot(page, '05-chi-tiet-don-vi');
  // the history tab shows who changed what
  await page.getByRole('tab', { name: 'Lịch sử' }).click();
  const history = page.locator('.ant-drawer .ant-timeline');
  await expect(history).toContainText('Sửa — admin');
  await expect(history).toContainText(`${name} (đổi tên)`);
  await expect(history).toContainText('Tạo mới — admin');
  await shot(page, '08-lich-su-thay-doi');
});

test('a stale edit is refused and explained', async ({ page, request }) => {
  const headers = await authHeaders(request);
  const created = await request.post('/api/units', {
    headers,
    data: { name: `Tỉnh Thử ${suffix()}`, kind: 'PROVINCE', validFrom: '2025-07-01' },
  });
  expect(created.status()).toBe(201);
  const unit = await created.json();
  await page.goto(`/don-vi?unit=${unit.id}&all=1`);
  await page.locator('.ant-drawer').getByRole('button', { name: 'Sửa' }).click();
  // someone else saves first
  const other = await request.put(`/api/units/${unit.id}`, {
    headers: { ...headers, 'If-Match': created.headers()['etag'] ?? '' },
    data: { name: `${unit.name} (người khác sửa)`, kind: 'PROVINCE', validFrom: '2025-07-01' },
  });
  expect(other.status()).toBe(200);
  const dialog = page.getByRole('dialog', { name: /Sửa đơn vị/ });
  await dialog.getByLabel('Tên đơn vị').fill(`${unit.name} (của tôi)`);
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog.getByText('Đơn vị đã được người khác sửa sau khi bạn mở')).toBeVisible();
  await shot(page, '06-sua-dong-thoi');
});

test('merge units into a successor from the dialog', async ({ page, request }) => {
  const s = suffix();
  const headers = await authHeaders(request);
  const make = async (name: string) =>
    (
      await (
        await request.post('/api/units', {
          headers,
          data: { name, kind: 'PROVINCE', validFrom: '2020-01-01' },
        })
      ).json()
    ).id as number;
  const a = await make(`Tỉnh Gộp A ${s}`);
  const b = await make(`Tỉnh Gộp B ${s}`);
  await page.goto(`/don-vi?unit=${b}`);
  await page
    .locator('.ant-drawer')
    .getByRole('button', { name: 'Sáp nhập đơn vị khác vào đây' })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Sáp nhập đơn vị' });
  // picked as the other journeys pick units: the list refreshes as the search settles
  await pickUnit(
    page,
    dialog.getByLabel('Các đơn vị bị sáp nhập'),
    `gop a ${s}`,
    `Tỉnh Gộp A ${s}`,
  );
  await dialog.getByLabel('Căn cứ').fill('Nghị quyết thử nghiệm');
  await shot(page, '07-sap-nhap');
  await dialog.getByRole('button', { name: 'Sáp nhập' }).click();
  await expect(page.getByText(`Đã sáp nhập vào "Tỉnh Gộp B ${s}"`)).toBeVisible();
  const drawer = page.locator('.ant-drawer');
  await expect(drawer.getByText('Sáp nhập từ')).toBeVisible();
  await expect(drawer.getByText('Nghị quyết thử nghiệm')).toBeVisible();
  const res = await request.get(`/api/units/${a}`, { headers });
  expect((await res.json()).active).toBe(false);
});

test('rename a unit from a date: the same unit, its former name on its timeline', async ({
  page,
  request,
}) => {
  const s = suffix();
  const headers = await authHeaders(request);
  const id = (
    await (
      await request.post('/api/units', {
        headers,
        data: { name: `Tỉnh Tên Cũ ${s}`, kind: 'PROVINCE', validFrom: '2008-01-01' },
      })
    ).json()
  ).id as number;
  await page.goto(`/don-vi?unit=${id}`);
  await page.locator('.ant-drawer').getByRole('button', { name: 'Đổi tên' }).click();
  const dialog = page.getByRole('dialog', { name: `Đổi tên «Tỉnh Tên Cũ ${s}»` });
  await dialog.getByLabel('Tên mới', { exact: true }).fill(`Tỉnh Tên Mới ${s}`);
  await dialog.getByLabel('Dùng tên mới từ ngày').fill('01/07/2025');
  await dialog.getByLabel('Dùng tên mới từ ngày').press('Enter');
  await dialog.getByLabel('Căn cứ').fill('Nghị quyết đổi tên thử nghiệm');
  await shot(page, '07b-doi-ten');
  await dialog.getByRole('button', { name: 'Đổi tên' }).click();
  await expect(page.getByText(`Đã đổi tên thành "Tỉnh Tên Mới ${s}"`)).toBeVisible();
  const drawer = page.locator('.ant-drawer');
  await expect(drawer.getByText(`Đổi tên từ «Tỉnh Tên Cũ ${s}»`)).toBeVisible();
  await expect(drawer.getByText('01/07/2025')).toBeVisible();
  await shot(page, '07c-doi-ten-lich-su');
  const res = await request.get(`/api/units/${id}`, { headers });
  expect((await res.json()).name).toBe(`Tỉnh Tên Mới ${s}`);
});

test('split a commune: its hamlets and the share of its figures go to the successors', async ({
  page,
  request,
}) => {
  const s = suffix();
  const headers = await authHeaders(request);
  const make = async (name: string, kind: string, parentId: number | null, validFrom: string) =>
    (
      await (
        await request.post('/api/units', {
          headers,
          data: { name, kind, parentId: parentId ?? undefined, validFrom },
        })
      ).json()
    ).id as number;
  const province = await make(`Tỉnh Chia ${s}`, 'PROVINCE', null, '2008-01-01');
  const commune = await make(`Xã Chia ${s}`, 'COMMUNE', province, '2008-01-01');
  const h1 = await make(`Ấp Một ${s}`, 'HAMLET', commune, '2008-01-01');
  await make(`Ấp Hai ${s}`, 'HAMLET', commune, '2008-01-01');
  await make(`Xã Chia Đông ${s}`, 'COMMUNE', province, '2020-01-01');
  await make(`Xã Chia Tây ${s}`, 'COMMUNE', province, '2020-01-01');
  await page.goto(`/don-vi?unit=${commune}`);
  await page.locator('.ant-drawer').getByRole('button', { name: 'Chia tách' }).click();
  const dialog = page.getByRole('dialog', { name: `Chia tách "Xã Chia ${s}"` });
  const part = async (
    n: number,
    successor: string,
    search: string,
    hamlet: string,
    share: string,
  ) => {
    await pickUnit(page, dialog.getByLabel(`Đơn vị kế thừa phần ${n}`), search, successor);
    await pick(page, dialog.getByLabel(`Đơn vị trực thuộc phần ${n}`), hamlet);
    await page.keyboard.press('Escape');
    await dialog.getByLabel(`Tỷ lệ phần ${n}`).fill(share);
  };
  await part(1, `Xã Chia Đông ${s}`, `chia dong ${s}`, `Ấp Một ${s}`, '60');
  await part(2, `Xã Chia Tây ${s}`, `chia tay ${s}`, `Ấp Hai ${s}`, '40');
  await dialog.getByLabel('Ngày chia tách có hiệu lực').fill('01/01/2020');
  await dialog.getByLabel('Ngày chia tách có hiệu lực').press('Enter');
  await dialog.getByLabel('Căn cứ').fill('Nghị quyết chia tách thử nghiệm');
  await shot(page, '07d-chia-tach');
  await dialog.getByRole('button', { name: 'Chia tách' }).click();
  await expect(page.getByText(`Đã chia tách "Xã Chia ${s}"`)).toBeVisible();
  const drawer = page.locator('.ant-drawer');
  await expect(drawer.getByText(/60% số liệu/)).toBeVisible();
  await expect(drawer.getByText('Không còn hiệu lực')).toBeVisible();
  await shot(page, '07e-chia-tach-lich-su');
  const moved = await (await request.get(`/api/units/${h1}`, { headers })).json();
  expect(moved.parentName).toBe(`Xã Chia Đông ${s}`);
});
