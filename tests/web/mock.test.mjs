// Fast browser tests of the viewer's behaviour on a mock API
// (mock_server.mjs): empty store, API errors, slow answers, UTF-8 offsets and
// a 5k-element synthetic graph. Run by ctest through run.mjs (web:browser-mock).
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { startMock } from './mock_server.mjs';
import { launchBrowser, newPage, openViewer, screenshot, waitForGraph } from './harness.mjs';

describe('viewer on the mock API', () => {
  let browser;
  const servers = [];
  const mock = async (options) => { const s = await startMock(options); servers.push(s); return s; };
  before(async () => { browser = await launchBrowser(); });
  after(async () => { await browser?.close(); for (const s of servers) await s.close(); });

  test('an empty store shows an explanation instead of a blank page', async () => {
    const { url } = await mock({ empty: true });
    const { page, errors } = await newPage(browser);
    await openViewer(page, `${url}/`);
    await page.waitForSelector('#graph-message:not([hidden])');
    assert.match(await page.textContent('#graph-message'), /store is empty/i);
    await openViewer(page, `${url}/#view=matrix`);
    assert.match(await page.textContent('#matrix'), /empty/i);
    await openViewer(page, `${url}/#view=compare`);
    assert.match(await page.textContent('#compare'), /no rounds/i);
    await screenshot(page, 'mock-empty');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('an API error shows the problem+json title and detail in a banner with a retry', async () => {
    const { url } = await mock();
    const { page } = await newPage(browser);
    let fail = true;
    await page.route('**/api/v1/graph*', (route) => (fail
      ? route.fulfill({ status: 503, contentType: 'application/problem+json',
        body: JSON.stringify({ type: 'about:blank', title: 'Service Unavailable', status: 503, detail: 'store is busy' }) })
      : route.continue()));
    await openViewer(page, `${url}/`);
    await page.waitForSelector('#banner:not([hidden])');
    assert.equal(await page.textContent('#banner-title'), 'Service Unavailable');
    assert.equal(await page.textContent('#banner-detail'), 'store is busy');
    assert.match(await page.textContent('#graph-message'), /store is busy/);
    await screenshot(page, 'mock-error');
    fail = false;
    await page.click('#banner-retry');
    await waitForGraph(page);
    assert.equal(await page.isHidden('#banner'), true);
    await page.close();
  });

  test('a slow answer shows a loading indicator', async () => {
    const { url } = await mock({ delayMs: 1200 });
    const { page, errors } = await newPage(browser);
    await page.goto(`${url}/`);
    await page.waitForSelector('#loading:not([hidden])', { timeout: 3000 });
    await page.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
    await page.waitForSelector('#loading', { state: 'hidden' });
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('evidence marks cue and actor by UTF-8 byte offsets after multi-byte characters', async () => {
    const { url } = await mock();
    const { page, errors } = await newPage(browser);
    // "Genève" and "Moscow’s" put 2- and 3-byte characters before the spans.
    await openViewer(page, `${url}/#view=matrix&cell=russia|manoeuvre_limits`);
    await page.waitForSelector('#panel-body .evidence');
    assert.equal(await page.textContent('#panel-body .evidence mark.actor'), 'Moscow');
    assert.equal(await page.textContent('#panel-body .evidence mark.cue'), 'rejected');
    assert.equal(await page.textContent('#panel-body .evidence mark.issue'), 'manoeuvre limits');
    await page.click('#panel-body .evidence .btn-link');
    await page.waitForSelector('#doc-view mark.quote-span.active');
    const cues = await page.$$eval('#doc-view .doc-text mark.cue', (ms) => ms.map((m) => m.textContent));
    assert.deepEqual(cues, ['rejected', 'offered', 'demanded', 'rejected']);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('tabs and the stance legend work from the keyboard', async () => {
    const { url } = await mock();
    const { page, errors } = await newPage(browser);
    await openViewer(page, `${url}/`);
    await waitForGraph(page);
    await page.focus('#tab-graph');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.body.dataset.view === 'matrix');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-matrix');
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => document.body.dataset.view === 'graph');
    await page.focus('#legend [data-stance="offer"]');
    await page.keyboard.press('Space');
    await page.waitForFunction(() => location.hash.includes('hide=offer'));
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.notEqual(outline, 'none', 'the focused control shows a focus ring');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('the graph exports as PNG and SVG', async () => {
    const { url } = await mock();
    const { page, errors } = await newPage(browser);
    await openViewer(page, `${url}/`);
    await waitForGraph(page);
    for (const [button, name, magic] of [['#export-png', 'negograph.png', '\x89PNG'], ['#export-svg', 'negograph.svg', '<svg']]) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
      assert.equal(download.suggestedFilename(), name);
      const chunks = [];
      for await (const c of await download.createReadStream()) chunks.push(c);
      const body = Buffer.concat(chunks);
      assert.ok(body.length > 500, `${name}: ${body.length} bytes`);
      assert.ok(body.toString('latin1').startsWith(magic === '\x89PNG' ? '\x89PNG' : magic), `${name} starts with ${magic}`);
      if (name.endsWith('.svg')) assert.match(body.toString('utf8'), /NATO enlargement/);
    }
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('a 1k-element synthetic graph paints (first paint reported; asserted with NEGOGRAPH_FIRST_PAINT_BUDGET_MS)', async () => {
    const { url } = await mock({ synthetic: 1000 });
    const { page, errors } = await newPage(browser);
    // Three loads: the first warms the browser's caches like a returning user's.
    const runs = [];
    for (let i = 0; i < 3; i++) {
      await openViewer(page, `${url}/?run=${i}`);
      const load = await waitForGraph(page);
      assert.equal(load.elements, 1000);
      const nav = await page.evaluate(() => {
        const n = performance.getEntriesByType('navigation')[0];
        return { dcl: n.domContentLoadedEventEnd, scripts: performance.getEntriesByType('resource')
          .filter((r) => r.initiatorType === 'script' || r.name.endsWith('.js')).reduce((m, r) => Math.max(m, r.responseEnd), 0) };
      });
      runs.push(load.firstGraphPaint);
      // The fCoSE refinement loads its scripts after the first paint: let it
      // finish before the next load, so no request is cut off.
      await page.waitForFunction(() => !!window.cytoscapeFcose, null, { timeout: 60000 });
      console.log(`# 1k synthetic graph, load ${i + 1}: first paint ${load.firstGraphPaint.toFixed(0)} ms after navigation start `
        + `(scripts loaded ${nav.scripts.toFixed(0)}, DOMContentLoaded ${nav.dcl.toFixed(0)}, fetch ${load.fetchMs.toFixed(0)}, `
        + `add ${load.addMs.toFixed(0)}, layout ${load.layoutMs.toFixed(0)}, paint ${load.paintMs.toFixed(0)} ms)`);
    }
    const best = Math.min(...runs);
    console.log(`# 1k synthetic graph: first paint best ${best.toFixed(0)} ms, runs ${runs.map((r) => r.toFixed(0)).join(', ')} ms`);
    // The target is 1 s on an idle machine. On a shared, loaded CI machine a
    // wall-clock bound would fail for the wrong reason, so it is asserted only
    // when asked for: NEGOGRAPH_FIRST_PAINT_BUDGET_MS=1000.
    const budget = Number(process.env.NEGOGRAPH_FIRST_PAINT_BUDGET_MS ?? 0);
    if (budget > 0) assert.ok(best < budget, `first paint ${best.toFixed(0)} ms over ${budget} ms`);
    await screenshot(page, 'mock-1k');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('the matrix fits a 1280 px window with 30 issues; heads stay on screen when scrolled', async () => {
    const { url } = await mock({ wide: { actors: 24, issues: 30 } });
    const { page, errors } = await newPage(browser, { width: 1280, height: 800 });
    await openViewer(page, `${url}/#view=matrix`);
    await page.waitForSelector('table.matrix');
    const cols = await page.$$eval('table.matrix thead th.col-head', (ths) => ths.length);
    assert.equal(cols, 30);
    const fit = await page.evaluate(() => {
      const wrap = document.querySelector('.matrix-wrap');
      return { scroll: wrap.scrollWidth, client: wrap.clientWidth, page: document.documentElement.scrollWidth - innerWidth };
    });
    assert.ok(fit.scroll <= fit.client, `the matrix is ${fit.scroll} px wide in a ${fit.client} px box`);
    assert.ok(fit.page <= 1, 'no horizontal page scroll');
    // Sticky heads: after scrolling down, the issue heads are still at the top of the box.
    const top = await page.evaluate(() => {
      const wrap = document.querySelector('.matrix-wrap');
      wrap.scrollTop = wrap.scrollHeight;
      return document.querySelector('table.matrix thead th.col-head').getBoundingClientRect().top - wrap.getBoundingClientRect().top;
    });
    assert.ok(Math.abs(top) <= 2, `heads ${top} px from the top`);
    await page.evaluate(() => { document.querySelector('.matrix-wrap').scrollTop = 0; });
    // Filtering issues collapses the other columns.
    await page.fill('#matrix-filter', 'number 1');
    await page.waitForFunction(() => document.querySelectorAll('table.matrix thead th.col-head').length === 11);
    await page.fill('#matrix-filter', '');
    await page.waitForFunction(() => document.querySelectorAll('table.matrix thead th.col-head').length === 30);
    await page.click('.cell[data-actor="actor_1"][data-issue="issue_2"]');
    await page.waitForSelector('#panel-body .evidence blockquote.quote');
    await screenshot(page, 'matrix-30-issues-1280');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('matrix: stepping the timeline keeps the cell and shows that round\'s quotes, not the last round\'s', async () => {
    const { url } = await mock();
    const { page, errors } = await newPage(browser);
    await openViewer(page, `${url}/#view=matrix&round=2022-01-10-geneva&cell=usa|nato_enlargement`);
    await page.waitForSelector('#panel-body .evidence blockquote.quote');
    const geneva = await page.$$eval('#panel-body blockquote.quote', (qs) => qs.map((q) => q.textContent));
    assert.ok(geneva.some((q) => q.includes('United States rejected the call')), JSON.stringify(geneva));
    // Next round on the timeline: Brussels, where the USA said nothing on enlargement.
    await page.click('#matrix-timeline .timeline-next');
    await page.waitForFunction(() => location.hash.includes('round=2022-01-12-brussels'));
    await page.waitForFunction(() => document.getElementById('panel-body').dataset.round === '2022-01-12-brussels');
    assert.equal(await page.$$eval('#panel-body blockquote.quote', (qs) => qs.length), 0, 'no Geneva quote left');
    assert.match(await page.textContent('#panel-body'), /No positions/);
    assert.ok(new URL(page.url()).hash.includes('cell=usa'), 'the cell stays selected');
    // Vienna: the USA rejected enlargement again; the panel shows that quote.
    await page.click('#matrix-timeline .timeline-next');
    await page.waitForFunction(() => document.getElementById('panel-body').dataset.round === '2022-01-13-vienna');
    const vienna = await page.$$eval('#panel-body blockquote.quote', (qs) => qs.map((q) => q.textContent));
    assert.deepEqual(vienna, ['The United States rejected again any halt to NATO enlargement.']);
    assert.match(await page.textContent('#matrix-timeline .timeline-label'), /OSCE Permanent Council, Vienna · 13 Jan 2022/);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('a 5k-element synthetic graph renders and pans', async () => {
    const { url } = await mock({ synthetic: 5000 });
    const { page, errors } = await newPage(browser);
    await openViewer(page, `${url}/`);
    const load = await waitForGraph(page);
    assert.equal(load.elements, 5000);
    console.log(`# 5k synthetic graph: first paint ${load.firstGraphPaint.toFixed(0)} ms after navigation start `
      + `(fetch+layout+paint ${load.ms.toFixed(0)} ms)`);
    const box = await page.locator('#cy').boundingBox();
    const panBefore = await page.evaluate(() => ({ ...window.negograph.cy.pan() }));
    const t0 = Date.now();
    // Grab the background near a corner (nodes sit in the middle).
    const x = box.x + 12, y = box.y + 12;
    assert.equal(await page.evaluate(([px, py]) => {
      const cy = window.negograph.cy; const r = cy.container().getBoundingClientRect();
      const at = { x: px - r.left, y: py - r.top };
      return cy.nodes().some((n) => { const b = n.renderedBoundingBox(); return at.x >= b.x1 && at.x <= b.x2 && at.y >= b.y1 && at.y <= b.y2; });
    }, [x, y]), false, 'the drag starts on the background');
    await page.mouse.move(x, y);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(x + i * 20, y + i * 8);
    await page.mouse.up();
    const panAfter = await page.evaluate(() => ({ ...window.negograph.cy.pan() }));
    console.log(`# 5k synthetic graph: 10-step drag pan took ${Date.now() - t0} ms`);
    assert.ok(Math.abs(panAfter.x - panBefore.x) > 50, `panned from ${JSON.stringify(panBefore)} to ${JSON.stringify(panAfter)}`);
    // Frame times while panning programmatically (reported, not asserted).
    const frames = await page.evaluate(async () => {
      const cy = window.negograph.cy;
      const times = [];
      let last = performance.now();
      for (let i = 0; i < 40; i++) {
        cy.panBy({ x: 4, y: 2 });
        await new Promise((r) => requestAnimationFrame(r));
        const now = performance.now();
        times.push(now - last);
        last = now;
      }
      return times.sort((a, b) => a - b);
    });
    console.log(`# 5k synthetic graph: pan frame time median ${frames[20].toFixed(0)} ms, p90 ${frames[36].toFixed(0)} ms`);
    await screenshot(page, 'mock-5k');
    assert.deepEqual(errors, []);
    await page.close();
  });
});
