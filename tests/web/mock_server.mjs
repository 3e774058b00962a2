// A tiny stand-in for `negograph serve`: serves web/ and answers the read
// routes of docs/api.md from a few hand-written dispatches (our own words),
// with byte offsets computed the way the extractor reports them. Used for fast
// UI work and for the synthetic large-graph test; the required browser tests
// run against the real server.
//
//   node tests/web/mock_server.mjs [--port 8099] [--synthetic 5000] [--empty]
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const webRoot = path.resolve(here, '../../web');

const ROUNDS = [
  { id: '2022-01-10-geneva', name: 'US-Russia Strategic Stability Dialogue, Geneva', place: 'Geneva',
    date_from: '2022-01-10', date_to: '2022-01-10', format: 'bilateral', participants: ['usa', 'russia'] },
  { id: '2022-01-12-brussels', name: 'NATO-Russia Council, Brussels', place: 'Brussels',
    date_from: '2022-01-12', date_to: '2022-01-12', format: 'NATO-Russia Council', participants: ['nato', 'russia'] },
  { id: '2022-01-13-vienna', name: 'OSCE Permanent Council, Vienna', place: 'Vienna',
    date_from: '2022-01-13', date_to: '2022-01-13', format: 'OSCE Permanent Council', participants: ['osce', 'russia', 'usa'] },
];
const ACTORS = {
  usa: ['United States', 'state'], russia: ['Russia', 'state'], nato: ['NATO', 'alliance'],
  osce: ['OSCE', 'organisation'], ukraine: ['Ukraine', 'state'],
};
const ISSUES = {
  nato_enlargement: ['NATO enlargement', false], security_guarantees: ['security guarantees', false],
  missile_deployment: ['missile deployment', false], arms_control_talks: ['arms-control talks', false],
  manoeuvre_limits: ['manoeuvre limits', false], 'open:troop_withdrawal': ['troop withdrawal', true],
};
// [actor, stance, issue, actor word, cue word, issue word, speaker, condition]
const DOCS = [
  { name: 'geneva-dispatch', title: 'Geneva: no breakthrough on enlargement', date: '2022-01-10',
    round: '2022-01-10-geneva', text:
      'Genève, 10 January. The United States rejected the call to stop NATO enlargement. ' +
      'Deputy Secretary Wendy Sherman said Washington offered talks on missile deployment if Russia takes the same steps. ' +
      'Russia demanded legally binding security guarantees. ' +
      'Moscow’s delegate Sergei Ryabkov rejected any limit on manoeuvre limits in western Russia.',
    facts: [
      ['usa', 'reject', 'nato_enlargement', 'United States', 'rejected', 'NATO enlargement', '', ''],
      ['usa', 'offer', 'missile_deployment', 'Washington', 'offered', 'missile deployment', 'Wendy Sherman', 'if Russia takes the same steps'],
      ['russia', 'demand', 'security_guarantees', 'Russia', 'demanded', 'security guarantees', '', ''],
      ['russia', 'reject', 'manoeuvre_limits', 'Moscow', 'rejected', 'manoeuvre limits', 'Sergei Ryabkov', ''],
    ] },
  { name: 'brussels-dispatch', title: 'NATO-Russia Council meets in Brussels', date: '2022-01-12',
    round: '2022-01-12-brussels', text:
      'NATO rejected a Russian veto over NATO enlargement. ' +
      'Russia threatened a military-technical response over missile deployment. ' +
      'NATO offered arms-control talks to Moscow. ' +
      'Russia demanded a troop withdrawal from the eastern flank.',
    facts: [
      ['nato', 'reject', 'nato_enlargement', 'NATO', 'rejected', 'NATO enlargement', '', ''],
      ['russia', 'threaten', 'missile_deployment', 'Russia', 'threatened', 'missile deployment', '', ''],
      ['nato', 'offer', 'arms_control_talks', 'NATO', 'offered', 'arms-control talks', '', ''],
      ['russia', 'demand', 'open:troop_withdrawal', 'Russia', 'demanded', 'troop withdrawal', '', ''],
    ] },
  { name: 'vienna-dispatch', title: 'OSCE council hears both sides', date: '2022-01-13',
    round: '2022-01-13-vienna', text:
      'The United States assured Ukraine of support on security guarantees. ' +
      'Russia accepted arms-control talks in principle. ' +
      'The United States rejected again any halt to NATO enlargement. ' +
      'Russia offered talks on missile deployment.',
    facts: [
      ['usa', 'assure', 'security_guarantees', 'United States', 'assured', 'security guarantees', '', ''],
      ['russia', 'accept', 'arms_control_talks', 'Russia', 'accepted', 'arms-control talks', '', ''],
      ['usa', 'reject', 'nato_enlargement', 'United States', 'rejected', 'NATO enlargement', '', ''],
      ['russia', 'offer', 'missile_deployment', 'Russia', 'offered', 'missile deployment', '', ''],
    ] },
];

