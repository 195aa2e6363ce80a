import { expect, test, type Page } from '@playwright/test';
import { authHeaders, pick, pickUnit, shot, signIn, suffix } from './support';

/** A file chosen in the roster import dialog, built in memory. */
async function upload(page: Page, name: string, lines: string[]) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('dialog').getByText('Kéo tệp .xlsx hoặc .csv vào đây').click();
  await (
    await chooser
  ).setFiles({
    name,
    mimeType: 'text/csv',
    buffer: Buffer.from('\uFEFF' + lines.join('\r\n'), 'utf-8'),
  });
}

async function step(page: Page, button: string, expected: string) {
  await page.getByRole('button', { name: button, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: new RegExp(`^${button}:`) });
  await dialog.getByRole('button', { name: button, exact: true }).click();
  await expect(page.getByTestId('model-status')).toContainText(expected);
}

test('the register pages through the demo models with their counts and filters', async ({
  page,
}) => {
  await signIn(page, 'camau', '/mo-hinh');
  await expect(page.getByRole('heading', { name: 'Mô hình tự phòng, tự quản' })).toBeVisible();
  await expect(page.getByText(/\d+ mô hình/)).toBeVisible();
  await expect(page.locator('.ant-pagination-item-2')).toBeVisible();
  await shot(page, '30-mo-hinh-danh-sach');
  await page.locator('.ant-pagination-item-2').click();
  await expect(page).toHaveURL(/page=1/);
  // a filter by status, kept in the address
  await pick(page, page.getByRole('combobox', { name: 'Trạng thái' }), 'Đã nhân rộng');
  await expect(page).toHaveURL(/status=REPLICATED/);
  await expect(
    page.locator('.ant-table-tbody .ant-tag', { hasText: 'Đã nhân rộng' }).first(),
  ).toBeVisible();
  await expect(page.locator('.ant-table-tbody .ant-tag', { hasText: 'Hoạt động' })).toHaveCount(0);
  // and by the date of establishment, both ends in one step
  await page.keyboard.press('Escape');
  await page.getByPlaceholder('Thành lập từ ngày').click();
  await page.getByPlaceholder('Thành lập từ ngày').fill('01/01/2016');
  await page.getByPlaceholder('đến ngày').fill('31/12/2018');
  await page.getByPlaceholder('đến ngày').press('Enter');
  await expect(page).toHaveURL(/from=2016-01-01&to=2018-12-31/);
  await expect(page).toHaveURL(/status=REPLICATED/);
  const dates = page.locator('.ant-table-tbody tr td:last-child');
  // the previous page stays on screen while the filtered one loads: wait for it
  await expect
    .poll(async () => {
      const texts = await dates.allTextContents();
      return texts.length > 0 && texts.every((t) => /\/(2016|2017|2018)$/.test(t));
    })
    .toBe(true);
  await page.keyboard.press('Escape');
  await shot(page, '39-mo-hinh-loc');
});

test('administrators keep the catalogues: a new model type can be chosen at once', async ({
  page,
}) => {
  const s = suffix();
  const name = `Tổ an ninh khu nhà trọ ${s}`;
  await signIn(page, 'admin', '/quan-tri');
  await page.getByRole('tab', { name: 'Danh mục' }).click();
  await expect(page.getByRole('cell', { name: 'Câu lạc bộ người hoàn lương' })).toBeVisible();
  await page.getByRole('button', { name: 'Thêm mục' }).click();
  const dialog = page.getByRole('dialog', { name: 'Thêm mục: Loại mô hình' });
  await dialog.getByLabel('Tên').fill(name);
  await dialog.getByLabel('Mã').fill(`NHA_TRO_${s.toUpperCase()}`);
  await pick(page, dialog.getByLabel('Lĩnh vực'), 'Bảo vệ an ninh, trật tự ở cơ sở');
  await shot(page, '40-danh-muc-them');
  await dialog.getByRole('button', { name: 'Thêm' }).click();
  await expect(page.getByText(`Đã thêm «${name}»`)).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(`${name}.*Đang dùng`) })).toBeVisible();
  await page.goto('/mo-hinh');
  await page.getByRole('button', { name: 'Đăng ký mô hình' }).click();
  const form = page.getByRole('dialog', { name: 'Đăng ký mô hình' });
  await form.getByLabel('Loại mô hình').fill('khu nha tro');
  await expect(page.locator(`.ant-select-dropdown:visible [title="${name}"]`)).toBeVisible();
});

