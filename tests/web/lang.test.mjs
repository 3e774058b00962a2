// Issue 13: one graph across languages. Over a real `negograph serve` of
// data/demo (German and English reports of the same rounds): the API labels
// every issue in the language asked for, the demo's arms-control talks are
// one node, and the viewer's language switch relabels the graph and persists.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { launchBrowser, newPage, openViewer, screenshot, startRealServer, waitForGraph,
  graphNodes } from './harness.mjs';

const server = await startRealServer();
if (server.unavailable) {
  console.log(`# SKIP: ${server.unavailable}`);
  if (process.env.NEGOGRAPH_WEB_SKIP_FILE) writeFileSync(process.env.NEGOGRAPH_WEB_SKIP_FILE, server.unavailable);
}

async function get(path, headers = {}) {
  const res = await fetch(`${server.url}${path}`, { headers });
  return { res, body: await res.json() };
}

describe('labels per language over the demo corpus', { skip: server.unavailable ?? false }, () => {
  let browser;
  before(async () => { browser = await launchBrowser(); });
  after(async () => { await browser?.close(); await server.stop?.(); });

  test('GET /api/v1/issues?lang=en has no German label where an English one exists, ?lang=de the reverse', async () => {
    for (const lang of ['en', 'de']) {
      const { res, body } = await get(`/api/v1/issues?lang=${lang}`);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-language'), lang);
      assert.ok(body.items.length > 0);
      for (const issue of body.items) {
        assert.ok(issue.labels?.de && issue.labels?.en, `${issue.id} has both labels: ${JSON.stringify(issue.labels)}`);
        assert.equal(issue.label, issue.labels[lang], `${issue.id} is labelled in ${lang}`);
      }
      const canonical = body.items.filter((i) => !i.open);
      assert.ok(canonical.some((i) => i.labels.de !== i.labels.en), 'canonical issues differ between de and en');
    }
  });

  test("the demo's arms-control talks are one node with both labels", async () => {
    const { body } = await get('/api/v1/issues');
    const arms = body.items.filter((i) => /arms|abr(ü|ue)stung|r(ü|ue)stungskontroll/i.test(`${i.id} ${i.labels.de} ${i.labels.en}`));
    assert.equal(arms.length, 1, `one arms-control node, not ${JSON.stringify(arms)}`);
    assert.equal(arms[0].id, 'arms_control_talks');
    assert.deepEqual(arms[0].labels, { de: 'Abrüstungsgespräche', en: 'arms control talks' });
    // Its positions come from German and English documents, and read in one language.
    const positions = await get('/api/v1/positions?issue=arms_control_talks&lang=de&limit=100');
    assert.ok(positions.body.items.length >= 2);
    for (const p of positions.body.items) assert.equal(p.issue_label, 'Abrüstungsgespräche');
    const docs = await get('/api/v1/documents');
    const langOf = Object.fromEntries(docs.body.items.map((d) => [d.id, d.lang]));
    const langs = new Set(positions.body.items.map((p) => langOf[p.doc_id]));
    assert.deepEqual([...langs].sort(), ['de', 'en'], 'the node gathers German and English reports');
  });

  test('Accept-Language chooses the language when ?lang is absent; a bad lang is a 400', async () => {
    const de = await get('/api/v1/actors', { 'accept-language': 'fr-CH, de;q=0.8, en;q=0.5' });
    assert.equal(de.res.headers.get('content-language'), 'de');
    const russia = de.body.items.find((a) => a.id === 'russia');
    assert.equal(russia.label, 'Russland');
    const en = await get('/api/v1/actors');
    assert.equal(en.res.headers.get('content-language'), 'en');
    assert.equal(en.body.items.find((a) => a.id === 'russia').label, 'Russia');
    const bad = await get('/api/v1/issues?lang=fr');
    assert.equal(bad.res.status, 400);
    assert.match(bad.body.detail, /lang/);
  });

  test('confidence is a short decimal in the API', async () => {
    const res = await fetch(`${server.url}/api/v1/positions?limit=50`);
    const text = await res.text();
    assert.ok(!/"confidence":\d\.\d{3,}/.test(text), 'no long float confidence');
    assert.match(text, /"confidence":(0\.\d{1,2}|1(\.0)?)[,}]/);
  });

  test('the viewer switches the language of its labels and keeps the choice', async () => {
    const { page, errors } = await newPage(browser);
    await openViewer(page, `${server.url}/`);
    await waitForGraph(page);
    const label = async () => (await graphNodes(page)).find((n) => n.key === 'arms_control_talks')?.label;
    assert.equal(await label(), 'arms control talks');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    // The legend says how stances read against a proposal.
    assert.match(await page.textContent('#legend-framing'), /reject = refuses the proposal/);

    await Promise.all([page.waitForNavigation(), page.selectOption('#lang-select', 'de')]);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60000 });
    await waitForGraph(page);
    assert.equal(await label(), 'Abrüstungsgespräche');
    assert.equal(await page.evaluate(() => localStorage.getItem('negograph.lang')), 'de');
    const russia = (await graphNodes(page)).find((n) => n.key === 'russia');
    assert.equal(russia?.label, 'Russland');
    await screenshot(page, 'lang-de');

    // Persists: a fresh load of the page stays German.
    await openViewer(page, `${server.url}/`);
    await waitForGraph(page);
    assert.equal(await label(), 'Abrüstungsgespräche');
    assert.equal(await page.inputValue('#lang-select'), 'de');

    await Promise.all([page.waitForNavigation(), page.selectOption('#lang-select', 'en')]);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60000 });
    await waitForGraph(page);
    assert.equal(await label(), 'arms control talks');
    assert.deepEqual(errors, []);
    await page.close();
  });
});