const hex = (s, n = 16) => createHash('sha256').update(s).digest('hex').slice(0, n);
const byteIndex = (text, word, from = 0) => {
  const i = text.indexOf(word, from);
  return i < 0 ? -1 : Buffer.byteLength(text.slice(0, i));
};

function buildStore() {
  const documents = [];
  const positions = [];
  for (const d of DOCS) {
    const doc = { id: hex(d.text, 32), name: d.name, title: d.title, date: d.date, lang: 'en',
      source: `data/demo/${d.name}.txt`, round: d.round, text: d.text, rules_version: 'mock' };
    documents.push(doc);
    const sentences = d.text.match(/[^.]+\./g);
    let offset = 0;
    sentences.forEach((sentence, index) => {
      const start = d.text.indexOf(sentence, offset);
      offset = start + sentence.length;
      const trimmed = sentence.trimStart();
      const s = start + (sentence.length - trimmed.length);
      for (const [actor, stance, issue, aw, cw, iw, speaker, condition] of d.facts) {
        if (!trimmed.includes(cw) || !trimmed.includes(iw) || !trimmed.includes(aw)) continue;
        const sb = Buffer.byteLength(d.text.slice(0, s));
        const span = (w) => { const b = byteIndex(d.text, w, s); return [b, b + Buffer.byteLength(w)]; };
        positions.push({
          id: hex(`${doc.id}|${index}|${actor}|${stance}|${issue}`), doc: d.name, doc_id: doc.id,
          actor, actor_label: ACTORS[actor][0], stance, issue, issue_label: ISSUES[issue][0],
          open_issue: ISSUES[issue][1], speaker: speaker ? speaker.toLowerCase().replace(' ', '_') : '',
          speaker_label: speaker, target: '', condition, negated: false, round: d.round, sentence: index,
          start: sb, end: sb + Buffer.byteLength(trimmed), quote: trimmed,
          cue: span(cw), actor_span: span(aw), issue_span: span(iw), rule: `en.${stance}.mock`, confidence: 0.9,
        });
      }
    });
  }
  return { documents, positions };
}

