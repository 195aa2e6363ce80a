// Checks run by scripts/cluster.sh through nginx in front of two instances:
//   node scripts/cluster-check.mjs checks <base> <nginx access log> a=<addr> b=<addr> <pid of b>
//                                         <primary port> <replica port>
//   node scripts/cluster-check.mjs report <base>     (one report, for the fallback check)
// Every request carries an X-Check id; nginx logs it with the upstream that answered, so each
// check knows which instance served what.
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { eventRecord } from "./event-records.mjs";

const [cmd, base, accessLog, aArg, bArg, pidB, pgPort, replicaPort] =
  process.argv.slice(2);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const say = (s) => console.log(`cluster: ${s}`);
const fail = (s) => {
  console.error(`cluster: FAILED: ${s}`);
  process.exit(1);
};
const instances = new Map(
  [aArg, bArg].filter(Boolean).map((x) => x.split("=").reverse()),
);

/** The instance that answered a request (the last upstream nginx tried). */
async function servedBy(check) {
  if (!accessLog) return "?";
  for (let i = 0; i < 50; i++) {
    const line = readFileSync(accessLog, "utf8")
      .split("\n")
      .find((l) => l.startsWith(check + " "));
    if (line) {
      const addr = line.split(" ")[1].replace(/,$/, "");
      const tried = line
        .split(" ")
        .slice(1)
        .filter((x) => /\d+\.\d+\.\d+\.\d+:\d+/.test(x))
        .map((x) => x.replace(/,$/, ""));
      const last = tried.length ? tried[tried.length - 1] : addr;
      return instances.get(last) ?? last;
    }
    await sleep(20);
  }
  return "?";
}

