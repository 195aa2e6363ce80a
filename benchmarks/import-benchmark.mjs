// Part of benchmarks/import-benchmark.sh: pushes BENCH_ROWS events (BENCH_RESOURCE: models, awards)
// through POST /api/import-jobs
// (mode=partial: the same per-row rules and territory checks as POST /api/events or /api/models)
// as a ward officer of the demo data, times it from the POST to SUCCEEDED (after a warm-up job),
// and writes the same rows as a CSV for PostgreSQL COPY into the event (community_model) table.
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
const resource = process.env.BENCH_RESOURCE ?? "events";
// rows of a job: events (or models) of the officer's ward, tagged so each run is new
let records;
let copyRow;
if (resource === "models") {
  const types = await call("/api/catalogues/MODEL_TYPE", {}, token);
  const type = types.find((t) => t.code === "TU_QUAN_DONG_TOC");
  records = (tag, count) =>
    Array.from({ length: count }, (_, i) => ({
      externalId: `${tag}-${i}`,
      data: {
        name: `Tổ tự quản ${tag} số ${i}`,
        typeId: type.id,
        unitId: me.unit.id,
        leadOrganisations: ["POLICE", "FRONT"],
        establishedOn: `20${10 + (i % 15)}-${String(1 + (i % 12)).padStart(2, "0")}-15`,
        targetCommunities: ["FAMILY_CLAN"],
        declaredMembers: 5 + (i % 40),
      },
    }));
  // community_model (name, type_id, field_id, unit_id, lead_orgs, target_communities,
  // established_on, status, status_since, declared_members)
  copyRow = ({ data }) =>
    [
      `"copy ${data.name}"`,
      data.typeId,
      type.parent.id,
      data.unitId,
      `"{POLICE,FRONT}"`,
      `"{FAMILY_CLAN}"`,
      data.establishedOn,
      "REGISTERED",
      data.establishedOn,
      data.declaredMembers,
    ].join(",");
} else if (resource === "awards") {
  const item = async (catalogue, code) =>
    (await call(`/api/catalogues/${catalogue}`, {}, token)).find((t) => t.code === code).id;
  const authorityId = await item("AWARD_AUTHORITY", "CT_UBND_XA");
  const formId = await item("AWARD_FORM", "GIAY_KHEN");
  const typeId = await item("AWARD_TYPE", "CHUYEN_DE");
  records = (tag, count) =>
    Array.from({ length: count }, (_, i) => ({
      externalId: `${tag}-${i}`,
      data: {
        number: `${tag}-${i}/QĐ-UBND`,
        decidedOn: `2025-${String(7 + (i % 5)).padStart(2, "0")}-02`,
        authorityId,
        unitId: me.unit.id,
        formId,
        typeId,
        reason: `Thành tích phong trào ${i}`,
        recipients: [{ kind: "COLLECTIVE", unitId: me.unit.id }],
      },
    }));
  // award_decision (id, number, decided_on, authority_id, unit_id, issuer_name, form_id,
  // type_id, reason) with ids of their own; award_recipient rows beside, one per decision
  let copyId = 2_000_000_000 + Math.floor(Math.random() * 100_000_000);
  copyRow = ({ data }) => {
    copyId++;
    return [
      copyId,
      `"copy ${data.number}"`,
      data.decidedOn,
      data.authorityId,
      data.unitId,
      `"${me.unit.name}"`,
      data.formId,
      data.typeId,
      `"${data.reason}"`,
    ].join(",");
  };
  copyRow.recipient = () =>
    [copyId, "COLLECTIVE", me.unit.id, `"${me.unit.name}"`, `"${me.unit.name}"`, 1].join(",");
} else {
  const types = await call("/api/catalogues/EVENT_TYPE", {}, token);
  const typeId = types.find((t) => t.code === "TUYEN_TRUYEN").id;
  records = (tag, count) => {
    const out = [];
    for (let i = 0; i < count; i++) {
      const day = String(1 + (i % 28)).padStart(2, "0");
      const month = String(8 + (i % 4)).padStart(2, "0");
      out.push({
        externalId: `${tag}-${i}`,
        data: {
          typeId,
          title: `Họp dân ${tag} số ${i}`,
          startsAt: `2025-${month}-${day}T07:30:00+07:00`,
          endsAt: `2025-${month}-${day}T09:00:00+07:00`,
          unitId: me.unit.id,
          leadUnitId: me.unit.id,
          attendance: 20 + (i % 50),
        },
      });
    }
    return out;
  };
  // event (type_id, title, starts_at, ends_at, unit_id, lead_unit_id, attendance)
  copyRow = ({ data }) =>
    [
      data.typeId,
      `"copy ${data.title}"`,
      data.startsAt,
      data.endsAt,
      data.unitId,
      data.leadUnitId,
      data.attendance,
    ].join(",");
}

// a job from the POST to SUCCEEDED: seconds, and the time the POST took
async function importJob(rows) {
  const payload = JSON.stringify({ records: rows });
  const t0 = performance.now();
  const job = await call(
    `/api/import-jobs?resource=${resource}&mode=partial`,
    { method: "POST", body: payload },
    token,
  );
  const accepted = performance.now();
  let now = job;
  while (now.state === "QUEUED" || now.state === "RUNNING") {
    await sleep(100);
    now = await call(`/api/import-jobs/${job.id}`, {}, token);
  }
  if (now.state !== "SUCCEEDED" || now.counts.created !== rows.length)
    throw new Error(`job ${job.id}: ${now.state}, ${JSON.stringify(now.counts)}`);
  return {
    seconds: (performance.now() - t0) / 1000,
    acceptMs: accepted - t0,
    mb: payload.length / 1048576,
  };
}

// warm-up: one job of BENCH_WARMUP_ROWS (by default as many rows as the measured one) first, so
// that the measured job runs on compiled code, as on a server that has taken such imports before
// (measured on 1/12: after a 10,000-row warm-up the JIT compiler still used a quarter of the
// app's CPU during the measured job; after a 100,000-row one the job took 17.8 s instead of 20.4 s)
const warmup = Number(process.env.BENCH_WARMUP_ROWS ?? rows);
if (warmup > 0) await importJob(records(`warm${Date.now()}`, warmup));

const tag = `bench${Date.now()}`;
const rowsToImport = records(tag, rows);
const csv = [];
const recipients = [];
for (const r of rowsToImport) {
  csv.push(copyRow(r));
  if (copyRow.recipient) recipients.push(copyRow.recipient());
}
if (recipients.length) writeFileSync(`${csvPath}.recipients`, recipients.join("\n") + "\n");
writeFileSync(csvPath, csv.join("\n") + "\n");
const run = await importJob(rowsToImport);
console.log(
  `api_seconds=${run.seconds.toFixed(1)} api_rows_per_s=${(rows / run.seconds).toFixed(0)} accept_ms=${run.acceptMs.toFixed(0)} body_mb=${run.mb.toFixed(1)}`,
);
