import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { authHeaders, shot, signIn } from './support';

test("Cà Mau's report counts Bạc Liêu's records and shows what the server computed", async ({
  page,
  request,
}) => {
  const me = await (
    await request.get('/api/auth/me', { headers: await authHeaders(request, 'camau') })
  ).json();
  const caMau: number = me.unit.id;
  const expected = await (
    await request.get(`/api/reports/summary?unitId=${caMau}&from=2013-01-01&to=2026-06-30`, {
      headers: await authHeaders(request, 'camau'),
    })
  ).json();
  // the seed article's Bạc Liêu award (10 collectives, 25 individuals) is in there
  expect(expected.totals.awardedCollectives).toBeGreaterThanOrEqual(10);
  expect(expected.totals.awardedIndividuals).toBeGreaterThanOrEqual(25);

  await signIn(page, 'camau', '/bao-cao?from=2013-01-01&to=2026-06-30');
  await expect(page.getByRole('heading', { name: 'Báo cáo tổng hợp' })).toBeVisible();
  const n = (v: number) => new Intl.NumberFormat('vi-VN').format(v);
  await expect(
    page.getByText(
      `Từ 01/01/2013 đến 30/06/2026, trên địa bàn Cà Mau đã tổ chức ${n(expected.totals.events)} sự kiện`,
    ),
  ).toBeVisible();
  await expect(
    page.getByText(
      `${n(expected.totals.awardedCollectives)} tập thể, ${n(expected.totals.awardedIndividuals)} cá nhân được khen thưởng`,
    ),
  ).toBeVisible();
  // by child: the 2025 ward that took in Bạc Liêu's old wards, and the time series by year
  const wards = page.locator('.ant-card', { hasText: 'Theo đơn vị trực thuộc Cà Mau' });
  await expect(wards.getByRole('cell', { name: 'Phường Bạc Liêu', exact: true })).toBeVisible();
  const years = page.locator('.ant-card', { hasText: 'Theo năm' });
  await expect(years.getByRole('cell', { name: '2023', exact: true })).toBeVisible();
  await expect(page.getByText(expected.text)).toBeVisible();
  // how the communes sent their figures: the last due month of the range and the months before
  const line = await (
    await request.get(`/api/reporting/summary-line?unitId=${caMau}&from=2013-01-01&to=2026-06-30`, {
      headers: await authHeaders(request, 'camau'),
    })
  ).json();
  expect(line.periodLabel).toBe('Tháng 6/2026');
  await expect(page.getByTestId('reporting-line')).toContainText(
    `Tình hình gửi số liệu: ${line.text}`,
  );
  // the rules the figures follow are said under the tables, as in the files
  await expect(page.getByTestId('report-notes')).toContainText(expected.notes[0]);
  await shot(page, '70-bao-cao');

  // the two files people file, named without diacritics
  for (const [button, extension] of [
    ['Xuất Excel', 'xlsx'],
    ['Xuất báo cáo Word', 'docx'],
  ] as const) {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: button }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(
      `bao-cao-tong-hop-ca-mau-2013-01-01-2026-06-30.${extension}`,
    );
    const bytes = readFileSync((await file.path()) ?? '');
    expect(bytes.subarray(0, 2).toString()).toBe('PK'); // an OOXML package
    expect(bytes.length).toBeGreaterThan(4000);
  }

  // under the map of 30/6/2025 the rows are the units of that day: Bạc Liêu's city among them
  const asOf = page.getByLabel('Theo địa giới ngày');
  await asOf.click();
  await asOf.fill('30/06/2025');
  await asOf.press('Enter');
  await expect(page).toHaveURL(/asOf=2025-06-30/);
  await expect(page.getByTestId('report-notes')).toContainText(
    'theo địa giới hành chính ngày 30/06/2025',
  );
  await expect(wards.getByRole('cell', { name: 'Thành phố Bạc Liêu', exact: true })).toBeVisible();
  await shot(page, '72-bao-cao-dia-gioi-cu');

  // two levels: the units under each row follow it, with their own figures
  const deep = await (
    await request.get(
      `/api/reports/summary?unitId=${caMau}&from=2013-01-01&to=2026-06-30&asOf=2025-06-30&depth=2`,
      { headers: await authHeaders(request, 'camau') },
    )
  ).json();
  const under = (deep.children as { level: number; unit: { name: string } }[]).findIndex(
    (c) => c.level === 2,
  );
  expect(under).toBeGreaterThan(0);
  expect(under).toBeLessThan(20); // on the table's first page
  await page.getByText('2 cấp').click();
  await expect(page).toHaveURL(/depth=2/);
  await expect(
    wards.getByRole('cell', { name: deep.children[under].unit.name, exact: true }).first(),
  ).toBeVisible();
  await shot(page, '73-bao-cao-hai-cap');

  // a number leads to the list it counts
  await page.getByRole('link', { name: 'Lượt cá nhân được khen' }).click();
  await expect(page).toHaveURL(/\/khen-thuong\?.*kind=INDIVIDUAL/);
  await expect(page.getByRole('heading', { name: 'Khen thưởng' })).toBeVisible();
});

test("the dashboard shows the officer's territory: this year, twelve months, wards, recognised models", async ({
  page,
  request,
}) => {
  const headers = await authHeaders(request, 'camau');
  const year = new Date().getFullYear();
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' }).format(
    new Date(),
  );
  const expected = await (
    await request.get(`/api/reports/summary?from=${year}-01-01&to=${today}`, { headers })
  ).json();
  expect(expected.unit.name).toBe('Cà Mau');

  await signIn(page, 'camau', '/');
  await expect(page.getByRole('heading', { name: 'Tổng quan' })).toBeVisible();
  await expect(page.getByText('Số liệu của Cà Mau tính từ dữ liệu đã ghi')).toBeVisible();
  const n = (v: number) => new Intl.NumberFormat('vi-VN').format(v);
  const models = page.getByRole('link', { name: 'Mô hình tự phòng, tự quản' });
  await expect(models).toContainText(n(expected.totals.models));
  await expect(page.getByRole('link', { name: 'Thành viên' })).toContainText(
    n(expected.totals.members),
  );
  await expect(
    page.getByRole('img', { name: 'Biểu đồ sự kiện và lượt tham dự theo tháng' }),
  ).toBeVisible();
  await expect(page.getByRole('img', { name: 'Biểu đồ theo đơn vị trực thuộc' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Phường Bạc Liêu', exact: true })).toBeVisible();
  // the demo has models recognised at province level in Cà Mau
  const recognised = page.locator('.ant-card', { hasText: 'Mô hình điển hình' });
  await expect(recognised.locator('.ant-list-item').first()).toBeVisible();
  await shot(page, '71-tong-quan-tinh');

  await page.getByRole('link', { name: `Sự kiện năm ${year}` }).click();
  await expect(page).toHaveURL(/\/su-kien\?unitId=\d+&from=/);
  await expect(page.getByRole('heading', { name: 'Sự kiện, chương trình phối hợp' })).toBeVisible();
});
