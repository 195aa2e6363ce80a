import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import {
  authHeaders,
  fillEvent,
  goOnline,
  pick,
  pickUnit,
  reloadOffline,
  shot,
  signIn,
  startEvent,
  suffix,
} from './support';

/**
 * Offline entry that syncs exactly once (issue 25): an officer in a hamlet without signal records
 * an event with a photo and two roster members, reloads the page, and gets the signal back; a
 * record whose answer was lost on the way is not written twice; one the server refuses shows the
 * server's message on its field and goes once corrected.
 */
test.describe.configure({ mode: 'serial' });

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

interface Team {
  id: number;
  name: string;
}

/** A model of the officer's ward with a team, for the roster part. */
async function modelWithTeam(request: APIRequestContext, headers: Record<string, string>) {
  const me = await (await request.get('/api/auth/me', { headers })).json();
  const models = await (
    await request.get(`/api/models?unitId=${me.unit.id}&size=50`, { headers })
  ).json();
  for (const m of models.content as { id: number; name: string }[]) {
    const teams = (await (await request.get(`/api/models/${m.id}/teams`, { headers })).json()) as
      Team[] | undefined;
    const team = teams?.[0];
    if (team) return { model: m, team };
  }
  throw new Error('the demo ward has no model with a team');
}

async function members(request: APIRequestContext, headers: Record<string, string>, ids: number[]) {
  const res = await request.get(`/api/models/${ids[0]}/teams/${ids[1]}/members`, { headers });
  return (await res.json()) as { fullName: string }[];
}

async function eventsTitled(
  request: APIRequestContext,
  headers: Record<string, string>,
  title: string,
) {
  const res = await request.get(`/api/events?q=${encodeURIComponent(title)}&size=50`, { headers });
  const page = (await res.json()) as { content: { id: number; title: string }[] };
  return page.content.filter((e) => e.title === title);
}

/** The count in the header, read at once: the badge goes away when the queue empties. */
async function outboxCount(page: Page) {
  const counts = await page
    .getByTestId('outbox-count')
    .evaluateAll((badges) => badges.map((b) => Number(b.getAttribute('data-count'))));
  return counts[0] ?? 0;
}

/** The service worker controls the page, so what the officer opens is kept for offline use. */
async function installed(page: Page) {
  await page.waitForFunction('navigator.serviceWorker.ready.then(r => r.active !== null)', null, {
    timeout: 30_000,
  });
  await page.reload();
  await page.waitForFunction('navigator.serviceWorker.controller !== null', null, {
    timeout: 30_000,
  });
  await expect(page.getByTestId('current-user')).toBeVisible();
}

async function recordEvent(page: Page, title: string, photo = false) {
  const form = await startEvent(page, title, 'Hội nghị sơ kết');
  if (photo) {
    await form
      .locator('input[type=file][capture]')
      .setInputFiles({ name: 'anh-hop-ap.png', mimeType: 'image/png', buffer: PNG });
    await expect(form.getByText('anh-hop-ap.png')).toBeVisible();
  }
  await form.getByRole('button', { name: 'Ghi nhận' }).click();
  await expect(form).toBeHidden();
}

async function addMember(page: Page, teamName: string, fullName: string, phone?: string) {
  await page.getByRole('button', { name: `Thêm thành viên vào ${teamName}` }).click();
  const form = page.getByRole('dialog', { name: 'Thêm thành viên' });
  await form.getByLabel('Họ và tên').fill(fullName);
  if (phone) await form.getByLabel('Điện thoại').fill(phone);
  await form.getByRole('button', { name: 'Thêm' }).click();
  await expect(form).toBeHidden();
}

/** Signed in once with a connection: the app, the catalogues and the ward's units are kept. */
async function openedOnceOnline(page: Page) {
  await signIn(page, 'phuongbaclieu', '/su-kien');
  await installed(page);
  await page.getByRole('button', { name: 'Ghi nhận sự kiện' }).click();
  const warmForm = page.getByRole('dialog', { name: 'Ghi nhận sự kiện' });
  await pick(page, warmForm.getByLabel('Loại sự kiện'), 'Hội nghị sơ kết');
  await pick(page, warmForm.getByLabel('Địa bàn diễn ra'), 'Khóm 1, Phường 1');
  await warmForm.getByRole('button', { name: 'Hủy' }).click();
}

