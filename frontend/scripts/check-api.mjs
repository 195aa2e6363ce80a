// Regenerates the API types from ../openapi.yaml and fails when the committed file differs.
import { execFileSync } from 'node:child_process';
import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const committed = 'src/lib/api/schema.d.ts';
const out = join(mkdtempSync(join(tmpdir(), 'antq-api-')), 'schema.d.ts');
execFileSync('npx', ['openapi-typescript', '../openapi.yaml', '-o', out], { stdio: 'ignore' });
execFileSync('npx', ['prettier', '--config', '.prettierrc.json', '--write', out], {
  stdio: 'ignore',
});
if (readFileSync(out, 'utf8') !== readFileSync(committed, 'utf8')) {
  console.error(`${committed} is out of date with openapi.yaml: run "npm run generate:api".`);
  process.exit(1);
}
console.log(`${committed} matches openapi.yaml`);
