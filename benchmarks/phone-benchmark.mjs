// T7: the SPA on a mid-range phone over slow 4G (issue 25). Chromium emulates a Pixel 7 with a
// 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up and a CPU 4 × slower; each cold run starts
// from an empty cache. Prints, per run and as medians beside the budgets:
//   - the sign-in form visible after opening the address (cold cache),
//   - the JavaScript that route loaded (bytes on the wire, and uncompressed),
//   - the dashboard's figures visible after pressing "Đăng nhập",
//   - a repeat visit in the same browser once its service worker has precached the shell: the
//     app's frame painted by index.html before any script runs, the shell drawn by the app
//     (header, menu, user), and the dashboard's figures once the session has resumed;
//   - the same once more, as on every later day: Chromium keeps the code V8 compiled for a script
//     the second time the script runs and uses it from the third on, so only from this visit on
//     is the shell's script not compiled again,
//   - the frame and the shell again in a new tab of that browser (the app closed and reopened).
// Not a test: it measures, it never fails a build.
//   node benchmarks/phone-benchmark.mjs <base-url> [runs]
import { createRequire } from 'node:module';

const require = createRequire(new URL('../frontend/package.json', import.meta.url));
const { chromium, devices } = require('@playwright/test');

const base = process.argv[2] ?? 'http://localhost:18570';
const runs = Number(process.argv[3] ?? 3);
const user = process.env.BENCH_USER ?? 'phuongbaclieu';
const password = process.env.BENCH_PASSWORD ?? 'antq-demo-2025';

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});

async function slowPhone(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6 * 1000 * 1000) / 8,
    uploadThroughput: (750 * 1000) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  return cdp;
}

/** Bytes of the scripts loaded so far: encoded (on the wire) and decoded. */
function scriptCounter(cdp) {
  const scripts = new Map();
  cdp.on('Network.responseReceived', (e) => {
    if (e.type === 'Script') scripts.set(e.requestId, { wire: 0, size: 0 });
  });
  cdp.on('Network.dataReceived', (e) => {
    const s = scripts.get(e.requestId);
    if (s) s.size += e.dataLength;
  });
  cdp.on('Network.loadingFinished', (e) => {
    const s = scripts.get(e.requestId);
    if (s) s.wire = e.encodedDataLength;
  });
  return () => {
    let wire = 0;
    let size = 0;
    for (const s of scripts.values()) {
      wire += s.wire;
      size += s.size;
    }
    return { wire, size, files: scripts.size };
  };
}

/**
 * The app's frame on the screen: index.html's (painted before any script runs, on a repeat visit)
 * or already the app's own header. Whichever is visible: index.html's frame stays in the page,
 * hidden, once the app has drawn its shell, and a plain `.first()` would wait for it forever.
 */
const shellFrame = (page) =>
  page
    .locator('#boot .boot-header:visible, .app-header:visible')
    .first()
    .waitFor({ state: 'visible', timeout: 120_000 });

/**
 * Opens the address in `page` and times the app's frame, the shell drawn by the app and (when
 * asked) the dashboard's figures, from the moment the address is opened.
 */
async function visit(page, figures) {
  const t = Date.now();
  await page.goto(base + '/', { waitUntil: 'commit' });
  await shellFrame(page);
  const frame = Date.now() - t;
  await page.locator('.app-header').waitFor({ state: 'visible', timeout: 120_000 });
  const shell = Date.now() - t;
  if (!figures) return { frame, shell };
  await page
    .locator('.ant-card .ant-statistic-content')
    .first()
    .waitFor({ state: 'visible', timeout: 120_000 });
  return { frame, shell, figures: Date.now() - t };
}

