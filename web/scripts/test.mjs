// npm test: builds the browser tests with esbuild, then runs each test file
// with node's test runner, one after the other (each starts its own server
// and browser). Set FASCIA_BIN to the fascia binary (default ../build/default/fascia).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'test-build');
rmSync(out, { recursive: true, force: true });
const only = process.argv.slice(2);
const files = readdirSync(join(root, 'tests'))
  .filter((f) => f.endsWith('.test.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)));
await build({
  entryPoints: files.map((f) => join(root, 'tests', f)).concat([join(root, 'tests', 'harness.ts')]),
  outdir: out,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node18',
  logLevel: 'warning',
});
if (!existsSync(join(root, 'dist', 'index.html'))) {
  console.error('No built app in dist/: run npm run build first.');
  process.exit(1);
}
let failed = 0;
for (const f of files) {
  const js = join(out, f.replace(/\.ts$/, '.mjs'));
  console.log(`\n# ${f}`);
  const r = spawnSync(process.execPath, ['--test', js], { stdio: 'inherit', cwd: root });
  if (r.status !== 0) failed++;
}
console.log(failed ? `\n${failed} test file(s) failed` : '\nall test files passed');
process.exit(failed ? 1 : 0);
