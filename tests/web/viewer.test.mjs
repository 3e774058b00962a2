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

// Waits for the evidence panel; on a timeout the error says what the page
// showed instead (URL, panel, selection), not only which selector was missing.
async function evidenceOrDump(page, which) {
  try {
    await page.waitForSelector('#panel-body .evidence', { timeout: 20000 });
  } catch {
    const shown = await page.evaluate(() => ({ url: location.href, title: document.getElementById('panel-title').textContent,
      body: document.getElementById('panel-body').textContent.slice(0, 300),
      selected: window.negograph.cy?.$(':selected').map((x) => x.id()), load: window.negograph.lastGraphLoad }));
    throw new Error(`${which} page shows no evidence: ${JSON.stringify(shown)}`);
  }
}

// Clicks an element of the graph where it is drawn on the canvas, at a
// point where no other element is on top of it (the layout is random).
async function clickGraphElement(page, cyId) {
  const point = await page.evaluate((id) => {
    const cy = window.negograph.cy;
    const ele = cy.getElementById(id);
    // A real user scrolls the graph into view first; a header that wraps on a
    // small window can push part of it below the fold.
    cy.container().scrollIntoView({ block: 'nearest' });
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

  // A header or toolbar that wraps to another line (a longer status, a wide
  // round name) moves the graph down without resizing it; clicks must still
  // hit what is drawn under the pointer.
  test('a click hits its edge after the content above the graph grows', async () => {
    const { page, errors } = await newPage(browser, { width: 1280, height: 1400 });
    await openViewer(page, `${server.url}/`);
    await waitForGraph(page);
    const edge = await usaRejectsNatoEnlargementEdge(page);
    const before = await page.evaluate(() => {
      const box = window.negograph.cy.container().getBoundingClientRect();
      document.getElementById('graph-timeline').style.paddingTop = '90px';
      return { top: box.top, height: box.height };
    });
    const after = await page.evaluate(() => {
      const box = window.negograph.cy.container().getBoundingClientRect();
      return { top: box.top, height: box.height };
    });
    assert.ok(after.top > before.top + 80, `the graph moved down (${before.top} → ${after.top})`);
    await clickGraphElement(page, edge.id);
    await page.waitForSelector('#panel-body .evidence blockquote.quote');
    assert.ok(new URL(page.url()).hash.includes(`edge=${edge.key}`), 'the clicked edge is selected');
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

  test('the round comparison is a compact table with a hardened or softened change and quotes on demand', async () => {
    const { page, errors } = await newPage(browser);
    await openViewer(page, `${server.url}/#view=compare`);
    const rounds = (await (await fetch(`${server.url}/api/v1/rounds`)).json()).items;
    // The demo pair (data/demo/2022-01-10-geneva-agencies-en, 2022-01-27-lavrov-missiles-en):
    // Russia on missiles from offer+reject in Geneva to accept after the written replies.
    const geneva = rounds.find((r) => r.id === '2022-01-10-geneva');
    const replies = rounds.find((r) => r.id === '2022-01-26-written-replies');
    assert.ok(geneva && replies, 'the demo has the Geneva and written-replies rounds');
    await page.selectOption('#compare-from', geneva.id);
    await page.selectOption('#compare-to', replies.id);
    await page.click('#compare-form button[type="submit"]');
    await page.waitForFunction(() => location.hash.includes('from='));
    // The default comparison may be on screen already: wait for the one asked for.
    await page.waitForFunction(() => /written replies/.test(document.querySelector('#compare caption')?.textContent ?? ''));
    await page.waitForSelector('#compare table.compare-table tr.change-row');
    const kinds = await page.$$eval('#compare tr.change-row', (rs) => rs.map((r) => r.dataset.kind));
    assert.ok(kinds.some((k) => k === 'hardened' || k === 'softened'), `kinds: ${kinds}`);
    assert.ok(!kinds.includes('dropped') && !kinds.includes('changed'), `old kinds gone: ${kinds}`);
    // One row per pair, no quotes until a row is expanded.
    assert.equal(await page.$$eval('#compare blockquote.quote', (qs) => qs.length), 0);
    const row = await page.$('#compare tr.change-row[data-kind="softened"], #compare tr.change-row[data-kind="hardened"]');
    const before = await row.$eval('td.col-stance', (td) => td.textContent.trim());
    assert.ok(before.length > 0, 'the before column shows stance symbols');
    await row.click();
    await page.waitForSelector('#compare tr.change-detail blockquote.quote');
    const sides = await page.$$eval('#compare tr.change-detail .side', (ss) => ss.map((s) => s.querySelectorAll('blockquote.quote').length));
    assert.deepEqual(sides.map((n) => n > 0), [true, true], `quotes of both rounds: ${sides}`);
    assert.ok(new URL(page.url()).hash.includes('open='), 'the expanded row is in the URL');
    assert.match(await page.textContent('#compare'), /not reported in this round/);
    await screenshot(page, 'compare-table');
    // The analyst's question: what changed from Geneva (10 Jan) to Brussels (12 Jan), as a link.
    await openViewer(page, `${server.url}/#view=compare&from=2022-01-10-geneva&to=2022-01-12-brussels`);
    // The previous comparison's rows may still be on screen: wait for the one the link asks for.
    await page.waitForFunction(() => /NATO-Russia Council/.test(document.querySelector('#compare caption')?.textContent ?? ''));
    await page.waitForSelector('#compare tr.change-row');
    assert.match(await page.textContent('#compare caption'), /Geneva · 10 Jan 2022 → NATO-Russia Council · Brussels · 12 Jan 2022/);
    await screenshot(page, 'compare-geneva-brussels');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('the timeline steps through the rounds with full names and hides rounds without positions', async () => {
    const { page, errors } = await newPage(browser);
    await openViewer(page, `${server.url}/`);
    const loaded = await waitForGraph(page);
    const rounds = (await (await fetch(`${server.url}/api/v1/rounds`)).json()).items;
    const withPositions = rounds.filter((r) => r.positions > 0).sort((a, b) => a.date_from.localeCompare(b.date_from));
    const empty = rounds.filter((r) => r.positions === 0);
    const stops = await page.$$eval('#graph-timeline .timeline-stop', (bs) => bs.map((b) => b.dataset.round));
    assert.deepEqual(stops, ['', ...withPositions.map((r) => r.id)], 'All, then the rounds with positions in date order');
    await page.click('#graph-timeline .timeline-next');
    await page.waitForFunction((t) => window.negograph.lastGraphLoad.paintedAt !== t, loaded.paintedAt);
    assert.ok(new URL(page.url()).hash.includes(`round=${withPositions[0].id}`));
    const label = await page.textContent('#graph-timeline .timeline-label');
    assert.match(label, /US-Russia Strategic Stability Dialogue · Geneva · 10 Jan 2022/);
    assert.equal(await page.inputValue('#graph-round'), withPositions[0].id);
    const options = await page.$$eval('#graph-round option', (os) => os.map((o) => o.textContent));
    assert.ok(options.every((o) => !/^\d{4}-\d{2}-\d{2}-/.test(o)), `full names, not ids: ${options}`);
    if (empty.length) {
      assert.ok(!options.some((o) => o.startsWith(empty[0].name)), 'empty rounds are hidden');
      await page.check('#graph-timeline .timeline-empty input');
      await page.waitForFunction((n) => document.querySelectorAll('#graph-timeline .timeline-stop').length === n, rounds.length + 1);
    }
    await screenshot(page, 'timeline');
    // The matrix has the same timeline.
    await page.click('#tab-matrix');
    await page.waitForSelector('#matrix-timeline .timeline-stop[aria-current="true"]');
    assert.equal(await page.getAttribute('#matrix-timeline .timeline-stop[aria-current="true"]', 'data-round'), withPositions[0].id);
    await page.waitForSelector('table.matrix .cell .sym.demand');
    await screenshot(page, 'matrix-geneva');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('the conflicts panel shows two reports that disagree side by side, with their sources', async () => {
    const { page, errors } = await newPage(browser);
    await openViewer(page, `${server.url}/#view=conflicts`);
    await page.waitForSelector('#conflicts .conflict');
    const first = await page.$('#conflicts .conflict');
    assert.equal(await first.$$eval('.side blockquote.quote', (qs) => qs.length), 2);
    const sources = await first.$$eval('.side .conflict-source strong', (ss) => ss.map((s) => s.textContent));
    assert.equal(sources.length, 2);
    assert.notEqual(sources[0], sources[1], 'two different documents');
    const api = (await (await fetch(`${server.url}/api/v1/conflicts`)).json()).items;
    assert.equal(await page.$$eval('#conflicts .conflict', (cs) => cs.length), api.length);
    await screenshot(page, 'conflicts');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('search finds a German word of a German quote and highlights the canonical nodes', async () => {
    const { page, errors } = await newPage(browser);
    await openViewer(page, `${server.url}/`);
    await waitForGraph(page);
    // A word found only in a German quote (not in any English label), whose
    // position is on an issue with an English canonical label.
    const { items } = await (await fetch(`${server.url}/api/v1/positions?limit=500`)).json();
    const issues = Object.fromEntries((await (await fetch(`${server.url}/api/v1/issues`)).json()).items.map((i) => [i.id, i.label]));
    const english = Object.values(issues).join(' ').toLowerCase();
    let word = null, issue = null;
    for (const p of items.filter((x) => x.doc.endsWith('-de') && !x.open_issue)) {
      const w = (p.quote.match(/[A-Za-zÄÖÜäöüß]{9,}/g) ?? []).find((x) => !english.includes(x.toLowerCase())
        && !items.some((q) => !q.doc.endsWith('-de') && q.quote.toLowerCase().includes(x.toLowerCase())));
      if (w) { word = w; issue = p.issue; break; }
    }
    assert.ok(word, 'a German word to search');
    await page.fill('#search', word);
    await page.press('#search', 'Enter');
    await page.waitForFunction(() => window.negograph.cy.nodes('.match').length > 0);
    const matched = await page.evaluate(() => window.negograph.cy.nodes('.match').map((n) => n.id()));
    assert.ok(matched.includes(`i:${issue}`), `${word}: matches ${matched} include issue ${issue}`);
    const hits = await page.$$eval('#panel-body mark.hit', (ms) => ms.map((m) => m.textContent.toLowerCase()));
    assert.ok(hits.length > 0 && hits.every((h) => h === word.toLowerCase()), `highlighted: ${hits}`);
    // Case does not matter; the English label finds the same issue.
    const label = issues[issue];
    await page.fill('#search', label.toUpperCase());
    await page.press('#search', 'Enter');
    await page.waitForFunction((l) => window.negograph.cy.nodes('.match').some((n) => n.data('label') === l), label);
    await screenshot(page, 'search');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('CSV download holds the rows of the selection only: the round and the stances shown', async () => {
    const { page, errors } = await newPage(browser);
    const rounds = (await (await fetch(`${server.url}/api/v1/rounds`)).json()).items;
    const geneva = rounds.find((r) => r.id === '2022-01-10-geneva');
    await openViewer(page, `${server.url}/#view=graph&round=${geneva.id}&hide=reject`);
    await waitForGraph(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-csv')]);
    assert.equal(download.suggestedFilename(), `negograph-${geneva.id}-selection.csv`);
    const chunks = [];
    for await (const c of await download.createReadStream()) chunks.push(c);
    const text = Buffer.concat(chunks).toString('utf8');
    const lines = text.trim().split('\r\n');
    assert.match(lines[0], /^:START_ID,:END_ID,:TYPE,id,stance,round,quote/);
    assert.ok(lines.length > 1, 'rows for the edges shown');
    assert.ok(!/,REJECT,/.test(text), 'hidden stance left out');
    const shown = await page.evaluate(() => window.negograph.cy.edges().filter((e) => e.visible())
      .reduce((n, e) => n + e.data('count'), 0));
    assert.equal(lines.length - 1, shown, 'one row per position of the edges shown');
    assert.ok(lines.slice(1).every((l) => l.includes(`,${geneva.id},`)), 'all rows from the round shown');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('the stance legend counts positions, as the CLI does, with the edges in its title', async () => {
    const { page, errors } = await newPage(browser);
    await openViewer(page, `${server.url}/`);
    await waitForGraph(page);
    const shown = Number(await page.textContent('#legend [data-stance="reject"] .count'));
    const { items } = await (await fetch(`${server.url}/api/v1/positions?stance=reject&limit=1000`)).json();
    assert.equal(shown, items.length);
    assert.match(await page.getAttribute('#legend [data-stance="reject"]', 'title'), /reject position\(s\) in \d+ stance edge/);
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
    await evidenceOrDump(first.page, 'first');
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
    await evidenceOrDump(second.page, 'second');
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
    for (const view of ['graph', 'matrix', 'compare', 'conflicts', 'documents']) {
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