async function call(method, path, { token, body, headers } = {}) {
  const check = randomUUID();
  let res;
  try {
    res = await fetch(base + path, {
      method,
      headers: {
        "X-Check": check,
        ...(body ? { "Content-Type": "application/json" } : {}),
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(headers ?? {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
  } catch (e) {
    return { status: 0, error: String(e), check };
  }
  const text = await res.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: res.status, headers: res.headers, json, text, check };
}

async function ok(method, path, opts) {
  const r = await call(method, path, opts);
  if (r.status < 200 || r.status >= 300)
    fail(`${method} ${path}: ${r.status} ${r.text ?? r.error}`);
  return r;
}

/** Repeats a request until another instance than `not` answers it (round robin: at once). */
async function onOther(not, method, path, opts) {
  for (let i = 0; i < 6; i++) {
    const r = await call(method, path, opts);
    const who = await servedBy(r.check);
    if (who !== not) return { ...r, who };
  }
  fail(`${method} ${path}: always answered by ${not}`);
}

function psql(port, sql) {
  return execFileSync(
    "psql",
    ["-h", "127.0.0.1", "-p", port, "-U", "antq", "-d", "antq", "-XAtq", "-c", sql],
    { encoding: "utf8" },
  ).trim();
}

async function signIn(username, password = "antq-demo-2025") {
  const r = await ok("POST", "/api/auth/login", { body: { username, password } });
  return { token: r.json.accessToken, who: await servedBy(r.check) };
}

async function report(token, unitId) {
  const r = await ok(
    "GET",
    `/api/reports/summary?unitId=${unitId}&from=2025-01-01&to=2025-12-31`,
    { token },
  );
  return r.json.totals.events;
}

if (cmd === "report") {
  const { token } = await signIn("phuongbaclieu");
  const me = (await ok("GET", "/api/auth/me", { token })).json;
  const events = await report(token, me.unit.id);
  say(`report answered (${events} events in 2025)`);
  process.exit(0);
}
if (cmd !== "checks") fail("usage: cluster-check.mjs checks|report …");

// ---- 1. a token issued by one instance is honoured by the other; sign-out ends it on both
{
  const admin = await signIn("admin");
  const me = await onOther(admin.who, "GET", "/api/auth/me", { token: admin.token });
  if (me.status !== 200) fail(`the token from ${admin.who} was refused by ${me.who}: ${me.status}`);
  say(`signed in on ${admin.who}, the token was accepted by ${me.who}`);
  const second = await signIn("admin");
  const out = await ok("POST", "/api/auth/logout", { token: second.token });
  const outBy = await servedBy(out.check);
  const after = await onOther(outBy, "GET", "/api/units?size=1", { token: second.token });
  if (after.status !== 401) fail(`a token signed out on ${outBy} still works on ${after.who}`);
  say(`signed out on ${outBy}, the token was refused by ${after.who} (401)`);
}

// ---- 2. sign-in failures are counted across instances
{
  const seen = new Set();
  for (let i = 0; i < 5; i++) {
    const r = await call("POST", "/api/auth/login", {
      body: { username: "xemcamau", password: `wrong-${i}` },
    });
    if (r.status !== 401) fail(`wrong password ${i + 1}: ${r.status}`);
    seen.add(await servedBy(r.check));
  }
  const right = await call("POST", "/api/auth/login", {
    body: { username: "xemcamau", password: "antq-demo-2025" },
  });
  const locked = psql(pgPort, "SELECT locked_until > now() FROM app_user WHERE username = 'xemcamau'");
  if (right.status !== 401 || locked !== "t")
    fail(`after 5 failures on ${[...seen]} the account is not locked (${right.status}, ${locked})`);
  if (seen.size < 2) fail(`the 5 failures all went to ${[...seen]}`);
  say(
    `5 wrong passwords spread over ${[...seen].sort().join(" and ")}: the account is locked on both (the right password answered ${right.status} on ${await servedBy(right.check)})`,
  );
}

const officer = await signIn("phuongbaclieu");
const me = (await ok("GET", "/api/auth/me", { token: officer.token })).json;
const types = (await ok("GET", "/api/catalogues/EVENT_TYPE", { token: officer.token })).json;
const typeId = types.find((t) => t.code === "TUYEN_TRUYEN").id;
const unitId = me.unit.id;
const run = Date.now().toString(36);

// ---- 3. an idempotent retry that lands on the other instance replays the first answer
{
  const key = randomUUID();
  const body = { records: [eventRecord(`idem${run}`, 0, unitId, typeId)] };
  const opts = { token: officer.token, body, headers: { "Idempotency-Key": key } };
  const first = await ok("POST", "/api/imports/events", opts);
  const firstBy = await servedBy(first.check);
  const again = await onOther(firstBy, "POST", "/api/imports/events", opts);
  if (again.status !== 200 || again.headers.get("idempotent-replayed") !== "true")
    fail(`the retry on ${again.who} was not a replay: ${again.status} ${again.text}`);
  if (again.text !== first.text) fail("the replayed body differs from the first answer");
  const n = psql(pgPort, `SELECT count(*) FROM event WHERE title = 'Họp dân idem${run} số 0'`);
  if (n !== "1") fail(`the retried event exists ${n} times`);
  say(`Idempotency-Key sent to ${firstBy}, retried on ${again.who}: replayed, the event exists once`);
}

// ---- 4. an import job started on one instance is followed on the other
{
  const rows = 1500;
  const records = [];
  for (let i = 0; i < rows; i++) records.push(eventRecord(`job${run}`, i, unitId, typeId));
  const started = await ok("POST", "/api/import-jobs?resource=events&mode=partial", {
    token: officer.token,
    body: { records },
  });
  const startedBy = await servedBy(started.check);
  const id = started.json.id;
  const followers = new Map();
  let last = -1;
  let job;
  for (let i = 0; i < 1200; i++) {
    const r = await ok("GET", `/api/import-jobs/${id}`, { token: officer.token });
    const who = await servedBy(r.check);
    job = r.json;
    if (job.done < last) fail(`job ${id}: progress went back from ${last} to ${job.done} on ${who}`);
    last = job.done;
    followers.set(who, (followers.get(who) ?? 0) + 1);
    if (job.state !== "RUNNING" && job.state !== "QUEUED") break;
    await sleep(100);
  }
  if (job.state !== "SUCCEEDED" || job.counts.created !== rows)
    fail(`job ${id}: ${job.state}, ${JSON.stringify(job.counts)}`);
  const others = [...followers.keys()].filter((w) => w !== startedBy);
  if (others.length === 0) fail(`job ${id} was only ever read on ${startedBy}`);
  const worker = psql(pgPort, `SELECT split_part(lease_owner, '/', 1) FROM import_job WHERE id = ${id}`);
  say(
    `import job ${id} (${rows} rows) submitted on ${startedBy}, run by ${worker}, followed on ${[...followers].map(([w, n]) => `${w} (${n} polls)`).join(", ")}: ${job.counts.created} created`,
  );
}

// ---- 5. a report reads the replica; how stale can it be?
{
  const before = await report(officer.token, unitId);
  const t0 = performance.now();
  await ok("POST", "/api/imports/events", {
    token: officer.token,
    body: { records: [eventRecord(`lag${run}`, 0, unitId, typeId)] },
  });
  const written = performance.now();
  let seen = before;
  let polls = 0;
  while (seen === before && performance.now() - written < 10000) {
    seen = await report(officer.token, unitId);
    polls++;
  }
  if (seen !== before + 1) fail(`the report shows ${seen} events, expected ${before + 1}`);
  const lag = psql(
    pgPort,
    "SELECT coalesce(round(extract(epoch FROM replay_lag) * 1000), 0) FROM pg_stat_replication",
  );
  say(
    `an event written at ${Math.round(written - t0)} ms was in the replica's report after ${Math.round(performance.now() - written)} ms (${polls} report(s)); pg_stat_replication replay_lag ${lag} ms`,
  );
}

// ---- 6. instance b killed (kill -9) mid-traffic: failures only for requests in flight, none lost
{
  const workers = 4;
  const tag = `kill${run}`;
  let n = 0;
  let stop = false;
  let killedAt = null;
  const failures = [];
  const rerun = [];
  let waits = 0;
  const sent = new Set();
  let requests = 0;
  const served = new Map();
  async function worker(w) {
    while (!stop) {
      const i = n++;
      const record = eventRecord(tag, i, unitId, typeId);
      const opts = {
        token: officer.token,
        body: { records: [record] },
        headers: { "Idempotency-Key": `${tag}-${i}` },
      };
      sent.add(record.externalId);
      // a write, retried with its key until it is acknowledged; 409 = the key is still held by
      // the instance that took it (until its heartbeat is 3 beats old): wait as told, not a failure
      const first = performance.now();
      for (;;) {
        const r = await call("POST", "/api/imports/events", opts);
        requests++;
        if (r.status === 200) {
          const who = await servedBy(r.check);
          served.set(who, (served.get(who) ?? 0) + 1);
          if (r.json.rows[0].outcome !== "CREATED") rerun.push({ i, outcome: r.json.rows[0].outcome, who });
          break;
        }
        if (r.status === 409) {
          waits++;
          await sleep(1000 * Number(r.headers.get("retry-after") ?? 1));
        } else {
          failures.push({ worker: w, i, status: r.status, at: performance.now() });
          await sleep(100);
        }
        if (performance.now() - first > 30000)
          fail(`event ${i} could not be written in 30 s: ${r.status} ${r.text ?? r.error}`);
      }
      const g = await call("GET", `/api/events?size=5&q=${tag}`, { token: officer.token });
      requests++;
      if (g.status !== 200) failures.push({ worker: w, read: true, status: g.status, at: performance.now() });
    }
  }
  const t0 = performance.now();
  const running = Array.from({ length: workers }, (_, w) => worker(w));
  await sleep(2500);
  process.kill(Number(pidB), "SIGKILL");
  killedAt = performance.now();
  await sleep(3500);
  stop = true;
  await Promise.all(running);
  const late = failures.filter((f) => f.at - killedAt > 2000);
  const [count, distinct] = psql(
    pgPort,
    `SELECT count(*) || '|' || count(DISTINCT title) FROM event WHERE title LIKE 'Họp dân ${tag} %'`,
  ).split("|");
  say(
    `traffic: ${workers} clients, ${requests} requests in ${Math.round(performance.now() - t0)} ms (writes answered by ${[...served].map(([w, c]) => `${w} ${c}`).join(", ")}); b killed at ${Math.round(killedAt - t0)} ms; ${failures.length} failed request(s) (${failures.map((f) => f.status).join(", ") || "none"}), each retried with its key; ${waits} answer(s) 409 while the dead instance's keys were held${rerun.length ? `; ${rerun.length} retried write(s) ran again after b died: ${rerun.map((x) => `${x.outcome} on ${x.who}`).join(", ")}` : ""}`,
  );
  if (failures.length > workers) fail(`${failures.length} failures with ${workers} requests in flight`);
  if (late.length) fail(`${late.length} failures more than 2 s after the kill`);
  if (Number(count) !== sent.size || Number(distinct) !== sent.size)
    fail(`${sent.size} events sent, ${count} stored (${distinct} distinct)`);
  say(`${sent.size} events sent, ${count} stored, none twice, none lost`);
}