function graphOf(positions, onlyNodes) {
  const nodes = new Map();
  const edges = new Map();
  for (const p of positions) {
    if (onlyNodes && !(onlyNodes.has(p.actor) && onlyNodes.has(p.issue))) continue;
    const a = nodes.get(p.actor) ?? { id: p.actor, kind: 'actor', label: p.actor_label, open: false, positions: 0 };
    a.positions++; nodes.set(p.actor, a);
    const i = nodes.get(p.issue) ?? { id: p.issue, kind: 'issue', label: p.issue_label, open: p.open_issue, positions: 0 };
    i.positions++; nodes.set(p.issue, i);
    const key = `${p.actor}|${p.stance}|${p.issue}`;
    const e = edges.get(key) ?? { id: hex(key), source: p.actor, target: p.issue, stance: p.stance,
      position_ids: [], rounds: [], count: 0 };
    e.position_ids.push(p.id); e.count++;
    if (!e.rounds.includes(p.round)) e.rounds.push(p.round);
    edges.set(key, e);
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

// A bipartite random graph of about `n` elements (nodes + edges).
function syntheticGraph(n) {
  const stances = ['demand', 'offer', 'reject', 'accept', 'threaten', 'assure'];
  const actors = Math.round(n * 0.12), issues = Math.round(n * 0.18), edgeCount = n - actors - issues;
  let seed = 42;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const nodes = [];
  for (let i = 0; i < actors; i++) nodes.push({ id: `a${i}`, kind: 'actor', label: `Actor ${i}`, open: false, positions: 1 });
  for (let i = 0; i < issues; i++) nodes.push({ id: `i${i}`, kind: 'issue', label: `Issue ${i}`, open: i % 5 === 0, positions: 1 });
  const edges = [];
  const seen = new Set();
  while (edges.length < edgeCount) {
    const a = Math.floor(rnd() * actors), i = Math.floor(Math.pow(rnd(), 2) * issues);
    const s = stances[Math.floor(rnd() * 6)];
    const key = `${a}|${s}|${i}`;
    if (seen.has(key)) continue;
    seen.add(key);
    edges.push({ id: `e${edges.length}`, source: `a${a}`, target: `i${i}`, stance: s, position_ids: [`p${edges.length}`],
      rounds: ['2022-01-10-geneva'], count: 1 });
  }
  return { nodes, edges };
}

function compare(positions, from, to) {
  const rf = ROUNDS.find((r) => r.id === from), rt = ROUNDS.find((r) => r.id === to);
  if (!rf || !rt) return null;
  const pairs = new Map();
  for (const p of positions) {
    if (p.round !== from && p.round !== to) continue;
    const key = `${p.actor}|${p.issue}`;
    const c = pairs.get(key) ?? { actor: p.actor, actor_label: p.actor_label, issue: p.issue, issue_label: p.issue_label,
      from_stances: [], to_stances: [], from_evidence: [], to_evidence: [], note: '' };
    const side = p.round === from ? 'from' : 'to';
    if (!c[`${side}_stances`].includes(p.stance)) c[`${side}_stances`].push(p.stance);
    c[`${side}_evidence`].push(p);
    pairs.set(key, c);
  }
  // The kinds of graph/round_diff.h (docs/analysis.md), simplified: sides
  // by majority, hardness by the hardest stance.
  const KINDS = ['reversed', 'hardened', 'softened', 'shifted', 'new', 'not_reported', 'unchanged'];
  const hard = { accept: 0, offer: 1, assure: 1, demand: 2, reject: 3, threaten: 4 };
  const side = (ev) => { const o = ev.filter((p) => p.stance === 'reject').length;
    const s = ev.filter((p) => p.stance !== 'reject' && p.stance !== 'threaten').length; return Math.sign(s - o); };
  const top = (list) => Math.max(...list.map((x) => hard[x]));
  const changes = [...pairs.values()].map((c) => {
    const a = side(c.from_evidence), b = side(c.to_evidence);
    c.kind = !c.from_stances.length ? 'new' : !c.to_stances.length ? 'not_reported'
      : c.from_stances.sort().join() === c.to_stances.sort().join() ? 'unchanged'
        : a && b && a !== b ? 'reversed'
          : top(c.to_stances) > top(c.from_stances) ? 'hardened' : top(c.to_stances) < top(c.from_stances) ? 'softened' : 'shifted';
    c.kind_label = c.kind === 'not_reported' ? 'not reported in this round' : c.kind;
    if (!['new', 'not_reported', 'unchanged'].includes(c.kind)) c.note = `${c.kind}: ${c.from_stances.join('+')} -> ${c.to_stances.join('+')}`;
    return c;
  }).sort((a, b) => KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind) || a.actor.localeCompare(b.actor));
  const summary = Object.fromEntries(KINDS.map((k) => [k, 0]));
  for (const c of changes) summary[c.kind]++;
  return { from: rf, to: rt, changes, summary };
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8' };

// A store of `actors` x `issues` with a position on most pairs (the matrix
// that must fit a 1280 px window).
function wideStore(actors, issues) {
  const base = buildStore();
  const stances = ['demand', 'offer', 'reject', 'accept', 'threaten', 'assure'];
  const positions = [];
  for (let a = 0; a < actors; a++) {
    for (let i = 0; i < issues; i++) {
      if ((a * 7 + i * 3) % 5 === 0) continue;
      const stance = stances[(a + i) % 6];
      const actor = `actor_${a}`, issue = `issue_${i}`;
      const quote = `Party number ${a} said it would ${stance} on topic number ${i}.`;
      positions.push({ id: hex(`${a}|${i}`), doc: 'wide', doc_id: base.documents[0].id, actor, actor_label: `Party ${a}`,
        stance, issue, issue_label: `Topic number ${i} of the talks`, open_issue: false, speaker: '', speaker_label: '',
        target: '', condition: '', negated: false, round: ROUNDS[(a + i) % 3].id, sentence: 0, start: 0,
        end: Buffer.byteLength(quote), quote, cue: [0, 0], actor_span: [0, 0], issue_span: [0, 0], rule: 'mock', confidence: 1 });
    }
  }
  return { documents: base.documents, positions };
}

// Conflicting reports (graph/conflicts.h), simplified: one actor, one
// issue, one round, accept/offer vs reject from two documents.
function conflicts(positions, q) {
  const out = [];
  for (const a of positions) {
    for (const b of positions) {
      if (a.doc_id >= b.doc_id || a.round !== b.round || a.actor !== b.actor || a.issue !== b.issue) continue;
      const inc = (x, y) => ['accept', 'offer'].includes(x) && y === 'reject';
      if (!inc(a.stance, b.stance) && !inc(b.stance, a.stance)) continue;
      if (['round', 'actor', 'issue'].some((k) => q.get(k) && a[k] !== q.get(k))) continue;
      out.push({ kind: 'stance', round: a.round, actor: a.actor, actor_label: a.actor_label, issue: a.issue,
        issue_label: a.issue_label, note: `${a.stance} vs ${b.stance}`, a, b });
    }
  }
  return out;
}

export function startMock({ port = 0, synthetic = 0, empty = false, delayMs = 0, wide = null } = {}) {
  const store = empty ? { documents: [], positions: [] } : wide ? wideStore(wide.actors, wide.issues) : buildStore();
  const json = (res, status, body) => {
    res.writeHead(status, { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' });
    res.end(JSON.stringify(body));
  };
  const problem = (res, status, title, detail) => json(res, status, { type: 'about:blank', title, status, detail });
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const q = url.searchParams;
    const p = url.pathname;
    if (delayMs && p.startsWith('/api/')) await new Promise((r) => setTimeout(r, delayMs));
    const byRound = (items) => (q.get('round') ? items.filter((x) => x.round === q.get('round')) : items);
    let m;
    if (p === '/healthz') return json(res, 200, { status: 'ok' });
    if (p === '/api/v1/rounds') return json(res, 200, { items: empty ? [] : ROUNDS.map((r) => ({ ...r,
      positions: store.positions.filter((x) => x.round === r.id).length })) });
    if (p === '/api/v1/actors') return json(res, 200, { items: graphOf(store.positions).nodes.filter((n) => n.kind === 'actor')
      .map((n) => ({ id: n.id, label: n.label, type: ACTORS[n.id]?.[1] ?? 'state', positions: n.positions })) });
    if (p === '/api/v1/issues') return json(res, 200, { items: graphOf(store.positions).nodes.filter((n) => n.kind === 'issue')
      .map((n) => ({ id: n.id, label: n.label, open: n.open, positions: n.positions })) });
    if (p === '/api/v1/documents') return json(res, 200, { items: store.documents.map(({ text, ...d }) => ({ ...d,
      positions: store.positions.filter((x) => x.doc_id === d.id).length })) });
    if ((m = p.match(/^\/api\/v1\/documents\/([^/]+)$/))) {
      const d = store.documents.find((x) => x.id === m[1]);
      if (!d) return problem(res, 404, 'Not Found', `no document '${m[1]}'`);
      return json(res, 200, { ...d, items: store.positions.filter((x) => x.doc_id === d.id) });
    }
    if ((m = p.match(/^\/api\/v1\/positions\/([^/]+)$/))) {
      const pos = store.positions.find((x) => x.id === m[1]);
      return pos ? json(res, 200, pos) : problem(res, 404, 'Not Found', `no position '${m[1]}'`);
    }
    if (p === '/api/v1/positions') {
      let items = byRound(store.positions);
      for (const k of ['actor', 'issue', 'stance']) if (q.get(k)) items = items.filter((x) => x[k] === q.get(k));
      if (q.get('doc')) items = items.filter((x) => x.doc_id === q.get('doc'));
      if (q.get('q')) {
        const t = q.get('q').toLowerCase();
        items = items.filter((x) => [x.quote, x.speaker_label, x.actor_label, x.issue_label].some((v) => v.toLowerCase().includes(t)));
      }
      return json(res, 200, { items: items.slice(0, Number(q.get('limit') || 100)), next_cursor: null });
    }
    if (p === '/api/v1/graph') {
      if (synthetic) return json(res, 200, syntheticGraph(synthetic));
      const positions = byRound(store.positions);
      const node = q.get('node');
      if (!node) return json(res, 200, graphOf(positions));
      const near = new Set([node]);
      for (const x of positions) if (x.actor === node || x.issue === node) { near.add(x.actor); near.add(x.issue); }
      if (near.size === 1) return problem(res, 404, 'Not Found', `no node '${node}' in this view`);
      return json(res, 200, graphOf(positions, near));
    }
    if (p === '/api/v1/compare') {
      const c = compare(store.positions, q.get('from'), q.get('to'));
      return c ? json(res, 200, c) : problem(res, 404, 'Not Found', `no round '${q.get('from')}' or '${q.get('to')}'`);
    }
    if (p === '/api/v1/conflicts') return json(res, 200, { items: conflicts(store.positions, q) });
    if (p.startsWith('/api/')) return problem(res, 404, 'Not Found', `no route ${p}`);
    const file = path.join(webRoot, path.normalize(p === '/' ? '/index.html' : p));
    if (!file.startsWith(webRoot)) return problem(res, 403, 'Forbidden', 'outside web root');
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      problem(res, 404, 'Not Found', `no file ${p}`);
    }
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve({
    server, url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)),
  })));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name, def) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : def; };
  const { url } = await startMock({ port: Number(arg('--port', 8099)), synthetic: Number(arg('--synthetic', 0)),
    empty: process.argv.includes('--empty'), delayMs: Number(arg('--delay', 0)) });
  console.log(`mock negograph on ${url}`);
}
