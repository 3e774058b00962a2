// Shared helpers of the browser tests: Debian's Chromium through
// playwright-core, a real `negograph serve` over a store ingested from
// data/demo, console-error capture and screenshots.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const sourceDir = process.env.NEGOGRAPH_SOURCE_DIR ?? path.resolve(here, '../..');
export const chromiumPath = process.env.NEGOGRAPH_CHROMIUM ?? '/usr/bin/chromium';
export const screenshotDir = process.env.NEGOGRAPH_SCREENSHOT_DIR
  ?? path.join(process.env.NEGOGRAPH_BUILD_DIR ?? path.join(sourceDir, 'build'), 'web-screenshots');

export async function launchBrowser() {
  const { chromium } = await import(path.join(sourceDir, 'node_modules/playwright-core/index.mjs'));
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

// A page that records console errors and uncaught exceptions in `errors`.
export async function newPage(browser, { width = 1280, height = 800 } = {}) {
  const page = await browser.newPage({ viewport: { width, height } });
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => errors.push(`requestfailed: ${r.url()} ${r.failure()?.errorText}`));
  return { page, errors };
}

// Opens `url` and waits until the viewer has rendered its first view.
export async function openViewer(page, url) {
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 60000 });
}

export async function screenshot(page, name) {
  mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
  });
}

async function waitForHealth(url, child, timeoutMs = 30000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`negograph serve exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`negograph serve did not answer ${url}/healthz within ${timeoutMs} ms`);
}

// Ingests data/demo into a temporary store and serves it with web/.
// Returns { url, stop() } or { unavailable: reason } when the binary has no
// working `serve` yet (exit code 70, cli/exit_codes.h kExitUnimplemented).
export async function startRealServer() {
  const binary = process.env.NEGOGRAPH_BINARY;
  if (!binary || !existsSync(binary)) return { unavailable: `NEGOGRAPH_BINARY not set or missing (${binary})` };
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'negograph-web-'));
  const db = path.join(tmp, 'db');
  const ingestArgs = ['ingest', path.join(sourceDir, 'data/demo'), '--db', db];
  const rounds = path.join(sourceDir, 'data/rounds.yaml');
  if (existsSync(rounds)) ingestArgs.push('--rounds', rounds);
  const ingest = spawnSync(binary, ingestArgs, { encoding: 'utf8', timeout: 120000 });
  if (ingest.status === 70) return { unavailable: `negograph ingest not implemented yet: ${ingest.stderr.trim()}` };
  if (ingest.status !== 0) throw new Error(`negograph ingest failed (${ingest.status}): ${ingest.stderr}`);
  const port = await freePort();
  const child = spawn(binary, ['serve', '--db', db, '--host', '127.0.0.1', '--port', String(port),
    '--web', path.join(sourceDir, 'web')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const exited = new Promise((r) => child.once('exit', r));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(url, child);
  } catch (e) {
    child.kill('SIGTERM');
    await exited;
    rmSync(tmp, { recursive: true, force: true });
    if (child.exitCode === 70) return { unavailable: `negograph serve not implemented yet: ${stderr.trim()}` };
    throw new Error(`${e.message}\n${stderr}`);
  }
  return {
    url,
    async stop() {
      child.kill('SIGTERM');
      await exited;
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

// Waits until the graph layout finished and returns window.negograph.
export async function waitForGraph(page) {
  await page.waitForFunction(() => window.negograph?.lastGraphLoad !== undefined, null, { timeout: 60000 });
  return page.evaluate(() => ({ ...window.negograph.lastGraphLoad, firstGraphPaint: window.negograph.firstGraphPaint }));
}

// Node keys (API ids) of the graph currently drawn.
export async function graphNodes(page) {
  return page.evaluate(() => window.negograph.cy.nodes().map((n) => ({ key: n.data('key'), kind: n.data('kind'),
    label: n.data('label'), open: n.data('open') })));
}

export async function visibleEdgeCount(page, stance) {
  return page.evaluate((s) => window.negograph.cy.edges(`.stance-${s}`).filter((e) => e.visible()).length, stance);
}
