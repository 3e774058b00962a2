// Kùzu (npm `kuzu`, in-process, Cypher) loads `negograph export --format csv`
// with the DDL we ship (docs/scale-out/kuzu.cypher) and answers like
// `negograph query`: positions per stance, an actor's neighbours, and every
// position's quote, offsets and confidence byte for byte.
// Exit codes: 0 passed, 1 failed, 77 skipped (kuzu not installed: the npm
// registry was unreachable when scripts/install-deps ran).
// Env: NEGOGRAPH_BINARY, NEGOGRAPH_SOURCE_DIR, NEGOGRAPH_ENGINES_DIR (the
// prepare fixture's output).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const src = process.env.NEGOGRAPH_SOURCE_DIR;
const bin = process.env.NEGOGRAPH_BINARY;
const dir = process.env.NEGOGRAPH_ENGINES_DIR;
const require = createRequire(path.join(src, 'tests/engines/package.json'));

let kuzu;
try {
  kuzu = require('kuzu');
} catch (e) {
  console.log(`SKIPPED: npm package kuzu is not installed in tests/engines/node_modules ` +
              `(scripts/install-deps --with-engines; the npm registry may have been unreachable): ${e.message}`);
  process.exit(77);
}

const negograph = (...args) =>
  execFileSync(bin, [...args, '--db', path.join(dir, 'db')], { encoding: 'utf8', maxBuffer: 1 << 28 });
const jsonl = (text) => text.split('\n').filter(Boolean).map((l) => JSON.parse(l));

// The DDL's columns, in order, are the CSV header's (COPY maps by position):
// a column added to an export must be appended to kuzu.cypher too.
function checkColumns(ddl, table, file) {
  const body = ddl.match(new RegExp(`TABLE ${table}\\(([^;]*)\\);`))[1];
  const ddlCols = body.split(',').map((c) => c.trim().split(/\s+/)[0].replace(/`/g, ''))
    .filter((c) => c && c !== 'FROM' && c !== 'PRIMARY');
  const header = fs.readFileSync(file, 'utf8').split(/\r?\n/)[0].split(',');
  const rename = { ':LABEL': 'labels', ':TYPE': 'type', start: 'span_start', end: 'span_end' };
  const csvCols = header.filter((h) => h !== ':START_ID' && h !== ':END_ID')
    .map((h) => rename[h] ?? rename[h.split(':')[0]] ?? h.split(':')[0]);
  assert.deepEqual(ddlCols, csvCols,
    `docs/scale-out/kuzu.cypher table ${table} is out of date with the header of ${file}: ` +
    'append the new columns to the DDL in the same order');
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'negograph-kuzu-'));
try {
  const db = new kuzu.Database(path.join(work, 'kuzu.db'));
  const conn = new kuzu.Connection(db);
  const cypher = async (q) => (await conn.query(q)).getAll();
  // The shipped DDL, statement by statement; COPY reads from the cwd.
  process.chdir(path.join(dir, 'csv'));
  const ddl = fs.readFileSync(path.join(src, 'docs/scale-out/kuzu.cypher'), 'utf8')
    .replace(/^\s*\/\/.*$/gm, '');
  checkColumns(ddl, 'Node', 'nodes.csv');
  checkColumns(ddl, 'Position', 'edges.csv');
  for (const stmt of ddl.split(';').map((s) => s.trim()).filter(Boolean)) await cypher(stmt);

  // Counts per stance, beside `negograph query --stance S`.
  const stances = ['demand', 'offer', 'reject', 'accept', 'threaten', 'assure'];
  const kz = Object.fromEntries((await cypher(
    'MATCH ()-[p:Position]->() RETURN p.stance AS stance, count(*) AS n'))
    .map((r) => [r.stance, Number(r.n)]));
  const ng = {};
  for (const s of stances) {
    const n = jsonl(negograph('query', '--stance', s, '--format', 'jsonl', '--limit', '0')).length;
    if (n > 0) ng[s] = n;
  }
  console.log('positions per stance  kuzu:', JSON.stringify(kz), ' negograph:', JSON.stringify(ng));
  assert.ok(Object.values(ng).reduce((a, b) => a + b, 0) > 0, 'the demo store has positions');
  assert.deepEqual(kz, ng);
  const nodes = Number((await cypher('MATCH (n:Node) RETURN count(*) AS n'))[0].n);
  const listed = ['actors', 'issues'].map((k) => JSON.parse(negograph('query', '--list', k, '--format', 'json')));
  console.log('nodes  kuzu:', nodes, ' negograph actors+issues:', listed[0].items.length + listed[1].items.length);
  assert.equal(nodes, listed[0].items.length + listed[1].items.length);

  // An actor's neighbours, beside `negograph query --neighbourhood`.
  for (const actor of ['russia', 'usa', 'nato']) {
    const kzn = (await cypher(
      `MATCH (a:Node {id: 'actor:${actor}'})-[:Position]-(n:Node) RETURN DISTINCT n.id AS id`))
      .map((r) => r.id).sort();
    const hood = JSON.parse(negograph('query', '--neighbourhood', actor, '--format', 'json'));
    const ngn = hood.nodes.filter((n) => !(n.kind === 'actor' && n.id === actor))
      .map((n) => `${n.kind}:${n.id}`).sort();
    console.log(`neighbours of ${actor}  kuzu: ${kzn.length}  negograph: ${ngn.length}`);
    assert.ok(ngn.length > 0, `${actor} has neighbours in the demo`);
    assert.deepEqual(kzn, ngn);
  }

  // Every position survives the CSV round trip: quotes with commas, quotes
  // and newlines, typed offsets and confidence.
  const rows = await cypher(
    'MATCH (a:Node)-[p:Position]->(i:Node) RETURN p.id AS id, a.id AS actor, i.id AS issue, ' +
    'p.quote AS quote, p.span_start AS s, p.span_end AS e, p.sentence AS sentence, ' +
    'p.negated AS negated, p.round AS round ORDER BY p.id');
  const positions = jsonl(negograph('query', '--format', 'jsonl', '--limit', '0'))
    .sort((x, y) => (x.id < y.id ? -1 : 1));
  assert.equal(rows.length, positions.length);
  rows.forEach((r, k) => {
    const p = positions[k];
    assert.deepEqual(
      [r.id, r.actor, r.issue, r.quote, Number(r.s), Number(r.e), Number(r.sentence), r.negated, r.round ?? ''],
      [p.id, `actor:${p.actor}`, `issue:${p.issue}`, p.quote, p.start, p.end, p.sentence, p.negated, p.round]);
  });
  console.log(`kuzu: ${rows.length} positions equal to negograph's, field by field`);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