test('recorded offline, reloaded, sent once when the signal returns', async ({
  page,
  context,
  request,
}) => {
  const headers = await authHeaders(request, 'phuongbaclieu');
  const { model, team } = await modelWithTeam(request, headers);
  const title = `Họp tổ tự quản không có sóng ${suffix()}`;
  const people = [`Lê Văn Ngoại ${suffix()}`, `Trần Thị Tuyến ${suffix()}`];

  // opened once with a connection: the app, the catalogues, the ward's units and the roster
  await openedOnceOnline(page);
  await page.goto(`/mo-hinh/${model.id}?tab=roster`);
  await page.getByRole('button', { name: 'Mở rộng dòng' }).first().click();
  await expect(
    page.getByRole('button', { name: `Thêm thành viên vào ${team.name}` }),
  ).toBeVisible();

  // no signal: the roster and an event with a photo are recorded all the same
  await context.setOffline(true);
  await addMember(page, team.name, people[0]);
  await addMember(page, team.name, people[1]);
  await page
    .getByRole('menuitem', { name: 'Sự kiện' })
    .or(page.getByRole('link', { name: 'Sự kiện' }))
    .first()
    .click();
  await recordEvent(page, title, true);
  await expect.poll(() => outboxCount(page)).toBe(3);

  // a reload without a connection: the app opens for the same officer, the queue is still there
  await reloadOffline(page);
  await expect(page.getByTestId('current-user')).toBeVisible();
  await expect.poll(() => outboxCount(page)).toBe(3);
  await page.getByTestId('outbox-count').click();
  await expect(page.getByTestId('outbox-item')).toHaveCount(3);
  await expect(page.getByText('Đang không có kết nối')).toBeVisible();
  await shot(page, '90-cho-gui-ngoai-tuyen');
  expect(await eventsTitled(request, headers, title)).toHaveLength(0);

  // the signal returns: each is sent, once
  await goOnline(page, context);
  await expect.poll(() => outboxCount(page), { timeout: 60_000 }).toBe(0);
  await expect(page.getByText('Không có bản ghi nào chờ gửi')).toBeVisible();
  const created = await eventsTitled(request, headers, title);
  expect(created).toHaveLength(1);
  const event = await (await request.get(`/api/events/${created[0]?.id}`, { headers })).json();
  expect(event.attachments.map((a: { fileName: string }) => a.fileName)).toEqual([
    'anh-hop-ap.png',
  ]);
  const names = (await members(request, headers, [model.id, team.id])).map((m) => m.fullName);
  for (const person of people) expect(names.filter((n) => n === person)).toHaveLength(1);
});

test('on a network that reaches nothing, the app behaves as offline and sends once the server answers', async ({
  page,
  context,
  request,
}) => {
  test.setTimeout(120_000);
  const headers = await authHeaders(request, 'phuongbaclieu');
  const titles = [`Họp khóm wifi không mạng ${suffix()}`, `Tuần tra wifi không mạng ${suffix()}`];
  await openedOnceOnline(page);

  // the phone has Wi-Fi (the browser says online) but nothing gets through
  const posts: string[] = [];
  await context.route('**/api/**', (route) => {
    if (route.request().method() === 'POST') posts.push(route.request().url());
    return route.abort('internetdisconnected');
  });
  expect(await page.evaluate('navigator.onLine')).toBe(true);
  await recordEvent(page, titles[0] ?? '');
  await expect(page.getByText('Chưa có kết nối: đã lưu trên máy').first()).toBeVisible();
  // the first unanswered request is enough: the header says so, the next record is kept at once
  await expect(page.getByRole('status', { name: 'Không có mạng' })).toBeVisible();
  const tried = posts.length;
  expect(tried).toBeLessThanOrEqual(1);
  await recordEvent(page, titles[1] ?? '');
  await expect.poll(() => outboxCount(page)).toBe(2);
  expect(posts).toHaveLength(tried);
  // the list keeps the rows it read, says since when, and does not spin over them
  await expect(page.getByText(/Không có kết nối: danh sách như lúc \d\d:\d\d/)).toBeVisible();
  await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
  await shot(page, '92-wifi-khong-co-mang');

  // the server answers again (no "online" event: the browser never thought it was offline)
  await context.unroute('**/api/**');
  await expect.poll(() => outboxCount(page), { timeout: 60_000 }).toBe(0);
  await expect(page.getByRole('status', { name: 'Không có mạng' })).toBeHidden();
  for (const title of titles) expect(await eventsTitled(request, headers, title)).toHaveLength(1);
});

