// The database goes away under load and comes back (issue 24; run by scripts/outage.sh):
//   node scripts/outage-check.mjs <label> <base URL> <psql port> <psql user> <psql database>
// with OUTAGE_STOP (a shell command that takes the database away) and OUTAGE_START (one that brings
// it back; empty when the app is to bring it back itself, as with the embedded database).
//
// Requests at a fixed rate (reads of the events and models lists, event writes each under its own
// Idempotency-Key); the database is stopped 5 s in, for OUTAGE_SECONDS (10), then started. Passes
// when every request was answered (none hanging past its 10 s timeout) 2xx or 503 problem+json
// (none 500), every write acknowledged is present afterwards, every write refused with 503 is
// written exactly once by a retry under its key, the app serves every request again within 5 s of
// the database accepting connections, readiness said DOWN meanwhile and liveness stayed UP, and the
// heartbeat and the scheduler ran after the outage.
import { execSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { eventRecord } from "./event-records.mjs";

const [label, base, pgPort, pgUser, pgDb] = process.argv.slice(2);
const stopCmd = process.env.OUTAGE_STOP;
const startCmd = process.env.OUTAGE_START ?? "";
const outageMs = Number(process.env.OUTAGE_SECONDS ?? 10) * 1000;
const rate = Number(process.env.OUTAGE_RATE ?? 20);
const timeoutMs = 10_000;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const say = (s) => console.log(`outage (${label}): ${s}`);
const fail = (s) => {
  console.error(`outage (${label}): FAILED: ${s}`);
  process.exit(1);
};
const psql = (sql) =>
  execSync(
    `psql -h 127.0.0.1 -p ${pgPort} -U ${pgUser} -d ${pgDb} -XAtq -v ON_ERROR_STOP=1`,
    { input: sql, encoding: "utf8", stdio: ["pipe", "pipe", "pipe"] },
  ).trim();

async function call(method, path, { token, body, headers } = {}) {
  const t = performance.now();
  try {
    const res = await fetch(base + path, {
      method,
      headers: {
        ...(body ? { "Content-Type": "application/json" } : {}),
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(headers ?? {}),
      },
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    return {
      status: res.status,
      type: res.headers.get("content-type") ?? "",
      retryAfter: res.headers.get("retry-after"),
      json,
      text,
      ms: performance.now() - t,
    };
  } catch (e) {
    return { status: 0, error: String(e), ms: performance.now() - t };
  }
}

async function ok(method, path, opts) {
  const r = await call(method, path, opts);
  if (r.status < 200 || r.status >= 300) fail(`${method} ${path}: ${r.status} ${r.text ?? r.error}`);
  return r.json;
}

const login = await ok("POST", "/api/auth/login", {
  body: { username: "phuongbaclieu", password: "antq-demo-2025" },
});
const token = login.accessToken;
const me = await ok("GET", "/api/auth/me", { token });
const types = await ok("GET", "/api/catalogues/EVENT_TYPE", { token });
const typeId = types.find((t) => t.code === "TUYEN_TRUYEN").id;
const unitId = me.unit.id;
const tag = `outage-${label}-${Date.now()}`;

// ---- the load: one request every 1000/rate ms, whatever the answers take
const results = [];
const inFlight = new Set();
const probes = [];
let n = 0;
const t0 = performance.now();
let running = true;
const reads = ["/api/events?size=20", "/api/models?size=20"];
const loop = (async () => {
  while (running) {
    const i = n++;
    const at = performance.now() - t0;
    let p;
    if (i % 6 === 5) {
      // a batch of the integration API: its key is claimed in a transaction of its own
      const key = randomUUID();
      const body = { records: [eventRecord(`${tag}b`, i, unitId, typeId)] };
      p = call("POST", "/api/imports/events", { token, body, headers: { "Idempotency-Key": key } }).then(
        (r) => results.push({ i, at, kind: "batch", key, body, ...r }),
      );
    } else if (i % 3 === 2) {
      const key = randomUUID();
      const body = eventRecord(tag, i, unitId, typeId).data;
      p = call("POST", "/api/events", { token, body, headers: { "Idempotency-Key": key } }).then(
        (r) => results.push({ i, at, kind: "write", key, body, ...r }),
      );
    } else {
      const path = reads[i % 3];
      p = call("GET", path, { token }).then((r) => results.push({ i, at, kind: "read", ...r }));
    }
    inFlight.add(p);
    p.finally(() => inFlight.delete(p));
    const next = t0 + (i + 1) * (1000 / rate);
    await sleep(Math.max(0, next - performance.now()));
  }
})();
// the probes an orchestrator would send, once a second
const probeLoop = (async () => {
  while (running) {
    const at = performance.now() - t0;
    const [ready, live] = await Promise.all([call("GET", "/q/health/ready"), call("GET", "/q/health/live")]);
    probes.push({ at, ready: ready.status, live: live.status });
    await sleep(1000);
  }
})();

await sleep(5000);
const stopAt = performance.now() - t0;
execSync(stopCmd, { stdio: "inherit", shell: "/bin/bash" });
say(`database stopped at ${(stopAt / 1000).toFixed(1)} s (${stopCmd.split(" ")[0].split("/").pop()} …)`);
let upAt;
if (startCmd) {
  await sleep(Math.max(0, stopAt + outageMs - (performance.now() - t0)));
  execSync(startCmd, { stdio: "inherit", shell: "/bin/bash" });
  upAt = performance.now() - t0;
  say(`database started again at ${(upAt / 1000).toFixed(1)} s`);
} else {
  // the app restarts it: wait until it accepts connections again
  for (;;) {
    try {
      psql("SELECT 1");
      break;
    } catch {
      await sleep(100);
    }
    if (performance.now() - t0 - stopAt > 60_000) fail("the app did not bring its database back in 60 s");
  }
  upAt = performance.now() - t0;
  say(`the app brought its database back: accepting connections at ${(upAt / 1000).toFixed(1)} s`);
}
const upSince = Date.now() - 0;
await sleep(15_000);
running = false;
await loop;
await probeLoop;
await Promise.all([...inFlight]);

// ---- every request answered, none 500, refusals are 503 problems
const byStatus = {};
for (const r of results) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
say(
  `${results.length} requests at ${rate}/s: ${Object.entries(byStatus)
    .map(([s, c]) => `${c} × ${s === "0" ? "no answer" : s}`)
    .join(", ")}; slowest ${Math.round(Math.max(...results.map((r) => r.ms)))} ms`,
);
const unanswered = results.filter((r) => r.status === 0);
if (unanswered.length) fail(`${unanswered.length} request(s) not answered: ${unanswered[0].error}`);
const wrong = results.filter(
  (r) => !(r.status >= 200 && r.status < 300) && !(r.status === 503 && r.type.startsWith("application/problem+json")),
);
if (wrong.length)
  fail(`${wrong.length} answer(s) neither 2xx nor 503 problem, e.g. ${wrong[0].status} ${wrong[0].type} ${wrong[0].text?.slice(0, 200)}`);
const refused = results.filter((r) => r.status === 503);
if (!refused.length) fail("no request was refused: the outage was not seen");
const problem = refused[0].json;
if (problem?.type !== "urn:antq:problem:database-unavailable" || !refused[0].retryAfter)
  fail(`a 503 without the database problem or Retry-After: ${refused[0].text}`);
say(`refused while down: 503 "${problem.title}", Retry-After ${refused[0].retryAfter}`);

// ---- back within 5 s: every request sent later than that after the database came back succeeded
const late = results.filter((r) => r.at >= upAt && !(r.status >= 200 && r.status < 300));
const lastFailure = Math.max(upAt, ...late.map((r) => r.at));
const recovery = lastFailure - upAt;
say(`every request sent ${(recovery / 1000).toFixed(1)} s or more after the database was back succeeded`);
if (recovery > 5000) fail(`requests still failed ${(recovery / 1000).toFixed(1)} s after the database was back`);
const after = results.filter((r) => r.at >= upAt + 5000);
const perSecond = after.length / ((performance.now() - t0 - upAt - 5000) / 1000);
if (after.length === 0 || after.some((r) => r.status >= 300)) fail("requests failed after the recovery");
say(`after it: ${after.length} requests, all 2xx (≈ ${perSecond.toFixed(1)}/s offered ${rate}/s)`);

// ---- probes: readiness DOWN while down, liveness UP throughout
const downProbes = probes.filter((p) => p.at > stopAt + 1500 && p.at < upAt - 500);
if (startCmd && !downProbes.some((p) => p.ready === 503)) fail("readiness never said DOWN during the outage");
if (probes.some((p) => p.live !== 200)) fail(`liveness was not UP throughout: ${JSON.stringify(probes.filter((p) => p.live !== 200)[0])}`);
if (probes.at(-1).ready !== 200) fail("readiness is not UP after the outage");
say(`probes: readiness ${downProbes.filter((p) => p.ready === 503).length}/${downProbes.length} DOWN while the database was away, UP after; liveness UP in all ${probes.length}`);

// ---- writes: acknowledged ones present, refused ones written exactly once by a retry under their key
const writes = results.filter((r) => r.kind === "write");
const acknowledged = writes.filter((r) => r.status === 201);
for (const w of acknowledged) {
  const got = await call("GET", `/api/events/${w.json.id}`, { token });
  if (got.status !== 200 || got.json.title !== w.body.title) fail(`acknowledged event ${w.json.id} is missing: ${got.status}`);
}
const retried = writes.filter((r) => r.status !== 201);
let replayed = 0;
for (const w of retried) {
  const r = await call("POST", "/api/events", { token, body: w.body, headers: { "Idempotency-Key": w.key } });
  if (r.status !== 201) fail(`the retry of a refused write answered ${r.status} ${r.text}`);
  if (r.json.title !== w.body.title) fail("the retry answered another record");
}
// a second retry of every key replays the kept answer
for (const w of writes) {
  const r = await call("POST", "/api/events", { token, body: w.body, headers: { "Idempotency-Key": w.key } });
  if (r.status !== 201) fail(`a replay answered ${r.status}`);
  replayed++;
}
// batches refused meanwhile: each retried under its key until answered (a key still held answers
// 409 with Retry-After), then counted
const batches = results.filter((r) => r.kind === "batch");
let batchRetries = 0;
for (const b of batches.filter((r) => r.status !== 200)) {
  let r;
  for (let attempt = 0; attempt < 10; attempt++) {
    r = await call("POST", "/api/imports/events", { token, body: b.body, headers: { "Idempotency-Key": b.key } });
    batchRetries++;
    if (r.status !== 409) break;
    await sleep(1000 * Number(r.retryAfter ?? 1));
  }
  if (r.status !== 200) fail(`the retry of a refused batch answered ${r.status} ${r.text}`);
}
const batchRows = psql(`SELECT count(*), count(DISTINCT title) FROM event WHERE title LIKE 'Họp dân ${tag}b số %'`);
if (batchRows !== `${batches.length}|${batches.length}`)
  fail(`${batches.length} batches sent, events stored (count|distinct): ${batchRows}`);
say(
  `batches: ${batches.filter((r) => r.status === 200).length} answered, ${batches.filter((r) => r.status !== 200).length} refused and sent again under their keys (${batchRetries} calls, none held); ${batches.length} records stored once`,
);
const counts = psql(
  `SELECT count(*), count(DISTINCT title) FROM event WHERE title LIKE 'Họp dân ${tag} số %'`,
).split("|");
if (Number(counts[0]) !== writes.length || Number(counts[1]) !== writes.length)
  fail(`${writes.length} writes sent, ${counts[0]} events stored (${counts[1]} distinct)`);
say(
  `writes: ${acknowledged.length} acknowledged and present, ${retried.length} refused and written once by a retry under the same key; ${replayed} replays; ${counts[0]} events stored for ${writes.length} writes`,
);

// ---- the background work resumed: heartbeat and scheduler wrote after the outage
const since = new Date(upSince).toISOString();
const beat = psql(`SELECT count(*) FROM cluster_instance WHERE last_seen_at > '${since}'`);
const runs = psql(`SELECT count(*) FROM scheduled_run WHERE started_at > '${since}'`);
if (Number(beat) < 1) fail("no heartbeat after the outage");
if (Number(runs) < 1) fail("the scheduler ran nothing after the outage");
say(`background: heartbeat fresh, ${runs} scheduled run(s) since the database came back`);
say("passed");
