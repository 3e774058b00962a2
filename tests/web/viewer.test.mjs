// Browser tests of the viewer against a real `negograph serve` over the demo
// corpus (data/demo), in Debian's headless Chromium. Run by ctest through
// run.mjs (web:browser).
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { launchBrowser, newPage, openViewer, screenshot, startRealServer, waitForGraph, graphNodes,
  visibleEdgeCount } from './harness.mjs';

const server = await startRealServer();
if (server.unavailable) {
  console.log(`# SKIP: ${server.unavailable}`);
  if (process.env.NEGOGRAPH_WEB_SKIP_FILE) writeFileSync(process.env.NEGOGRAPH_WEB_SKIP_FILE, server.unavailable);
}

const isNatoEnlargement = (n) => n.kind === 'issue'
  && (n.key === 'nato_enlargement' || /nato.*(enlarg|expan|erweiter)|osterweiterung/i.test(`${n.key} ${n.label}`));

// Clicks an element of the graph where it is drawn on the canvas, at a
// point where no other element is on top of it (the layout is random).
async function clickGraphElement(page, cyId) {
  const point = await page.evaluate((id) => {
    const cy = window.negograph.cy;
    const ele = cy.getElementById(id);
    cy.fit(ele.union(ele.connectedNodes()), 80);
    if (cy.zoom() > 1.5) cy.zoom({ level: 1.5, position: ele.isEdge() ? ele.midpoint() : ele.position() });
    const box = cy.container().getBoundingClientRect();
    const candidates = [];
    if (ele.isEdge()) {
      // Quadratic Bezier through the source/target endpoints and midpoint.
      const s = ele.renderedSourceEndpoint(), t = ele.renderedTargetEndpoint(), m = ele.renderedMidpoint();
      const c = { x: 2 * m.x - (s.x + t.x) / 2, y: 2 * m.y - (s.y + t.y) / 2 };
      for (const u of [0.5, 0.4, 0.6, 0.3, 0.7, 0.45, 0.55, 0.35, 0.65, 0.25, 0.75]) {
        candidates.push({ x: (1 - u) ** 2 * s.x + 2 * u * (1 - u) * c.x + u ** 2 * t.x,
          y: (1 - u) ** 2 * s.y + 2 * u * (1 - u) * c.y + u ** 2 * t.y });
      }
    } else {
      candidates.push(ele.renderedPosition());
    }
    // The renderer's own hit test (model coordinates) picks a point that
    // would hit this element; the click itself is a real mouse click.
    const r = cy.renderer();
    const pan = cy.pan(), zoom = cy.zoom();
    const hits = (q) => r.findNearestElement((q.x - pan.x) / zoom, (q.y - pan.y) / zoom, true, false)?.id() === id;
    const p = candidates.find((q) => !r.findNearestElement || hits(q)) ?? candidates[0];
    return { x: box.left + p.x, y: box.top + p.y };
  }, cyId);
  await page.mouse.click(point.x, point.y);
}

async function usaRejectsNatoEnlargementEdge(page) {
  return page.evaluate(() => {
    const edges = window.negograph.cy.edges().filter((e) => e.data('stance') === 'reject'
      && e.source().data('key') === 'usa'
      && (e.target().data('key') === 'nato_enlargement'
        || /nato.*(enlarg|expan|erweiter)|osterweiterung/i.test(`${e.target().data('key')} ${e.target().data('label')}`)));
    return edges.length ? { id: edges[0].id(), key: edges[0].data('key'), positionIds: edges[0].data('positionIds') } : null;
  });
}

