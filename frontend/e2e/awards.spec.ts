import { expect, test } from '@playwright/test';
import { pick, pickUnit, shot, signIn, suffix } from './support';

test("a provincial chairman's Bằng khen for 2 collectives and 3 individuals shows on the recipient unit's page", async ({
  page,
}) => {
  const number = `${suffix()}/QĐ-UBND`;
  // names have no digits: the paste reads a digit as a misplaced column
  const person = `Nguyễn Văn Khen ${suffix().replace(/\d/g, 'k')}`;
  await signIn(page, 'camau', '/khen-thuong');
  await expect(page.getByRole('heading', { name: 'Khen thưởng' })).toBeVisible();
  // the demo's Bạc Liêu decision counts in Cà Mau's totals (lineage)
  await expect(page.getByRole('cell', { name: '1456/QĐ-UBND' })).toBeVisible();
  await shot(page, '60-khen-thuong');

  await page.getByRole('button', { name: 'Ghi quyết định khen thưởng' }).click();
  const form = page.getByRole('dialog', { name: 'Ghi quyết định khen thưởng' });
  await form.getByLabel('Số quyết định').fill(number);
  const day = form.getByLabel('Ngày ký');
  await day.click();
  await day.fill('20/03/2026');
  await day.press('Enter');
  await pick(page, form.getByLabel('Cấp khen thưởng'), 'Chủ tịch UBND tỉnh');
  // the officer's province is proposed, and with it the issuer as the decision names it
  await expect(form.getByLabel('Cơ quan ban hành')).toHaveValue('Chủ tịch UBND tỉnh Cà Mau');
  await pick(page, form.getByLabel('Hình thức khen thưởng'), 'Bằng khen');
  await pick(page, form.getByLabel('Loại khen thưởng'), 'Theo đợt, chuyên đề');
  await form.getByLabel('Người ký').fill('Nguyễn Minh Luân, Phó Chủ tịch UBND tỉnh');
  await form
    .getByLabel('Thành tích')
    .fill('Có thành tích xuất sắc trong phong trào toàn dân bảo vệ ANTQ năm 2025');

  // two collectives from the tree
  await form.getByRole('button', { name: 'Thêm tập thể (đơn vị)' }).click();
  await form.getByRole('button', { name: 'Thêm tập thể (đơn vị)' }).click();
  const units = form.getByLabel('Đơn vị được khen');
  await pickUnit(page, units.nth(0), 'phuong an xuyen', 'Phường An Xuyên —');
  await pickUnit(page, units.nth(1), 'cong an phuong bac lieu', 'Công an phường Bạc Liêu');

  // three people pasted from Excel: two name their ward, one takes the default unit
  await form.getByRole('button', { name: 'Dán danh sách cá nhân' }).click();
  const paste = page.getByRole('dialog', { name: 'Dán danh sách cá nhân' });
  await paste
    .getByLabel('Danh sách cá nhân')
    .fill(
      `STT\tHọ và tên\tChức vụ\tĐơn vị\n1\t${person}\tTrưởng khóm\tPhường An Xuyên\n` +
        '2\tTrần Thị Hai\tCông an viên\tPhường An Xuyên\n3\tLê Văn Ba\tTổ trưởng tổ tự quản',
    );
  await pickUnit(page, paste.getByLabel('Đơn vị mặc định'), 'phuong bac lieu', 'Phường Bạc Liêu —');
  await shot(page, '61-dan-danh-sach');
  await paste.getByRole('button', { name: 'Thêm 3 người' }).click();
  await expect(paste).toBeHidden();
  await expect(form.getByText('2 tập thể, 3 cá nhân')).toBeVisible();
  await expect(form.getByLabel('Họ và tên').nth(0)).toHaveValue(person);
  await shot(page, '62-ghi-quyet-dinh');
  await form.getByRole('button', { name: 'Ghi quyết định' }).click();
  await expect(
    page.getByText(`Đã ghi quyết định số ${number}: 2 tập thể, 3 cá nhân`),
  ).toBeVisible();

  // the decision's page with its two lists
  await expect(
    page.getByRole('heading', { name: `Quyết định số ${number} ngày 20/03/2026` }),
  ).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Công an phường Bạc Liêu' })).toBeVisible();
  await expect(page.getByRole('cell', { name: person })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Lê Văn Ba' })).toBeVisible();
  await expect(page.getByText('Tập thể (2)')).toBeVisible();
  await expect(page.getByText('Cá nhân (3)')).toBeVisible();
  await shot(page, '63-quyet-dinh');

  // the printable list, laid out as an administrative document
  await page.getByRole('button', { name: 'In danh sách' }).click();
  const sheet = page.getByRole('article', { name: 'Danh sách in' });
  await expect(sheet.getByText('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')).toBeVisible();
  await expect(sheet.getByText('DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG BẰNG KHEN')).toBeVisible();
  await expect(
    sheet.getByText(
      `(Kèm theo Quyết định số ${number} ngày 20 tháng 03 năm 2026 của Chủ tịch UBND tỉnh Cà Mau)`,
    ),
  ).toBeVisible();
  await expect(sheet.getByText('Danh sách này có 2 tập thể và 3 cá nhân./.')).toBeVisible();
  await shot(page, '64-danh-sach-in');

  // the recipient ward's page shows the award
  await page.goto('/don-vi?q=phuong%20an%20xuyen');
  await page
    .locator('.ant-table')
    .getByRole('link', { name: 'Phường An Xuyên', exact: true })
    .click();
  const drawer = page.locator('.ant-drawer');
  await drawer.getByRole('tab', { name: 'Khen thưởng' }).click();
  const row = drawer.locator('tr', { hasText: person });
  await expect(row.getByRole('link', { name: `Số ${number} ngày 20/03/2026` })).toBeVisible();
  await expect(drawer.locator('tr', { hasText: 'Phường An Xuyên' }).first()).toBeVisible();
  await shot(page, '65-khen-thuong-don-vi');
  await row.getByRole('link', { name: `Số ${number} ngày 20/03/2026` }).click();
  await expect(
    page.getByRole('heading', { name: `Quyết định số ${number} ngày 20/03/2026` }),
  ).toBeVisible();
});

test('a ward officer is offered only the forms the ward chairman may grant; a missing unit is marked on its line', async ({
  page,
}) => {
  await signIn(page, 'phuongbaclieu', '/khen-thuong');
  await page.getByRole('button', { name: 'Ghi quyết định khen thưởng' }).click();
  const form = page.getByRole('dialog', { name: 'Ghi quyết định khen thưởng' });
  await form.getByLabel('Số quyết định').fill(`${suffix()}/QĐ-UBND`);
  await pick(page, form.getByLabel('Cấp khen thưởng'), 'Chủ tịch UBND cấp xã');
  await expect(form.getByLabel('Cơ quan ban hành')).toHaveValue('Chủ tịch UBND phường Bạc Liêu');
  await form.getByLabel('Hình thức khen thưởng').click();
  await expect(
    page.locator(
      '.ant-select-dropdown:visible .ant-select-item-option-disabled[title="Bằng khen"]',
    ),
  ).toBeVisible();
  await pick(page, form.getByLabel('Hình thức khen thưởng'), 'Giấy khen');
  await pick(page, form.getByLabel('Loại khen thưởng'), 'Đột xuất');
  await form.getByRole('button', { name: 'Thêm cá nhân' }).click();
  // the person's unit is proposed from the decision's; the name is missing: the line says so
  await form.getByRole('button', { name: 'Ghi quyết định' }).click();
  await expect(form.getByRole('alert').filter({ hasText: 'Nhập họ và tên' })).toBeVisible();
  await shot(page, '66-thieu-ho-ten');
  await form.getByLabel('Họ và tên').fill('Phạm Thị Dũng Cảm');
  await form.getByLabel('Chức vụ').fill('Công dân');
  await expect(
    form
      .getByLabel('Đơn vị của cá nhân')
      .locator('xpath=ancestor::div[contains(@class,"ant-select ")][1]'),
  ).toContainText('Phường Bạc Liêu');
  await form.getByRole('button', { name: 'Ghi quyết định' }).click();
  await expect(page.getByText(/Đã ghi quyết định số .*: 0 tập thể, 1 cá nhân/)).toBeVisible();
});

test('administrators see who may grant what, and from when', async ({ page }) => {
  await signIn(page, 'admin', '/quan-tri');
  await page.getByRole('tab', { name: 'Thẩm quyền khen thưởng' }).click();
  const row = page
    .locator('tr', { hasText: 'Chủ tịch UBND cấp huyện' })
    .filter({ hasText: 'Giấy khen' });
  await expect(row).toContainText('từ 01/01/2000 đến hết 30/06/2025');
  await expect(row).toContainText('Không áp dụng');
  await expect(
    page
      .locator('tr', { hasText: 'Chủ tịch UBND cấp xã' })
      .filter({ hasText: 'Chiến sĩ thi đua cơ sở' }),
  ).toContainText('từ 01/07/2025');
  await shot(page, '67-tham-quyen');
});

test("a model's page lists the awards of the model and of its members", async ({ page }) => {
  await signIn(page, 'camau', '/khen-thuong?q=315%2FQĐ-UBND');
  await page.getByRole('cell', { name: '315/QĐ-UBND' }).click();
  await expect(page.getByRole('heading', { name: /Quyết định số 315\/QĐ-UBND/ })).toBeVisible();
  await expect(page.getByText('Trao tại sự kiện')).toBeVisible();
  const model = page.locator('.ant-table').getByRole('link').first();
  const name = (await model.textContent()) ?? '';
  await model.click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await page.getByRole('tab', { name: 'Khen thưởng' }).click();
  await expect(page.getByText('Khen thưởng mô hình và thành viên')).toBeVisible();
  await expect(
    page.getByRole('link', { name: 'Số 315/QĐ-UBND ngày 19/08/2025' }).first(),
  ).toBeVisible();
  await expect(page.getByText('Thành viên tổ').first()).toBeVisible();
  await shot(page, '68-khen-thuong-mo-hinh');
});
