import { expect, test } from '@playwright/test';
import { authHeaders, pick, pickUnit, shot, signIn, signOut, suffix } from './support';

/** The width and height in a JPEG's frame header. */
function jpegSize(jpeg: Buffer) {
  for (let i = 2; i < jpeg.length - 8;) {
    const marker = jpeg[i + 1];
    if (marker >= 0xc0 && marker <= 0xc3) {
      return { height: jpeg.readUInt16BE(i + 5), width: jpeg.readUInt16BE(i + 7) };
    }
    i += 2 + jpeg.readUInt16BE(i + 2);
  }
  return undefined;
}

/** The smallest valid PNG: a 1×1 transparent pixel. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

test('a 19/8 festival co-organised by the ward police and the ward front, with a photo, shows in the calendar', async ({
  page,
}) => {
  const title = `Ngày hội toàn dân bảo vệ ANTQ phường An Xuyên ${suffix()}`;
  await signIn(page, 'camau', '/su-kien');
  await expect(page.getByRole('heading', { name: 'Sự kiện, chương trình phối hợp' })).toBeVisible();
  await page.getByRole('button', { name: 'Ghi nhận sự kiện' }).click();
  const form = page.getByRole('dialog', { name: 'Ghi nhận sự kiện' });
  await pick(page, form.getByLabel('Loại sự kiện'), 'Ngày hội toàn dân');
  await form.getByLabel('Tên sự kiện').fill(title);
  await form.getByPlaceholder('Bắt đầu').click();
  await form.getByPlaceholder('Bắt đầu').fill('19/08/2025 07:30');
  await form.getByPlaceholder('Bắt đầu').press('Enter');
  await form.getByPlaceholder('Kết thúc').fill('19/08/2025 11:00');
  await form.getByPlaceholder('Kết thúc').press('Enter');
  await form.getByLabel('Địa điểm').fill('Sân vận động phường');
  await pickUnit(page, form.getByLabel('Địa bàn diễn ra'), 'phuong an xuyen', 'Phường An Xuyên —');
  await pickUnit(
    page,
    form.getByLabel('Đơn vị chủ trì'),
    'cong an phuong an xuyen',
    'Công an phường An Xuyên',
  );
  await pickUnit(
    page,
    form.getByLabel('Đơn vị phối hợp'),
    'mttq viet nam phuong an',
    'Ủy ban MTTQ Việt Nam phường An Xuyên',
  );
  await form.getByLabel('Số lượt người tham dự').fill('550');
  await form.getByRole('button', { name: 'Thêm tài liệu, vật phẩm' }).click();
  await pick(page, form.getByLabel('Loại tài liệu'), 'Tờ rơi');
  await form.getByLabel('Số lượng').fill('2000');
  await shot(page, '50-ghi-nhan-su-kien');
  await form.getByRole('button', { name: 'Ghi nhận' }).click();
  await expect(page.getByText(`Đã ghi nhận «${title}»`)).toBeVisible();

  // the event opens with both organisers; a photo is attached, a fake one refused
  const drawer = page.locator('.ant-drawer');
  await expect(drawer.getByText('Công an phường An Xuyên', { exact: true })).toBeVisible();
  await expect(drawer.getByText('Ủy ban MTTQ Việt Nam phường An Xuyên')).toBeVisible();
  await expect(drawer.getByText('Tờ rơi (tờ): 2.000')).toBeVisible();
  const input = drawer.locator('input[type=file]:not([capture])');
  await input.setInputFiles({
    name: 'gia-mao.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('<html>không phải PDF</html>'),
  });
  await expect(page.getByText('Chỉ đính kèm ảnh JPEG, PNG hoặc tệp PDF')).toBeVisible();
  await input.setInputFiles({ name: 'anh-ngay-hoi.png', mimeType: 'image/png', buffer: PNG });
  await expect(page.getByText('Đã đính kèm anh-ngay-hoi.png')).toBeVisible();
  await expect(
    drawer.getByRole('button', { name: 'file anh-ngay-hoi.png', exact: true }),
  ).toBeVisible();
  await shot(page, '51-su-kien-dinh-kem');

  // a phone's large photo, taken with "Chụp ảnh", is made smaller before it is sent
  await page.setViewportSize({ width: 2400, height: 1800 });
  const photo = await page.screenshot({ type: 'jpeg', quality: 95 });
  await page.setViewportSize({ width: 1440, height: 900 });
  expect(jpegSize(photo)).toEqual({ width: 2400, height: 1800 });
  await drawer.locator('input[type=file][capture]').setInputFiles({
    name: 'anh-chup.jpg',
    mimeType: 'image/jpeg',
    buffer: photo,
  });
  await expect(page.getByText('Đã đính kèm anh-chup.jpg')).toBeVisible();
  const eventId = Number(new URL(page.url()).searchParams.get('event'));
  const headers = await authHeaders(page.request, 'camau');
  const attachments = (await (await page.request.get(`/api/events/${eventId}`, { headers })).json())
    .attachments as { id: number; fileName: string; size: number }[];
  const sent = attachments.find((a) => a.fileName === 'anh-chup.jpg');
  expect(sent?.size).toBeLessThan(photo.length);
  const stored = await (
    await page.request.get(`/api/events/${eventId}/attachments/${sent?.id}`, { headers })
  ).body();
  expect(jpegSize(stored)).toEqual({ width: 1600, height: 1200 });

  // the calendar of August 2025 has it on the 19th
  await page.goto('/su-kien?tab=calendar&month=2025-08');
  const calendar = page.getByTestId('event-calendar');
  await expect(calendar.locator('.calendar-month')).toHaveText('Tháng 08/2025');
  const cell = calendar.locator('td[title="2025-08-19"]');
  await expect(cell.getByText(`07:30 ${title}`)).toBeVisible();
  await shot(page, '52-lich-thang');
  await cell.getByText(`07:30 ${title}`).click();
  await expect(page.locator('.ant-drawer-title')).toHaveText(title);

  // and the list finds it by a word without diacritics, within the ward
  await page.goto('/su-kien');
  await page.locator('input[aria-label="Tìm sự kiện"]').fill('ngay hoi toan dan an xuyen');
  await page.locator('input[aria-label="Tìm sự kiện"]').press('Enter');
  // (the demo data has this ward's own festival too: look at the test's row)
  const row = page.getByRole('row', { name: new RegExp(title) });
  await expect(row).toBeVisible();
  await expect(row).toContainText('Công an phường An Xuyên, Ủy ban MTTQ Việt Nam phường An Xuyên');
});

test('an administrator records a national programme without a scope; a province officer sees it', async ({
  page,
}) => {
  const number = `${suffix().slice(-4)}/CTr-BCA-TTTW`;
  await signIn(page, 'admin', '/su-kien');
  await page.getByRole('tab', { name: 'Chương trình phối hợp' }).click();
  await page.getByRole('button', { name: 'Thêm chương trình' }).click();
  const form = page.getByRole('dialog', { name: 'Thêm chương trình phối hợp' });
  await form.getByLabel('Số chương trình').fill(number);
  await form
    .getByLabel('Tên chương trình')
    .fill('Phối hợp phát động phong trào toàn dân bảo vệ an ninh Tổ quốc trong tình hình mới');
  await pickUnit(
    page,
    form.getByLabel('Các đơn vị ký kết'),
    'cong an tinh ca mau',
    'Công an tỉnh Cà Mau',
  );
  await pickUnit(
    page,
    form.getByLabel('Các đơn vị ký kết'),
    'uy ban mttq viet nam tinh ca mau',
    'Ủy ban MTTQ Việt Nam tỉnh Cà Mau',
  );
  await expect(form.getByText('Để trống nếu là chương trình toàn quốc')).toBeVisible();
  await form.getByLabel('Ngày ký').fill('15/08/2025');
  await form.getByLabel('Ngày ký').press('Enter');
  await form.getByPlaceholder('Từ ngày').fill('15/08/2025');
  await form.getByPlaceholder('Từ ngày').press('Enter');
  await form.getByText('Thêm chương trình phối hợp').click();
  await expect(page.locator('.ant-picker-dropdown:visible')).toHaveCount(0);
  await shot(page, '55-chuong-trinh-toan-quoc');
  await form.getByRole('button', { name: 'Thêm' }).click();
  await expect(page.getByText(`Đã thêm chương trình ${number}`)).toBeVisible();

  // a province officer finds it in the list, and its scope reads "Toàn quốc"
  await signOut(page);
  await signIn(page, 'camau', '/su-kien');
  await page.getByRole('tab', { name: 'Chương trình phối hợp' }).click();
  await page.getByLabel('Tìm chương trình').fill(number);
  await page.getByLabel('Tìm chương trình').press('Enter');
  await page.getByRole('cell', { name: number }).click();
  const drawer = page.locator('.ant-drawer');
  await expect(drawer.getByText('Toàn quốc')).toBeVisible();
  // only administrators change a national programme
  await expect(drawer.getByRole('button', { name: 'Sửa' })).toHaveCount(0);
  await page.waitForTimeout(400); // the drawer slides in
  await shot(page, '56-chuong-trinh-toan-quoc-xem');
});