describe('viewer on negograph serve with the demo corpus', { skip: server.unavailable ?? false }, () => {
  let browser;
  before(async () => { browser = await launchBrowser(); });
  after(async () => { await browser?.close(); await server.stop?.(); });

  test('the graph shows the actors usa, russia and nato and an issue about NATO enlargement', async () => {
    const { page, errors } = await newPage(browser);
    const t0 = Date.now();
    await openViewer(page, `${server.url}/`);
    const load = await waitForGraph(page);
    console.log(`# first graph paint: ${load.firstGraphPaint.toFixed(0)} ms after navigation start `
      + `(${load.elements} elements; fetch+layout+paint ${load.ms.toFixed(0)} ms; wall ${Date.now() - t0} ms)`);
    const nodes = await graphNodes(page);
    const actors = new Set(nodes.filter((n) => n.kind === 'actor').map((n) => n.key));
    for (const id of ['usa', 'russia', 'nato']) assert.ok(actors.has(id), `actor ${id} in ${[...actors]}`);
    assert.ok(nodes.some(isNatoEnlargement), `an issue about NATO enlargement in ${nodes.filter((n) => n.kind === 'issue').map((n) => n.key)}`);
    await screenshot(page, 'graph');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('hiding a stance in the legend hides its edges and only those', async () => {
    const { page, errors } = await newPage(browser);
    await openViewer(page, `${server.url}/#view=graph`);
    await waitForGraph(page);
    const rejectBefore = await visibleEdgeCount(page, 'reject');
    const demandBefore = await visibleEdgeCount(page, 'demand');
    assert.ok(rejectBefore > 0, 'the demo has reject edges');
    await page.click('#legend [data-stance="reject"]');
    await page.waitForFunction(() => location.hash.includes('hide=reject'));
    assert.equal(await visibleEdgeCount(page, 'reject'), 0);
    assert.equal(await visibleEdgeCount(page, 'demand'), demandBefore);
    assert.equal(await page.getAttribute('#legend [data-stance="reject"]', 'aria-pressed'), 'false');
    await page.click('#legend [data-stance="reject"]');
    await page.waitForFunction(() => !location.hash.includes('hide=reject'));
    assert.equal(await visibleEdgeCount(page, 'reject'), rejectBefore);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('clicking the USA→NATO-enlargement reject edge shows its quote in the evidence panel', async () => {
    const { page, errors } = await newPage(browser);
    await openViewer(page, `${server.url}/`);
    await waitForGraph(page);
    const edge = await usaRejectsNatoEnlargementEdge(page);
    assert.ok(edge, 'usa reject NATO enlargement edge is drawn');
    await clickGraphElement(page, edge.id);
    await page.waitForSelector('#panel-body .evidence blockquote.quote');
    const expected = await (await fetch(`${server.url}/api/v1/positions/${edge.positionIds[0]}`)).json();
    const quotes = await page.$$eval('#panel-body blockquote.quote', (qs) => qs.map((q) => q.textContent));
    assert.ok(quotes.includes(expected.quote), `panel quotes ${JSON.stringify(quotes)} include ${expected.quote}`);
    const cue = await page.$eval('#panel-body .evidence mark.cue', (m) => m.textContent);
    assert.ok(cue.length > 0 && expected.quote.includes(cue), `cue "${cue}" is part of the quote`);
    assert.match(await page.textContent('#panel-title'), /reject/);
    assert.ok(new URL(page.url()).hash.includes(`edge=${edge.key}`), 'the selection is in the URL');
    await screenshot(page, 'graph-evidence');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('clicking a node expands its neighbourhood and lists its stances', async () => {
    const { page, errors } = await newPage(browser);
    await openViewer(page, `${server.url}/`);
    await waitForGraph(page);
    await clickGraphElement(page, 'a:russia');
    await page.waitForFunction(() => location.hash.includes('node=russia'));
    await page.waitForSelector('#panel-body .node-edges li');
    const { faded, lit, hood, listed, degree } = await page.evaluate(() => {
      const cy = window.negograph.cy;
      const node = cy.getElementById('a:russia');
      const around = node.closedNeighborhood();
      return { faded: cy.elements('.faded').length, lit: around.filter((e) => !e.hasClass('faded')).length,
        hood: around.length, listed: document.querySelectorAll('#panel-body .node-edges li').length,
        degree: node.connectedEdges().length };
    });
    assert.ok(faded > 0, 'the rest of the graph is faded');
    assert.equal(lit, hood, 'the neighbourhood stays lit');
    assert.equal(listed, degree);
    assert.match(await page.textContent('#panel-title'), /Russia/);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('searching a person highlights the actor they speak for', async () => {
    const { page, errors } = await newPage(browser);
    await openViewer(page, `${server.url}/`);
    await waitForGraph(page);
    await page.fill('#search', 'Sherman');
    await page.press('#search', 'Enter');
    await page.waitForFunction(() => window.negograph.cy.nodes('.match').length > 0);
    const matched = await page.evaluate(() => window.negograph.cy.nodes('.match').map((n) => n.data('key')));
    assert.ok(matched.includes('usa'), `matches: ${matched}`);
    assert.match(await page.textContent('#status'), /via speaker/);
    assert.ok(new URL(page.url()).hash.includes('q=Sherman'));
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('the position matrix has the usa × NATO-enlargement reject cell and shows its quotes', async () => {
    const { page, errors } = await newPage(browser);
    await openViewer(page, `${server.url}/#view=matrix`);
    await page.waitForSelector('table.matrix');
    const rows = await page.$$eval('table.matrix tbody th', (ths) => ths.map((th) => th.textContent));
    assert.ok(rows.length >= 3, `actor rows: ${rows}`);
    const cell = await page.evaluateHandle(() => [...document.querySelectorAll('.cell[data-actor="usa"]')]
      .find((c) => /nato.*(enlarg|expan|erweiter)|osterweiterung/i.test(c.dataset.issue + ' '
        + document.querySelectorAll('table.matrix thead th')[c.closest('td').cellIndex].textContent)));
    assert.ok(await cell.evaluate((c) => !!c), 'a usa cell on NATO enlargement');
    assert.ok(await cell.evaluate((c) => !!c.querySelector('.sym.reject')), 'the cell shows a reject symbol');
    await cell.click();
    await page.waitForSelector('#panel-body .evidence blockquote.quote');
    assert.match(await page.textContent('#panel-title'), /on/);
    assert.ok(new URL(page.url()).hash.includes('cell=usa'), 'the cell is in the URL');
    await screenshot(page, 'matrix');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('the round comparison lists at least one change with its evidence', async () => {
    const { page, errors } = await newPage(browser);
    await openViewer(page, `${server.url}/#view=compare`);
    const rounds = (await (await fetch(`${server.url}/api/v1/rounds`)).json()).items;
    const geneva = rounds.find((r) => r.id.includes('2022-01-10')) ?? rounds[0];
    const brussels = rounds.find((r) => r.id.includes('2022-01-12')) ?? rounds[1];
    await page.selectOption('#compare-from', geneva.id);
    await page.selectOption('#compare-to', brussels.id);
    await page.click('#compare-form button[type="submit"]');
    await page.waitForFunction(() => location.hash.includes('from='));
    await page.waitForSelector('#compare .summary');
    const kinds = await page.$$eval('#compare .change', (cs) => cs.map((c) => c.dataset.kind));
    assert.ok(kinds.some((k) => k !== 'unchanged'), `changes listed: ${kinds}`);
    const quotes = await page.$$eval('#compare .change blockquote.quote', (qs) => qs.length);
    assert.ok(quotes > 0, 'changes carry quoted evidence');
    await screenshot(page, 'compare');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('a deep link restores the same view, filters and selection', async () => {
    const first = await newPage(browser);
    await openViewer(first.page, `${server.url}/`);
    const loaded = await waitForGraph(first.page);
    // Filter by the Geneva round (the graph reloads), hide a stance, select an edge.
    const rounds = (await (await fetch(`${server.url}/api/v1/rounds`)).json()).items;
    const geneva = rounds.find((r) => r.id.startsWith('2022-01-10'));
    assert.ok(geneva, 'the demo has the Geneva round of 10 January 2022');
    await first.page.selectOption('#graph-round', geneva.id);
    await first.page.waitForFunction((t) => window.negograph.lastGraphLoad.paintedAt !== t, loaded.paintedAt);
    const edge = await usaRejectsNatoEnlargementEdge(first.page);
    assert.ok(edge, 'usa rejects NATO enlargement in Geneva');
    await first.page.click('#legend [data-stance="threaten"]');
    await clickGraphElement(first.page, edge.id);
    await first.page.waitForSelector('#panel-body .evidence');
    const link = first.page.url();
    const seen = async (page) => page.evaluate(() => ({
      tab: document.querySelector('[role="tab"][aria-selected="true"]').dataset.view,
      round: document.getElementById('graph-round').value,
      pressed: [...document.querySelectorAll('#legend [aria-pressed]')].map((b) => `${b.dataset.stance}:${b.getAttribute('aria-pressed')}`),
      selected: window.negograph.cy.$(':selected').map((e) => e.id()),
      panel: document.getElementById('panel-title').textContent,
      quotes: [...document.querySelectorAll('#panel-body blockquote.quote')].map((q) => q.textContent),
    }));
    const before = await seen(first.page);
    const second = await newPage(browser);
    await openViewer(second.page, link);
    await second.page.waitForSelector('#panel-body .evidence');
    assert.deepEqual(await seen(second.page), before);
    assert.ok(before.pressed.includes('threaten:false'));
    assert.equal(before.round, geneva.id);
    await screenshot(second.page, 'deep-link');
    assert.deepEqual([...first.errors, ...second.errors], []);
    await first.page.close();
    await second.page.close();
  });

  test('open document shows the whole text with every extraction marked', async () => {
    const { page, errors } = await newPage(browser);
    await openViewer(page, `${server.url}/`);
    await waitForGraph(page);
    const edge = await usaRejectsNatoEnlargementEdge(page);
    await clickGraphElement(page, edge.id);
    await page.click('#panel-body .evidence .btn-link');
    await page.waitForSelector('#doc-view .doc-text mark.quote-span.active');
    const marks = await page.$$eval('#doc-view mark.quote-span', (ms) => ms.length);
    const cues = await page.$$eval('#doc-view mark.cue', (ms) => ms.length);
    assert.ok(marks > 0 && cues > 0, `marks ${marks}, cues ${cues}`);
    assert.equal(await page.getAttribute('#tab-documents', 'aria-selected'), 'true');
    await screenshot(page, 'document');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('every tab renders without console errors, also in a narrow window', async () => {
    const { page, errors } = await newPage(browser, { width: 760, height: 900 });
    for (const view of ['graph', 'matrix', 'compare', 'documents']) {
      await openViewer(page, `${server.url}/#view=${view}`);
      await page.waitForFunction((v) => document.body.dataset.view === v, view);
      assert.equal(await page.isVisible(`#view-${view}`), true);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 1, `${view}: page wider than the window by ${overflow}px`);
      await screenshot(page, `narrow-${view}`);
    }
    assert.deepEqual(errors, []);
    await page.close();
  });
});