async function run() {
  const context = await browser.newContext({
    ...devices['Pixel 7'],
    locale: 'vi-VN',
  });
  const page = await context.newPage();
  const cdp = await slowPhone(context, page);
  const scripts = scriptCounter(cdp);
  let t = Date.now();
  await page.goto(base + '/', { waitUntil: 'commit' });
  await page.getByLabel('Tên đăng nhập').waitFor({ state: 'visible', timeout: 120_000 });
  const signIn = Date.now() - t;
  const js = scripts();
  await page.getByLabel('Tên đăng nhập').fill(user);
  await page.getByLabel('Mật khẩu').fill(password);
  t = Date.now();
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page
    .locator('.ant-card .ant-statistic-content')
    .first()
    .waitFor({ state: 'visible', timeout: 120_000 });
  const dashboard = Date.now() - t;
  // a repeat visit: the same browser opens the address again, once its service worker (if the
  // app has one) has precached the shell; the shell (header) first, then the session resumes
  // and the dashboard's figures come
  await page
    .waitForFunction(
      "'serviceWorker' in navigator && navigator.serviceWorker.controller === null" +
        ' ? navigator.serviceWorker.getRegistration().then(r => !!(r && r.active))' +
        ' : true',
      null,
      { timeout: 60_000, polling: 500 },
    )
    .catch(() => {});
  const again = await visit(page, true);
  // and once more: the code compiled on the visit before is at hand (as on every later day)
  const later = await visit(page, true);
  // the app closed and opened again (a new tab of the same browser, as from the home screen):
  // a fresh renderer, so nothing parsed or compiled by the visits above is at hand in memory
  await page.goto('about:blank');
  const tab = await context.newPage();
  await slowPhone(context, tab);
  const reopened = await visit(tab, false);
  await context.close();
  return {
    signIn,
    js,
    dashboard,
    frame: again.frame,
    repeat: again.shell,
    repeatFigures: again.figures,
    laterShell: later.shell,
    laterFigures: later.figures,
    reopenFrame: reopened.frame,
    reopen: reopened.shell,
  };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const results = [];
for (let i = 0; i < runs; i++) {
  const r = await run();
  results.push(r);
  console.log(
    `run ${i + 1}: sign-in ${r.signIn} ms, JS ${(r.js.wire / 1024).toFixed(0)} KB on the wire ` +
      `(${(r.js.size / 1024).toFixed(0)} KB, ${r.js.files} files), dashboard ${r.dashboard} ms, ` +
      `repeat visit: frame ${r.frame} ms, shell ${r.repeat} ms, figures ${r.repeatFigures} ms; ` +
      `once more: shell ${r.laterShell} ms, figures ${r.laterFigures} ms; ` +
      `reopened: frame ${r.reopenFrame} ms, shell ${r.reopen} ms`,
  );
}
await browser.close();
const m = (f) => median(results.map(f));
console.log('');
console.log('| T7: Pixel 7, 150 ms RTT, 1.6 Mbit/s, CPU ×4, cold cache | median | budget |');
console.log('|---|---|---|');
console.log(`| sign-in form visible | ${(m((r) => r.signIn) / 1000).toFixed(1)} s | ≤ 3 s |`);
console.log(
  `| JS loaded for the sign-in route (on the wire) | ${(m((r) => r.js.wire) / 1024).toFixed(0)} KB | ≤ 250 KB |`,
);
console.log(
  `| dashboard after "Đăng nhập" | ${(m((r) => r.dashboard) / 1000).toFixed(1)} s | ≤ 5 s |`,
);
console.log(
  `| repeat visit: the app's frame painted (index.html, from the service worker) | ${(m((r) => r.frame) / 1000).toFixed(2)} s | |`,
);
console.log(
  `| repeat visit: the app's shell drawn by the app (header, menu, user: usable) | ${(m((r) => r.repeat) / 1000).toFixed(2)} s | ≤ 1 s |`,
);
console.log(
  `| repeat visit: the dashboard's figures | ${(m((r) => r.repeatFigures) / 1000).toFixed(1)} s | |`,
);
console.log(
  `| once more (the scripts' compiled code kept): the shell drawn by the app | ${(m((r) => r.laterShell) / 1000).toFixed(2)} s | ≤ 1 s |`,
);
console.log(
  `| once more: the dashboard's figures | ${(m((r) => r.laterFigures) / 1000).toFixed(1)} s | |`,
);
console.log(
  `| app closed and reopened (a new tab): the frame painted | ${(m((r) => r.reopenFrame) / 1000).toFixed(1)} s | |`,
);
console.log(
  `| app closed and reopened (a new tab): the shell drawn by the app | ${(m((r) => r.reopen) / 1000).toFixed(1)} s | |`,
);
console.log(`runs: ${runs}; ${new Date().toISOString().slice(0, 10)}`);
