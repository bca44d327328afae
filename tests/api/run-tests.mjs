// `npm test`: runs every *.test.mjs file with node's test runner (each file
// starts its own server), then the coverage check over what they exercised.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FASCIA_BIN } from './lib/server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
if (!existsSync(FASCIA_BIN)) {
  console.error(`No fascia binary at ${FASCIA_BIN}: build it, or set FASCIA_BIN.`);
  process.exit(2);
}
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.test.mjs'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
const coverage = mkdtempSync(path.join(tmpdir(), 'fascia-api-coverage-'));
const env = { ...process.env, FASCIA_API_COVERAGE_DIR: coverage };
console.log(`fascia API tests against ${FASCIA_BIN}`);
const main = spawnSync(process.execPath, ['--test', ...files], { cwd: here, env, stdio: 'inherit' });
let status = main.status ?? 1;
if (only.length === 0) {
  const check = spawnSync(process.execPath, ['--test', 'coverage.check.mjs'], { cwd: here, env, stdio: 'inherit' });
  if (check.status !== 0) status = check.status ?? 1;
}
rmSync(coverage, { recursive: true, force: true });
process.exit(status);