test('an answer lost on the way does not write the record twice', async ({ page, request }) => {
  test.setTimeout(120_000); // the queue may wait for its own 20 s round
  const headers = await authHeaders(request, 'phuongbaclieu');
  const title = `Tuần tra đêm mất câu trả lời ${suffix()}`;
  await signIn(page, 'phuongbaclieu', '/su-kien');
  // the first request reaches the server, its answer never comes back
  let dropped = 0;
  await page.route('**/api/events', async (route) => {
    if (route.request().method() !== 'POST' || dropped > 0) return route.fallback();
    dropped++;
    await route.fetch();
    await route.abort('connectionreset');
  });
  await recordEvent(page, title);
  await expect(page.getByText('Chưa có kết nối: đã lưu trên máy')).toBeVisible();
  await expect.poll(() => outboxCount(page)).toBe(1);
  expect(await eventsTitled(request, headers, title)).toHaveLength(1);

  // sent again with the same key: by the queue itself (every 20 s) or by "Gửi ngay", whichever
  // comes first
  await page.goto('/cho-gui');
  const sendNow = page.getByRole('button', { name: 'Gửi ngay' });
  // the queue may have sent it on opening the page: the button is then disabled, not clicked
  await sendNow.click({ timeout: 3_000 }).catch(() => undefined);
  await expect(page.getByText('Không có bản ghi nào chờ gửi')).toBeVisible({ timeout: 30_000 });
  expect(dropped).toBe(1);
  expect(await eventsTitled(request, headers, title)).toHaveLength(1);
});

