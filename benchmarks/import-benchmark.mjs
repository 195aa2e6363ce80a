// Part of benchmarks/import-benchmark.sh: pushes BENCH_ROWS events through POST /api/import-jobs
// (mode=partial: the same per-row rules and territory checks as POST /api/events) as a ward
// officer of the demo data, times it from the POST to SUCCEEDED, and writes the same rows as a
// CSV for PostgreSQL COPY into the event table.
//   node benchmarks/import-benchmark.mjs <base> <rows> <copy.csv>
import { writeFileSync } from "node:fs";

const [base, rowsArg, csvPath] = process.argv.slice(2);
const rows = Number(rowsArg);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function call(path, init = {}, token) {
  const res = await fetch(base + path, {
    ...init,
    headers: {
      "Content-Type": "application/json",
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${path}: ${res.status} ${text}`);
  return JSON.parse(text);
}

const body = JSON.stringify({
  username: "phuongbaclieu",
  password: "antq-demo-2025",
});
const token = (await call("/api/auth/login", { method: "POST", body }))
  .accessToken;
const me = await call("/api/auth/me", {}, token);
const types = await call("/api/catalogues/EVENT_TYPE", {}, token);
const typeId = types.find((t) => t.code === "TUYEN_TRUYEN").id;
const tag = `bench${Date.now()}`;
const records = [];
const csv = [];
for (let i = 0; i < rows; i++) {
  const day = String(1 + (i % 28)).padStart(2, "0");
  const month = String(8 + (i % 4)).padStart(2, "0");
  const data = {
    typeId,
    title: `Họp dân ${tag} số ${i}`,
    startsAt: `2025-${month}-${day}T07:30:00+07:00`,
    endsAt: `2025-${month}-${day}T09:00:00+07:00`,
    unitId: me.unit.id,
    leadUnitId: me.unit.id,
    attendance: 20 + (i % 50),
  };
  records.push({ externalId: `${tag}-${i}`, data });
  csv.push(
    [
      typeId,
      `"copy ${data.title}"`,
      data.startsAt,
      data.endsAt,
      data.unitId,
      data.leadUnitId,
      data.attendance,
    ].join(","),
  );
}
writeFileSync(csvPath, csv.join("\n") + "\n");
const payload = JSON.stringify({ records });
const t0 = performance.now();
const job = await call(
  "/api/import-jobs?resource=events&mode=partial",
  { method: "POST", body: payload },
  token,
);
const accepted = performance.now();
let now = job;
while (now.state === "QUEUED" || now.state === "RUNNING") {
  await sleep(250);
  now = await call(`/api/import-jobs/${job.id}`, {}, token);
}
const seconds = (performance.now() - t0) / 1000;
if (now.state !== "SUCCEEDED" || now.counts.created !== rows)
  throw new Error(`job ${job.id}: ${now.state}, ${JSON.stringify(now.counts)}`);
console.log(
  `api_seconds=${seconds.toFixed(1)} api_rows_per_s=${(rows / seconds).toFixed(0)} accept_ms=${(accepted - t0).toFixed(0)} body_mb=${(payload.length / 1048576).toFixed(1)}`,
);
