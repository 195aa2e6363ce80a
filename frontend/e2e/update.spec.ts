import { appendFileSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { shot, signIn } from './support';

/**
 * A new version deployed while the app is installed (issue 25): run by scripts/check-nginx.sh
 * against nginx serving a copy of the built SPA (ANTQ_DEPLOYED_DIR), which this test changes as a
 * deployment would. The browser finds the new service worker, the user is told
 * "Đã có phiên bản mới — tải lại" instead of running the old code for ever, and "Tải lại" takes it.
 */
const deployed = process.env.ANTQ_DEPLOYED_DIR!;

test('a new version deployed is offered, and taken with "Tải lại"', async ({ page }) => {
  await signIn(page, 'phuongbaclieu');
  await page.waitForFunction('navigator.serviceWorker.ready.then(r => r.active !== null)', null, {
    timeout: 30_000,
  });
  await expect(page.getByText('Đã có phiên bản mới — tải lại')).toBeHidden();

  // the next deployment: another build's service worker (its precache list differs)
  const before = readFileSync(`${deployed}/sw.js`, 'utf8');
  appendFileSync(`${deployed}/sw.js`, `\n// build ${Date.now()}\n`);
  expect(readFileSync(`${deployed}/sw.js`, 'utf8')).not.toBe(before);

  // the browser looks for a new worker when the app is opened again
  await page.reload();
  await expect(page.getByTestId('current-user')).toBeVisible();
  const offer = page.getByText('Đã có phiên bản mới — tải lại');
  await expect(offer).toBeVisible({ timeout: 30_000 });
  await shot(page, 'offline-new-version');
  await page.getByRole('button', { name: 'Tải lại' }).click();

  // the new worker took over and the page was reloaded with it: nothing more to offer
  await expect(page.getByTestId('current-user')).toBeVisible();
  await page.waitForFunction(
    'navigator.serviceWorker.getRegistration().then(r => !!r && !r.waiting && !!r.active)',
  );
  await page.waitForTimeout(6000); // the worker registers 5 s after the page loads
  await expect(offer).toBeHidden();
});