test('a ward officer registers a model, imports two teams and five members from a file, and walks it to replicated', async ({
  page,
}) => {
  const name = `Câu lạc bộ 3 tích cực khóm 1 ${suffix()}`;
  await signIn(page, 'phuongbaclieu', '/mo-hinh');
  await page.getByRole('button', { name: 'Đăng ký mô hình' }).click();
  const form = page.getByRole('dialog', { name: 'Đăng ký mô hình' });
  await form.getByLabel('Tên mô hình').fill(name);
  await pickUnit(page, form.getByLabel('Loại mô hình'), '3 tich cuc', 'Câu lạc bộ 3 tích cực');
  await pickUnit(
    page,
    form.getByLabel('Đơn vị nơi mô hình hoạt động'),
    'phuong bac lieu',
    'Phường Bạc Liêu —',
  );
  await form.getByLabel('Ngày thành lập').fill('15/03/2024');
  await form.getByLabel('Ngày thành lập').press('Enter');
  await form.getByLabel('Số tổ theo báo cáo').fill('2');
  // the community it serves: the Khmer of the ward
  await form.getByLabel('Cộng đồng dân tộc (nếu có)').fill('khmer');
  await expect(page.locator('.ant-select-dropdown:visible')).toContainText('Dân tộc Khmer');
  await form.getByLabel('Cộng đồng dân tộc (nếu có)').press('Enter');
  await expect(form.getByTitle('Dân tộc Khmer').first()).toBeVisible();
  await shot(page, '31-dang-ky-mo-hinh');
  await form.getByRole('button', { name: 'Đăng ký' }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await expect(page.getByTestId('model-status')).toContainText('Đăng ký');

  // the roster, from a file: a wrong row is shown before anything is saved
  await page.getByRole('tab', { name: /Tổ & thành viên/ }).click();
  await page.getByRole('button', { name: 'Nhập danh sách từ Excel/CSV' }).click();
  const header = 'Tổ,Địa bàn,Họ và tên,Giới tính,Năm sinh,Vai trò,Điện thoại,Địa chỉ,Ngày vào tổ';
  const good = [
    header,
    'Tổ 1,"Khóm 1, Phường 1",Nguyễn Văn Một,Nam,1968,Tổ trưởng,0911000001,"Số 1, khóm 1",01/04/2024',
    'Tổ 1,,Trần Thị Hai,Nữ,1975,Tổ phó,0911000002,"Số 2, khóm 1",01/04/2024',
    'Tổ 1,,Lê Văn Ba,Nam,1980,Tổ viên,,,01/04/2024',
    'Tổ 2,"Khóm 2, Phường 1",Phạm Thị Bốn,Nữ,1972,Tổ trưởng,0911000004,,01/05/2024',
    'Tổ 2,,Võ Văn Năm,Nam,1990,Tổ viên,,,01/05/2024',
  ];
  const bad = [...good.slice(0, 5), 'Tổ 2,,Võ Văn Năm,Khác,199x,Tổ viên,,,01/05/2024'];
  await upload(page, 'danh-sach-loi.csv', bad);
  const importer = page.getByRole('dialog', { name: /Nhập danh sách/ });
  await expect(importer.getByRole('status')).toContainText('1 trong 5 dòng có lỗi');
  await expect(importer.getByText('Giới tính phải là Nam hoặc Nữ')).toBeVisible();
  await expect(importer.getByRole('button', { name: 'Lưu danh sách' })).toBeDisabled();
  await shot(page, '32-nhap-danh-sach-loi');
  // the corrected list, as an Excel workbook (e2e/fixtures/make-xlsx.py writes it)
  const chooser = page.waitForEvent('filechooser');
  await importer.getByText('Kéo tệp .xlsx hoặc .csv vào đây').click();
  await (await chooser).setFiles('e2e/fixtures/danh-sach.xlsx');
  await expect(importer.getByRole('status')).toContainText(
    'danh-sach.xlsx: 5 dòng hợp lệ — sẽ thêm 5 thành viên, 2 tổ mới',
  );
  // new teams start on the model's founding day unless another is chosen: the preview says which
  await expect(importer.getByRole('status')).toContainText('(ngày thành lập mô hình)');
  await shot(page, '33-nhap-danh-sach-hop-le');
  await importer.getByRole('button', { name: 'Lưu danh sách' }).click();
  await expect(page.getByText('Đã lưu 5 thành viên, 2 tổ mới')).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Tổ & thành viên (2 tổ, 5 người)' })).toBeVisible();
  const teams = page.locator('.ant-table').first();
  await expect(
    teams.getByRole('row', { name: /Tổ 1.*Khóm 1, Phường 1.*Nguyễn Văn Một.*Trần Thị Hai/ }),
  ).toBeVisible();
  await teams
    .getByRole('button', { name: /Expand row|Mở rộng/ })
    .first()
    .click();
  await expect(page.getByRole('cell', { name: '0911000001' }).first()).toBeVisible();
  await shot(page, '34-to-va-thanh-vien');

  // the life cycle, one dated step at a time
  await step(page, 'Đưa vào hoạt động', 'Hoạt động');
  await step(page, 'Sơ kết', 'Đã sơ kết');
  await step(page, 'Tổng kết', 'Đã tổng kết');
  await page.getByRole('button', { name: 'Nhân rộng', exact: true }).click();
  const replicate = page.getByRole('dialog', { name: /^Nhân rộng:/ });
  await replicate.getByRole('button', { name: 'Nhân rộng', exact: true }).click();
  await expect(replicate.getByText('Chọn ít nhất một đơn vị')).toBeVisible();
  await pickUnit(page, replicate.getByLabel('Đơn vị nhân rộng'), 'khom 3', 'Khóm 3, Phường 1');
  await shot(page, '35-nhan-rong');
  await replicate.getByRole('button', { name: 'Nhân rộng', exact: true }).click();
  await expect(page.getByTestId('model-status')).toContainText('Đã nhân rộng');
  await page.getByRole('tab', { name: 'Tổng quan' }).click();
  await expect(page.getByText('Nơi nhân rộng')).toBeVisible();
  await expect(page.getByText(/Khóm 3, Phường 1 — từ/)).toBeVisible();
  await expect(page.getByText('(báo cáo 2)')).toBeVisible();
  await expect(page.getByText('Cộng đồng phục vụ')).toBeVisible();
  await expect(page.getByText('Dân tộc Khmer')).toBeVisible();
  await shot(page, '36-mo-hinh-tong-quan');

  // anyone on the roster is found from the register, without diacritics
  await page.goto('/mo-hinh?tab=members');
  await page.locator('input[aria-label="Tìm thành viên"]').fill('nguyen van mot');
  await page.locator('input[aria-label="Tìm thành viên"]').press('Enter');
  await expect(page.getByRole('link', { name })).toBeVisible();
  await shot(page, '37-tim-thanh-vien');

  // a word that matches more people than the search counts (5 here, 10,000 in production)
  await page.locator('input[aria-label="Tìm thành viên"]').fill('van');
  await page.locator('input[aria-label="Tìm thành viên"]').press('Enter');
  await expect(page.getByText('Có hơn 5 người khớp "van"')).toBeVisible();
  await expect(page.getByText('Hơn 5 thành viên')).toBeVisible();
  await expect(page.locator('.ant-table-tbody tr.ant-table-row')).toHaveCount(5);
  await shot(page, '37b-tim-thanh-vien-qua-nhieu');
});

test('a viewer reads rosters with phone numbers masked and is offered no changes', async ({
  page,
  request,
}) => {
  const headers = await authHeaders(request, 'xemcamau');
  const models = (await (await request.get('/api/models?size=50', { headers })).json()).content as {
    id: number;
    memberCount: number;
  }[];
  const withRoster = models.find((m) => m.memberCount > 0);
  expect(withRoster).toBeDefined();
  await signIn(page, 'xemcamau', '/mo-hinh');
  await expect(page.getByRole('button', { name: 'Đăng ký mô hình' })).toHaveCount(0);
  await page.goto(`/mo-hinh/${withRoster?.id}?tab=roster`);
  await expect(page.getByRole('button', { name: 'Sửa' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Nhập danh sách từ Excel/CSV' })).toHaveCount(0);
  await page
    .locator('.ant-table')
    .first()
    .getByRole('button', { name: /Expand row|Mở rộng/ })
    .first()
    .click();
  await expect(page.getByText('Số điện thoại và địa chỉ được che')).toBeVisible();
  await expect(page.getByRole('cell', { name: /^09\d\*+\d\d$/ }).first()).toBeVisible();
  await shot(page, '38-nguoi-xem-mo-hinh');
});
