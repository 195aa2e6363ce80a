// Part of benchmarks/benchmark.sh: turns PostgreSQL's CSV log of one request into the SQL that
// request ran, parameters filled in, so pgbench can replay exactly that SQL as the floor the API
// is compared with. Reads the log lines written after byte <offset>; keeps the app's statements
// (application "PostgreSQL JDBC Driver"), not the background work of the instance (the import
// worker's polling, heartbeats, the cluster scheduler) nor transaction control, nor the driver's
// catalogue look-ups.
//   node benchmarks/capture-sql.mjs <postgresql.csv> <offset> > request.sql
import { openSync, readSync, fstatSync } from 'node:fs';

const [file, offsetArg] = process.argv.slice(2);
const fd = openSync(file, 'r');
const offset = Number(offsetArg);
const size = fstatSync(fd).size - offset;
const buf = Buffer.alloc(Math.max(0, size));
readSync(fd, buf, 0, buf.length, offset);
const text = buf.toString('utf8');

// RFC 4180 rows: quoted fields may hold commas, doubled quotes and new lines
function* rows(s) {
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      yield row;
      row = [];
      field = '';
    } else {
      field += c;
    }
  }
}

// "Parameters: $1 = '12', $2 = NULL, $3 = 'it''s'" → ["'12'", 'NULL', "'it''s'"]
function parameters(detail) {
  const out = [];
  const re = /\$(\d+) = (NULL|'(?:[^']|'')*')/g;
  let m;
  while ((m = re.exec(detail)) !== null) {
    out[Number(m[1])] = m[2];
  }
  return out;
}

const skip = /^(BEGIN|COMMIT|ROLLBACK|SET |SHOW |SELECT 1$|select 1$)/i;
for (const r of rows(text)) {
  // csvlog columns: 13 message, 14 detail, 22 application_name
  const message = r[13] ?? '';
  const app = r[22] ?? '';
  if (!app.startsWith('PostgreSQL JDBC')) continue;
  const m = /^(?:execute [^:]+|statement): ([\s\S]*)$/.exec(message);
  if (!m) continue;
  let sql = m[1].trim();
  if (skip.test(sql) || /import_job|idempotency_key|cluster_instance|scheduled_(task|run)/i.test(sql))
    continue;
  // the driver's own look-ups of column metadata in the catalogue: made once per connection and
  // cached by it, not part of what a request costs once the pool is warm
  if (/\bFROM\s+pg_catalog\./i.test(sql)) continue;
  const params = parameters(r[14] ?? '');
  sql = sql.replace(/\$(\d+)/g, (all, n) => params[Number(n)] ?? all);
  console.log(sql.replace(/\s*\n\s*/g, ' ') + ';');
}
