import { expect, test } from '@playwright/test';
import { pick, shot, signIn } from './support';

/**
 * Tình hình báo cáo (issue 23): the province sees which communes sent their figures for each month,
 * on time or late, and which are missing; a cell opens the period; the dashboard sums up the last
 * month whose deadline passed; the province tightens its deadline.
 */
test('the province reads who has reported, opens a period from the grid and sets its deadline', async ({
  page,
}) => {
  await signIn(page, 'camau', '/');
  const card = page.locator('.ant-card', { hasText: 'Tình hình báo cáo' });
  await expect(card.getByText(/xã, phường báo cáo đúng hạn Tháng/)).toBeVisible();
  await card.getByRole('link', { name: 'Xem chi tiết' }).click();

  await expect(page.getByRole('heading', { name: 'Tình hình báo cáo' })).toBeVisible();
  const grid = page.getByRole('region', { name: 'Bảng tình hình báo cáo theo đơn vị và kỳ' });
  // the demo's Phường Bạc Liêu has sent every month since July 2025
  const ward = grid.getByRole('row', { name: /Phường Bạc Liêu/ });
  await expect(ward).toBeVisible();
  await expect(ward.getByLabel(/^Đã duyệt/).first()).toBeVisible();
  // communes that sent nothing are named under the grid
  await expect(page.getByText(/^Chưa gửi Tháng/)).toBeVisible();
  await page.waitForLoadState('networkidle');
  await shot(page, '90-tinh-hinh-bao-cao');

  // a cell opens its period
  await ward
    .getByLabel(/^Đã duyệt/)
    .first()
    .click();
  await expect(page.getByRole('heading', { name: /^Số liệu tháng/ })).toContainText(
    'Phường Bạc Liêu',
  );
  await page.goBack();

  // quarters of 2024: Bạc Liêu's wards (the province was merged into Cà Mau in 2025) under their
  // city, which opens on its wards, each approved every quarter
  await pick(page, page.getByRole('combobox', { name: 'Năm' }), 'Năm 2024');
  await page.locator('.ant-segmented-item', { hasText: 'Quý' }).click();
  await expect(grid.getByRole('columnheader', { name: 'Q.IV' })).toBeVisible();
  await grid.getByRole('button', { name: 'Thành phố Bạc Liêu' }).click();
  await expect(page.getByRole('combobox', { name: 'Địa bàn' })).toBeVisible();
  const oldWard = grid.getByRole('row', { name: /Phường/ }).first();
  await expect(oldWard.getByLabel(/^Đã duyệt/)).toHaveCount(4);
  await shot(page, '91-tinh-hinh-bao-cao-quy-2024');

  // the province reports by day 3 from some month on (never later than the nation's day 5)
  const year = 2031 + Math.floor(Math.random() * 60);
  await page.getByRole('button', { name: 'Đặt hạn của tỉnh' }).click();
  const dialog = page.getByRole('dialog', { name: 'Đặt hạn báo cáo của tỉnh' });
  await dialog.getByLabel('Số ngày sau ngày cuối kỳ').fill('8');
  await dialog.getByLabel('Áp dụng từ ngày').fill(`01/01/${year}`);
  await dialog.getByLabel('Áp dụng từ ngày').press('Enter');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog.getByText('Hạn của tỉnh không được muộn hơn hạn toàn quốc')).toBeVisible();
  await dialog.getByLabel('Số ngày sau ngày cuối kỳ').fill('3');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog).toBeHidden();
  const rules = page.getByRole('region', { name: 'Các mức hạn báo cáo' });
  await expect(
    rules.getByRole('row', { name: new RegExp(`3 ngày sau khi hết kỳ.*01/01/${year}`) }),
  ).toBeVisible();
});
