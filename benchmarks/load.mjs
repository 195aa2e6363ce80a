// Open-loop load at a fixed rate: requests are sent on schedule whether or not earlier ones
// have answered, and each latency is counted from the moment its request was due — so a slow
// answer shows up in the percentiles instead of quietly delaying the requests behind it (the
// "coordinated omission" a closed loop such as plain wrk suffers from).
//
//   node benchmarks/load.mjs <url | @file of urls> <requests per second> <seconds> [token]
// (with a file, its URLs are requested in turn)
//
// Prints one JSON line: {sent, ok, failed, p50, p95, p99, max} (milliseconds).
import http from 'node:http';
import { readFileSync } from 'node:fs';

const [url, rateArg, secondsArg, token] = process.argv.slice(2);
const rate = Number(rateArg);
const seconds = Number(secondsArg);
if (!url || !(rate > 0) || !(seconds > 0)) {
  console.error('usage: node load.mjs <url> <rate> <seconds> [token]');
  process.exit(2);
}
const urls = url.startsWith('@')
  ? readFileSync(url.slice(1), 'utf8').split('\n').filter(Boolean)
  : [url];
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const headers = token ? { Authorization: `Bearer ${token}` } : {};
const latencies = [];
let failed = 0;
const statuses = {}; // of the failed requests: status code (or the error) → count
let pending = 0;

function send(due, n) {
  pending++;
  const req = http.get(urls[n % urls.length], { agent, headers }, (res) => {
    res.resume();
    res.on('end', () => {
      pending--;
      if (res.statusCode === 200) {
        latencies.push(performance.now() - due);
      } else {
        failed++;
        statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
      }
    });
  });
  req.on('error', (e) => {
    pending--;
    failed++;
    statuses[e.code ?? 'error'] = (statuses[e.code ?? 'error'] ?? 0) + 1;
  });
}

const total = Math.round(rate * seconds);
const start = performance.now();
let sent = 0;
await new Promise((resolve) => {
  const tick = () => {
    const now = performance.now();
    // send every request that is due by now, each with its own due time
    while (sent < total && start + (sent * 1000) / rate <= now) {
      send(start + (sent * 1000) / rate, sent);
      sent++;
    }
    if (sent < total) {
      setTimeout(tick, Math.max(0, start + (sent * 1000) / rate - performance.now()));
    } else {
      resolve();
    }
  };
  tick();
});
while (pending > 0) {
  await new Promise((r) => setTimeout(r, 5));
}
agent.destroy();
latencies.sort((a, b) => a - b);
const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
const round = (x) => Math.round(x * 10) / 10;
console.log(
  JSON.stringify({
    sent,
    ok: latencies.length,
    failed,
    p50: round(at(0.5)),
    p95: round(at(0.95)),
    p99: round(at(0.99)),
    max: round(latencies[latencies.length - 1]),
    ...(failed ? { statuses } : {}),
  }),
);
