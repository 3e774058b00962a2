// ctest entry of the browser tests: reports SKIPPED (exit 77) when Chromium
// or node_modules/playwright-core is missing, or when the test file found no
// working `negograph serve`; otherwise runs `node --test FILE...`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const source = process.env.NEGOGRAPH_SOURCE_DIR ?? path.resolve(here, '../..');
const chromium = process.env.NEGOGRAPH_CHROMIUM ?? '/usr/bin/chromium';
const SKIP = 77;

if (!existsSync(chromium)) { console.log(`SKIP: no Chromium at ${chromium} (scripts/install-deps --with-browser)`); process.exit(SKIP); }
if (!existsSync(path.join(source, 'node_modules/playwright-core/package.json'))) {
  console.log(`SKIP: ${source}/node_modules/playwright-core missing (run npm ci)`);
  process.exit(SKIP);
}
const tmp = mkdtempSync(path.join(os.tmpdir(), 'negograph-web-run-'));
const skipFile = path.join(tmp, 'skip');
const files = process.argv.slice(2).map((f) => path.resolve(here, f));
const run = spawnSync(process.execPath, ['--test', ...files], {
  stdio: 'inherit', env: { ...process.env, NEGOGRAPH_SOURCE_DIR: source, NEGOGRAPH_WEB_SKIP_FILE: skipFile },
});
let code = run.status ?? 1;
if (code === 0 && existsSync(skipFile)) {
  console.log(`SKIP: ${readFileSync(skipFile, 'utf8')}`);
  code = SKIP;
}
rmSync(tmp, { recursive: true, force: true });
process.exit(code);
