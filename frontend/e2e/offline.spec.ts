import { expect, test } from '@playwright/test';
import { goOnline, reloadOffline, shot, signIn } from './support';

/**
 * The installable app (issue 25): a manifest in Vietnamese, and a service worker that precaches
 * the app shell, so a phone that has opened ANTQ once opens it again without a connection.
 */
test('the app is installable and opens again without a connection', async ({ page, context }) => {
  await signIn(page, 'phuongbaclieu');
  const manifest = await (await page.request.get('/manifest.webmanifest')).json();
  expect(manifest.short_name).toBe('ANTQ');
  expect(manifest.lang).toBe('vi');
  expect(manifest.display).toBe('standalone');
  expect(manifest.icons.map((i: { sizes: string }) => i.sizes)).toContain('512x512');
  // the worker registers a few seconds after the page loaded, then precaches the shell
  await page.waitForFunction('navigator.serviceWorker.ready.then(r => r.active !== null)', null, {
    timeout: 30_000,
  });
  await page.waitForFunction(
    "caches.keys().then(k => Promise.all(k.map(n => caches.open(n).then(c => c.keys())))).then(l => l.flat().some(r => r.url.endsWith('/index.html')))",
    null,
    { timeout: 30_000 },
  );
  await context.setOffline(true);
  await reloadOffline(page);
  // the shell comes from the worker: ANTQ's own page, not the browser's offline page, opened for
  // the officer last signed in here, saying there is no connection; the queue is at hand
  await expect(page).toHaveTitle(/ANTQ/);
  await expect(page.getByTestId('current-user')).toBeVisible();
  await expect(page.getByText('Không có mạng')).toBeVisible();
  await page.getByTestId('outbox-count').click();
  await expect(page.getByRole('heading', { name: 'Chờ gửi' })).toBeVisible();
  await shot(page, 'offline-app-shell');
  // back online, the session resumes by itself
  await goOnline(page, context);
  await expect(page.getByText('Không có mạng')).toBeHidden();
  await page.getByRole('menuitem', { name: 'Sự kiện' }).click();
  await expect(page.getByRole('button', { name: 'Ghi nhận sự kiện' })).toBeVisible();

  // signed out, nobody is remembered: offline, the sign-in form says why it cannot go on
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page.getByLabel('Tên đăng nhập')).toBeVisible();
  await context.setOffline(true);
  await reloadOffline(page);
  await expect(page.getByLabel('Tên đăng nhập')).toBeVisible();
  await expect(page.getByText('Không kết nối được máy chủ')).toBeVisible();
  await goOnline(page, context);
});
