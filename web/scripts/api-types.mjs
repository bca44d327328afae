// The web app's API types come from the OpenAPI document, never by hand:
// `node scripts/api-types.mjs` writes src/api-schema.ts with openapi-typescript
// from src/fascia/server/openapi.json; with --check it writes nothing and
// fails when the committed file differs from what the document gives (run
// by `npm run typecheck`, so the test command catches a drift).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const web = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const document = path.resolve(web, '../src/fascia/server/openapi.json');
const committed = path.join(web, 'src/api-schema.ts');
const cli = path.join(web, 'node_modules/openapi-typescript/bin/cli.js');
const check = process.argv.includes('--check');

const out = check ? path.join(mkdtempSync(path.join(tmpdir(), 'fascia-api-types-')), 'api-schema.ts') : committed;
const run = spawnSync(process.execPath, [cli, document, '--output', out], { encoding: 'utf8' });
if (run.status !== 0) {
  console.error(`api-types: openapi-typescript failed on ${document}:\n${run.stderr}`);
  process.exit(1);
}
if (check) {
  const fresh = readFileSync(out, 'utf8');
  rmSync(path.dirname(out), { recursive: true, force: true });
  if (!existsSync(committed) || readFileSync(committed, 'utf8') !== fresh) {
    console.error('api-types: web/src/api-schema.ts is out of date with src/fascia/server/openapi.json; run: npm --prefix web run gen:api-types');
    process.exit(1);
  }
  console.log('api-types: web/src/api-schema.ts matches the OpenAPI document');
}
