// Import jobs survive a kill -9 of the app (used by scripts/e2e.sh):
//   node scripts/job-crash.mjs submit <base> <all|partial> <rows> <tag>  → prints the job id
//     once the job has made progress (and, for `all`, checks nothing is visible yet);
//   node scripts/job-crash.mjs check <base> <jobId> <rows> <tag>
//     waits for the restarted app to finish it and checks every row is there exactly once.
import { eventRecord } from "./event-records.mjs";

const [cmd, base, ...args] = process.argv.slice(2);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function call(path, init = {}, token) {
  const res = await fetch(base + path, {
    ...init,
    headers: {
      "Content-Type": "application/json",
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(init.headers ?? {}),
    },
  });
  const text = await res.text();
  if (!res.ok)
    throw new Error(`${init.method ?? "GET"} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

async function signIn() {
  const body = JSON.stringify({
    username: "phuongbaclieu",
    password: "antq-demo-2025",
  });
  return (await call("/api/auth/login", { method: "POST", body })).accessToken;
}

async function eventsTagged(token, tag) {
  return (
    await call(`/api/events?size=1&q=${encodeURIComponent(tag)}`, {}, token)
  ).totalElements;
}

if (cmd === "submit") {
  const [mode, rows, tag] = args;
  const token = await signIn();
  const me = await call("/api/auth/me", {}, token);
  const types = await call("/api/catalogues/EVENT_TYPE", {}, token);
  const typeId = types.find((t) => t.code === "TUYEN_TRUYEN").id;
  const records = [];
  for (let i = 0; i < Number(rows); i++)
    records.push(eventRecord(tag, i, me.unit.id, typeId));
  const job = await call(
    `/api/import-jobs?resource=events&mode=${mode}`,
    { method: "POST", body: JSON.stringify({ records }) },
    token,
  );
  for (let i = 0; i < 1200; i++) {
    const now = await call(`/api/import-jobs/${job.id}`, {}, token);
    if (now.state !== "RUNNING" && now.state !== "QUEUED")
      throw new Error(`job ${job.id} ended before the kill: ${now.state}`);
    if (now.done >= Math.min(1000, Number(rows) / 5)) {
      const visible = await eventsTagged(token, tag);
      if (mode === "all" && visible !== 0)
        throw new Error(
          `an all-or-nothing job shows ${visible} rows before it commits`,
        );
      console.error(
        `job ${job.id} (${mode}): ${now.done}/${rows} rows when killed, ${visible} visible`,
      );
      console.log(job.id);
      process.exit(0);
    }
    await sleep(100);
  }
  throw new Error("the job made no progress");
} else if (cmd === "check") {
  const [id, rows, tag] = args;
  const token = await signIn();
  for (let i = 0; i < 1800; i++) {
    const job = await call(`/api/import-jobs/${id}`, {}, token);
    if (job.state === "FAILED")
      throw new Error(`job ${id} failed: ${job.message}`);
    if (job.state === "SUCCEEDED") {
      const visible = await eventsTagged(token, tag);
      const { created, unchanged, rejected } = job.counts;
      if (
        visible !== Number(rows) ||
        created + unchanged !== Number(rows) ||
        rejected !== 0
      )
        throw new Error(
          `job ${id}: ${visible} events for ${rows} rows (created ${created}, unchanged ${unchanged}, rejected ${rejected})`,
        );
      console.error(
        `job ${id}: finished after the restart, ${visible} events, none twice`,
      );
      process.exit(0);
    }
    await sleep(100);
  }
  throw new Error(`job ${id} did not finish after the restart`);
} else {
  console.error("usage: job-crash.mjs submit|check …");
  process.exit(2);
}
