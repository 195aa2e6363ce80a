import { expect, test } from '@playwright/test';
import { authHeaders, shot, signIn, startEvent, suffix } from './support';

/**
 * Where an event took place (issue 25): taken from the phone's GPS once the officer allows it,
 * or typed in; a place outside Vietnam is refused with the server's message on the field.
 */
test('an event is located by the GPS, and a place outside Vietnam is refused', async ({
  page,
  context,
  request,
}) => {
  await context.grantPermissions(['geolocation']);
  await context.setGeolocation({ latitude: 9.294123, longitude: 105.727834, accuracy: 14 });
  const title = `Tuần tra bến đò có tọa độ ${suffix()}`;
  await signIn(page, 'phuongbaclieu', '/su-kien');
  const form = await startEvent(page, title);

  // typed by hand: Paris is refused by the server, on the field
  await form.getByLabel('Vĩ độ').fill('48,8566');
  await form.getByLabel('Kinh độ').fill('2,3522');
  await form.getByRole('button', { name: 'Ghi nhận' }).click();
  await expect(form.getByText('ngoài lãnh thổ Việt Nam')).toBeVisible();

  // from the GPS
  await form.getByRole('button', { name: 'Lấy vị trí hiện tại' }).click();
  await expect(form.getByLabel('Vĩ độ')).toHaveValue('9,294123');
  await expect(form.getByText('Theo GPS, sai số khoảng 14 m')).toBeVisible();
  await shot(page, '92-su-kien-vi-tri');
  await form.getByRole('button', { name: 'Ghi nhận' }).click();
  await expect(page.getByText(`Đã ghi nhận «${title}»`)).toBeVisible();
  await expect(
    page.locator('.ant-drawer').getByText('9,29412° B, 105,72783° Đ (±14 m)'),
  ).toBeVisible();

  const headers = await authHeaders(request, 'phuongbaclieu');
  const found = await (
    await request.get(`/api/events?q=${encodeURIComponent(title)}`, { headers })
  ).json();
  expect(found.content[0].position).toEqual({
    latitude: 9.294123,
    longitude: 105.727834,
    accuracy: 14,
  });
});

/** A tile of the test's own tile server (one pixel, stretched). */
const TILE = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

test('the ward’s events on a map: tiles from the configured server, clustered, a tap opens one', async ({
  page,
}) => {
  let tiles = 0;
  await page.route('http://tiles.antq.test/**', (route) => {
    tiles++;
    return route.fulfill({ status: 200, contentType: 'image/png', body: TILE });
  });
  await signIn(page, 'phuongbaclieu', '/su-kien?tab=map');
  const map = page.getByTestId('points-map');
  await expect(map).toBeVisible();
  await expect(page.getByTestId('map-summary')).toContainText('có vị trí');
  expect(Number(await map.getAttribute('data-points'))).toBeGreaterThan(0);
  await expect(map.locator('.leaflet-tile-loaded').first()).toBeVisible();
  expect(tiles).toBeGreaterThan(0);
  await expect(map.locator('.leaflet-control-scale')).toBeVisible();
  await expect(map.getByText('Bản đồ nền thử nghiệm')).toBeVisible();
  await shot(page, '93-ban-do-su-kien');
  // clusters open by zooming in until the event itself can be tapped
  const dot = map.locator('.map-dot').first();
  for (let i = 0; i < 6 && !(await dot.isVisible()); i++) {
    await map.locator('.marker-cluster').first().click();
    await page.waitForTimeout(600);
  }
  await dot.click();
  await expect(page.locator('.ant-drawer').getByText('Vị trí')).toBeVisible();
  await expect(page).toHaveURL(/event=\d+/);
});

test('models on a map: a tap opens the model', async ({ page }) => {
  await page.route('http://tiles.antq.test/**', (route) =>
    route.fulfill({ status: 200, contentType: 'image/png', body: TILE }),
  );
  await signIn(page, 'phuongbaclieu', '/mo-hinh?tab=map');
  const map = page.getByTestId('points-map');
  await expect(map).toBeVisible();
  expect(Number(await map.getAttribute('data-points'))).toBeGreaterThan(0);
  const dot = map.locator('.map-dot').first();
  for (let i = 0; i < 6 && !(await dot.isVisible()); i++) {
    await map.locator('.marker-cluster').first().click();
    await page.waitForTimeout(600);
  }
  await dot.click();
  await expect(page).toHaveURL(/\/mo-hinh\/\d+$/);
  await expect(page.getByText('Vị trí')).toBeVisible();
});

test('a place is picked on the map: it opens where the typed place is, a tap moves the pin', async ({
  page,
  request,
}) => {
  await page.route('http://tiles.antq.test/**', (route) =>
    route.fulfill({ status: 200, contentType: 'image/png', body: TILE }),
  );
  const title = `Họp tổ tự quản tại nhà văn hóa ${suffix()}`;
  await signIn(page, 'phuongbaclieu', '/su-kien');
  const form = await startEvent(page, title);
  await form.getByLabel('Vĩ độ').fill('9,2941');
  await form.getByLabel('Kinh độ').fill('105,7278');

  await form.getByRole('button', { name: 'Chọn trên bản đồ' }).click();
  const picker = page.getByRole('dialog', { name: 'Chọn vị trí trên bản đồ' });
  const map = picker.getByTestId('pick-map');
  await expect(map.locator('.map-dot')).toBeVisible();
  await expect(picker.getByTestId('picked-position')).toHaveText(
    'Đã chọn: 9,29410° B, 105,72780° Đ',
  );
  // a tap south-east of the pin moves it there
  const box = (await map.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2 + 80, box.y + box.height / 2 + 60);
  await expect(picker.getByTestId('picked-position')).not.toHaveText(/9,29410° B/);
  await shot(page, '94-chon-vi-tri-tren-ban-do');
  await picker.getByRole('button', { name: 'Dùng vị trí này' }).click();
  await expect(picker).toBeHidden();
  await expect(form.getByLabel('Vĩ độ')).not.toHaveValue('9,2941');
  await form.getByRole('button', { name: 'Ghi nhận' }).click();
  await expect(page.getByText(`Đã ghi nhận «${title}»`)).toBeVisible();

  const headers = await authHeaders(request, 'phuongbaclieu');
  const found = await (
    await request.get(`/api/events?q=${encodeURIComponent(title)}`, { headers })
  ).json();
  const at = found.content[0].position;
  expect(at.latitude).toBeLessThan(9.2941);
  expect(at.latitude).toBeGreaterThan(9.28);
  expect(at.longitude).toBeGreaterThan(105.7278);
  expect(at.longitude).toBeLessThan(105.74);
  expect(at.accuracy).toBeUndefined();
});