test('a refused record shows the server on its field, is corrected and sent', async ({
  page,
  context,
  request,
}) => {
  const headers = await authHeaders(request, 'phuongbaclieu');
  const { model, team } = await modelWithTeam(request, headers);
  const person = `Phạm Văn Sửa ${suffix()}`;
  await signIn(page, 'phuongbaclieu', `/mo-hinh/${model.id}?tab=roster`);
  // the app on the device (a page the worker does not control yet loads nothing offline)
  await installed(page);
  await page.getByRole('button', { name: 'Mở rộng dòng' }).first().click();
  await context.setOffline(true);
  await addMember(page, team.name, person, 'không có số');
  await expect.poll(() => outboxCount(page)).toBe(1);
  await context.setOffline(false);

  await page.getByTestId('outbox-count').click();
  const item = page.getByTestId('outbox-item');
  await expect(item.getByText('Bị từ chối — cần sửa')).toBeVisible({ timeout: 40_000 });
  await shot(page, '91-cho-gui-bi-tu-choi');
  await item.getByRole('button', { name: 'Sửa' }).click();
  const form = page.getByRole('dialog', { name: 'Sửa thành viên chờ gửi' });
  const phoneError = form.locator('#phone_help, .ant-form-item-explain-error').first();
  await expect(phoneError).toBeVisible();
  await form.getByLabel('Điện thoại').fill('0912 345 678');
  await form.getByRole('button', { name: 'Gửi lại' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByText('Không có bản ghi nào chờ gửi')).toBeVisible();
  const names = (await members(request, headers, [model.id, team.id])).map((m) => m.fullName);
  expect(names.filter((n) => n === person)).toHaveLength(1);
});

test('what is typed into a new event survives a reload of the tab, until saved or dropped', async ({
  page,
}) => {
  const title = `Bản nháp tuần tra ven sông ${suffix()}`;
  await signIn(page, 'phuongbaclieu', '/su-kien');
  await page.getByRole('button', { name: 'Ghi nhận sự kiện' }).click();
  let form = page.getByRole('dialog', { name: 'Ghi nhận sự kiện' });
  await pick(page, form.getByLabel('Loại sự kiện'), 'Hoạt động vì cộng đồng');
  await form.getByLabel('Tên sự kiện').fill(title);
  await form.getByLabel('Số lượt người tham dự').fill('37');

  // the tab is reloaded (or crashed) before the officer saves
  await page.reload();
  await expect(page.getByTestId('current-user')).toBeVisible();
  await page.getByRole('button', { name: 'Ghi nhận sự kiện' }).click();
  form = page.getByRole('dialog', { name: 'Ghi nhận sự kiện' });
  await expect(form.getByText('Đã mở lại bản nháp chưa ghi nhận')).toBeVisible();
  await expect(form.getByLabel('Tên sự kiện')).toHaveValue(title);
  await expect(form.getByLabel('Số lượt người tham dự')).toHaveValue('37');
  await expect(form.locator('.ant-select-content').first()).toContainText('Hoạt động vì cộng đồng');
  await shot(page, '95-ban-nhap-sau-khi-tai-lai');

  // dropped on request: the form starts afresh
  await form.getByRole('button', { name: 'Bỏ bản nháp' }).click();
  await expect(form.getByLabel('Tên sự kiện')).toHaveValue('');
  await expect(form.getByText('Đã mở lại bản nháp chưa ghi nhận')).toBeHidden();

  // typed again and saved: no draft is offered next time
  await fillEvent(page, form, title);
  await form.getByRole('button', { name: 'Ghi nhận' }).click();
  await expect(page.getByText(`Đã ghi nhận «${title}»`)).toBeVisible();
  await page.goto('/su-kien'); // (a reload would reopen the saved event's drawer)
  await expect(page.getByTestId('current-user')).toBeVisible();
  await page.getByRole('button', { name: 'Ghi nhận sự kiện' }).click();
  form = page.getByRole('dialog', { name: 'Ghi nhận sự kiện' });
  await expect(form.getByLabel('Tên sự kiện')).toHaveValue('');
  await expect(form.getByText('Đã mở lại bản nháp chưa ghi nhận')).toBeHidden();
});

test('without signal, the unit pickers still find the ward’s units by a word without diacritics', async ({
  page,
  context,
}) => {
  await signIn(page, 'phuongbaclieu', '/su-kien');
  // online once: the ward's units come to the device
  await page.getByRole('button', { name: 'Ghi nhận sự kiện' }).click();
  let form = page.getByRole('dialog', { name: 'Ghi nhận sự kiện' });
  await form.getByLabel('Địa bàn diễn ra').click();
  await expect(
    page.locator('.ant-select-dropdown:visible .ant-select-item-option').first(),
  ).toBeVisible();
  await form.getByRole('button', { name: 'Hủy' }).click();

  await context.setOffline(true);
  await page.getByRole('button', { name: 'Ghi nhận sự kiện' }).click();
  form = page.getByRole('dialog', { name: 'Ghi nhận sự kiện' });
  await pickUnit(page, form.getByLabel('Địa bàn diễn ra'), 'khom 2', 'Khóm 2, Phường 1');
  await pickUnit(page, form.getByLabel('Đơn vị chủ trì'), 'cong an', 'Công an phường Bạc Liêu');
  // a name not on the device: said plainly
  await form.getByLabel('Đơn vị phối hợp').fill('xa khanh binh');
  await expect(
    page.getByText('Không có mạng: chỉ tìm được trong các đơn vị đã tải về máy'),
  ).toBeVisible();
  await shot(page, '96-tim-don-vi-khi-mat-mang');
  await form.getByRole('button', { name: 'Hủy' }).click();
  await context.setOffline(false);
});
