// T9: the change feed read by one client, page after page of 1,000 changes, from a cursor (empty:
// from the start). Each page is asked for when the one before has come, as a syncing client does.
//
//   node benchmarks/feed.mjs <base-url> <token> <cursor|-> <pages>
//
// Prints one JSON line: {pages, changes, seconds, perSecond, p50, p95} (page latencies in ms).
const [base, token, cursorArg, pagesArg] = process.argv.slice(2);
const pages = Number(pagesArg ?? 20);
let after = cursorArg && cursorArg !== '-' ? cursorArg : '';
const headers = { Authorization: `Bearer ${token}` };
const latencies = [];
let changes = 0;
const start = performance.now();
for (let i = 0; i < pages; i++) {
  const t = performance.now();
  const url = `${base}/api/changes?limit=1000${after ? `&after=${encodeURIComponent(after)}` : ''}`;
  const res = await fetch(url, { headers });
  if (res.status !== 200) {
    console.error(`page ${i}: HTTP ${res.status} ${await res.text()}`);
    process.exit(1);
  }
  const body = await res.json();
  latencies.push(performance.now() - t);
  changes += body.items.length;
  after = body.next;
  if (!body.more) break;
}
const seconds = (performance.now() - start) / 1000;
latencies.sort((a, b) => a - b);
const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
const round = (x) => Math.round(x * 10) / 10;
console.log(
  JSON.stringify({
    pages: latencies.length,
    changes,
    seconds: round(seconds),
    perSecond: Math.round(changes / seconds),
    p50: round(at(0.5)),
    p95: round(at(0.95)),
  }),
);
